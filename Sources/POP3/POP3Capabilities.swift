/// What a server says it supports, from its CAPA reply (RFC 2449 section 5).
///
/// Each line of the reply is a capability name and its arguments; names are
/// compared case-insensitively. A server that refuses CAPA (an RFC 1939-only
/// server) has no known capabilities: ``isKnown`` is false, and the client
/// then uses only what RFC 1939 requires of every server.
public struct POP3Capabilities: Sendable, Hashable {
    /// Whether the server answered CAPA at all.
    public let isKnown: Bool
    /// Each capability's arguments, keyed by its upper-cased name (`SASL` → `["PLAIN", "LOGIN"]`).
    public let arguments: [String: [String]]

    /// The capabilities of a server that did not answer CAPA.
    public static let unknown = POP3Capabilities(isKnown: false, arguments: [:])

    private init(isKnown: Bool, arguments: [String: [String]]) {
        self.isKnown = isKnown
        self.arguments = arguments
    }

    /// Reads the lines of a CAPA reply (without the status line and the final dot).
    /// Blank lines are skipped; a repeated name keeps its last arguments.
    public init(lines: [String]) {
        var arguments: [String: [String]] = [:]
        for line in lines {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let name = words.first else { continue }
            arguments[name.uppercased()] = Array(words.dropFirst())
        }
        self.init(isKnown: true, arguments: arguments)
    }

    /// Whether the capability `name` was listed (case-insensitive).
    public func contains(_ name: String) -> Bool { arguments[name.uppercased()] != nil }

    /// STLS (RFC 2595): the server can switch this connection to TLS.
    public var offersSTLS: Bool { contains("STLS") }
    /// PIPELINING: commands may be sent without waiting for each reply.
    public var offersPipelining: Bool { contains("PIPELINING") }
    /// TOP: headers of a message without its body.
    public var offersTop: Bool { contains("TOP") }
    /// UIDL: unique ids that stay the same across sessions.
    public var offersUIDL: Bool { contains("UIDL") }
    /// USER: USER/PASS login is allowed on this connection now.
    public var offersUser: Bool { contains("USER") }
    /// RESP-CODES: `-ERR` replies may start with a bracketed code.
    public var offersResponseCodes: Bool { contains("RESP-CODES") }
    /// The SASL mechanisms offered for AUTH, upper-cased.
    public var saslMechanisms: [String] { (arguments["SASL"] ?? []).map { $0.uppercased() } }
    /// The server's name for itself (IMPLEMENTATION), if given.
    public var implementation: String? { arguments["IMPLEMENTATION"].map { $0.joined(separator: " ") } }
}
