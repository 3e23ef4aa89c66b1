/// How much of a message rules need to see.
public struct MessageNeeds: OptionSet, Sendable, Hashable {
    /// The raw value.
    public let rawValue: UInt8
    /// Creates needs from a raw value.
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// The MIME tree (attachments, text parts): parse with `.structure`.
    public static let structure = MessageNeeds(rawValue: 1)
    /// The decoded body text.
    public static let body = MessageNeeds(rawValue: 2)
}
