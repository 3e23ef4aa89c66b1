/// The media type of a message or part (RFC 2045 section 5), such as `text/plain; charset=utf-8`.
public struct ContentType: Sendable, Hashable {
    /// The top-level type in lower case: `text`, `multipart`, `message`, ...
    public var type: String
    /// The subtype in lower case: `plain`, `mixed`, `rfc822`, ...
    public var subtype: String
    public var parameters: MIMEParameters

    public init(type: String, subtype: String, parameters: MIMEParameters = MIMEParameters()) {
        self.type = type
        self.subtype = subtype
        self.parameters = parameters
    }

    /// `type/subtype`.
    public var mimeType: String { "\(type)/\(subtype)" }

    public var isMultipart: Bool { type == "multipart" }
    public var isText: Bool { type == "text" }
    /// `message/rfc822` and `message/global`, whose body is a whole message.
    public var isEncapsulatedMessage: Bool {
        type == "message" && (subtype == "rfc822" || subtype == "global")
    }

    /// The default of RFC 2045 section 5.2 for a part without Content-Type.
    public static let textPlain = ContentType(
        type: "text", subtype: "plain", parameters: MIMEParameters([.init(name: "charset", value: "us-ascii")]))
    /// The default for a part of a `multipart/digest` (RFC 2046 section 5.1.5).
    public static let messageRFC822 = ContentType(type: "message", subtype: "rfc822")
}
