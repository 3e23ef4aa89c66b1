/// Bounds that keep hostile messages from costing unbounded time or memory.
///
/// Every limit, when reached, ends the work it bounds with a ``Defect`` on the
/// message; parsing never fails because of a limit.
public struct ParseLimits: Sendable, Hashable {
    /// Header fields kept per header section; further fields are counted in a defect and dropped.
    public var maximumHeaderFields: Int
    /// How deep multiparts and encapsulated messages may nest; deeper content is kept as an opaque leaf.
    public var maximumNestingDepth: Int
    /// MIME parts kept per message; further parts are kept inside their parent as opaque bytes.
    public var maximumParts: Int
    /// Address entries read per address field.
    public var maximumAddresses: Int

    public init(
        maximumHeaderFields: Int = 10_000,
        maximumNestingDepth: Int = 50,
        maximumParts: Int = 10_000,
        maximumAddresses: Int = 10_000
    ) {
        self.maximumHeaderFields = maximumHeaderFields
        self.maximumNestingDepth = maximumNestingDepth
        self.maximumParts = maximumParts
        self.maximumAddresses = maximumAddresses
    }

    /// The limits mailroute uses unless told otherwise.
    public static let standard = ParseLimits()
}
