/// One mailbox from an address field: `"Doe, John" <john.doe@example.com>`.
///
/// Addresses are what routing rules compare most, so each gives its parts
/// separately and a ``normalized`` form in which two spellings of the same
/// mailbox are equal.
public struct Address: Sendable, Hashable {
    /// The display name, with quoting removed, RFC 2047 words decoded and comments dropped; nil when absent.
    public var displayName: String?
    /// The part before the `@`, unquoted (`"john doe"` becomes `john doe`).
    public var localPart: String
    /// The part after the `@`; nil when the address has none (`undisclosed`, a bare local name).
    public var domain: String?
    /// Domains of an obsolete source route (`<@relay.example:john@example.com>`), kept for information.
    public var route: [String]

    public init(displayName: String? = nil, localPart: String, domain: String?, route: [String] = []) {
        self.displayName = displayName
        self.localPart = localPart
        self.domain = domain
        self.route = route
    }

    /// The address as `local@domain`, the local part quoted again when it needs quotes.
    public var addrSpec: String {
        let local = Address.needsQuoting(localPart) ? Address.quoted(localPart) : localPart
        guard let domain else { return local }
        return "\(local)@\(domain)"
    }

    /// The form used to compare addresses: the addr-spec in lower case with a trailing dot dropped from the domain.
    ///
    /// RFC 5321 lets the local part be case-sensitive, but no mail system a
    /// contact centre talks to treats it so, and duplicate copies to
    /// `Sales@x` and `sales@x` are exactly what recipient fan-out must avoid.
    public var normalized: String {
        var domainPart = domain?.lowercased() ?? ""
        if domainPart.hasSuffix(".") { domainPart.removeLast() }
        let local = localPart.lowercased()
        return domain == nil ? local : "\(local)@\(domainPart)"
    }

    static func needsQuoting(_ local: String) -> Bool {
        if local.isEmpty { return true }
        var previousDot = true
        for scalar in local.unicodeScalars {
            if scalar == "." {
                if previousDot { return true }
                previousDot = true
                continue
            }
            previousDot = false
            if scalar.value > 0x7F { continue }  // RFC 6532 lets UTF-8 stand unquoted
            if !AddressCharacters.isAtext(UInt8(scalar.value)) { return true }
        }
        return previousDot
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for ch in text {
            if ch == "\"" || ch == "\\" { out.append("\\") }
            out.append(ch)
        }
        out.append("\"")
        return out
    }
}

/// Character classes of RFC 5322 section 3.2.3.
enum AddressCharacters {
    /// `atext`: letters, digits and ``!#$%&'*+-/=?^_`{|}~``.
    static func isAtext(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "!#$%&'*+-/=?^_`{|}~".utf8.contains(byte)
        }
    }
}
