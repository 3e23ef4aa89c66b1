/// The parameters of a Content-Type or Content-Disposition field, in order.
///
/// Names are compared without regard to case. Values are fully decoded:
/// quoting removed, RFC 2231 continuations joined and charsets converted.
public struct MIMEParameters: Sendable, Hashable {
    /// One `name=value` pair.
    public struct Parameter: Sendable, Hashable {
        /// The name in lower case, without any RFC 2231 `*` or `*N` suffix.
        public var name: String
        public var value: String
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public var items: [Parameter]

    public init(_ items: [Parameter] = []) {
        self.items = items
    }

    /// The value of the first parameter with this name (any case), or nil.
    public subscript(name: String) -> String? {
        let key = ASCIICase.lowercased(name)
        return items.first { $0.name == key }?.value
    }
}
