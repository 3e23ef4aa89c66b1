/// What an IMAP server says it can do: the atoms of its CAPABILITY
/// response (or of a `[CAPABILITY ...]` response code), upper-cased.
public struct IMAPCapabilities: Sendable, Hashable, CustomStringConvertible {
    /// The capability atoms, upper-cased (`IMAP4REV1`, `AUTH=PLAIN`, `LITERAL+`).
    public private(set) var atoms: Set<String>

    /// Capabilities from atoms in any case.
    public init(_ atoms: some Sequence<String>) {
        self.atoms = Set(atoms.map { $0.uppercased() })
    }

    /// Whether the server lists `atom` (compared without regard to case).
    public func contains(_ atom: String) -> Bool {
        atoms.contains(atom.uppercased())
    }

    /// STARTTLS (RFC 3501 6.2.1).
    public var offersStartTLS: Bool { contains("STARTTLS") }
    /// LOGINDISABLED: the LOGIN command is refused on this connection.
    public var disablesLogin: Bool { contains("LOGINDISABLED") }
    /// AUTH=PLAIN (RFC 4616).
    public var offersAuthPlain: Bool { contains("AUTH=PLAIN") }
    /// SASL-IR (RFC 4959): AUTHENTICATE may carry the initial response.
    public var offersInitialResponse: Bool { contains("SASL-IR") }
    /// MOVE (RFC 6851).
    public var offersMove: Bool { contains("MOVE") }
    /// UIDPLUS (RFC 4315): UID EXPUNGE of chosen messages.
    public var offersUIDPlus: Bool { contains("UIDPLUS") }
    /// LITERAL+ (RFC 7888): literals of any size may be sent without waiting.
    public var offersLiteralPlus: Bool { contains("LITERAL+") }
    /// LITERAL- (RFC 7888): literals up to 4096 bytes may be sent without waiting.
    public var offersLiteralMinus: Bool { contains("LITERAL-") }

    /// The atoms, sorted, separated by spaces.
    public var description: String { atoms.sorted().joined(separator: " ") }
}
