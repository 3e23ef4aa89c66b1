/// One mailbox from an address field: `"Doe, John" <john.doe@example.com>`.
///
/// Addresses are what routing rules compare most, so each gives its parts
/// separately and a ``normalized`` form in which two spellings of the same
/// mailbox are equal.
public struct Address: Sendable, Hashable {
    /// The display name, with quoting removed, RFC 2047 words decoded and comments dropped; nil when absent.
    public var displayName: String?
    /// The text of a comment written with the address (`john@example.com (John Doe)`,
    /// the old way of writing a name), decoded; nil when there is none.
    ///
    /// RFC 5322 gives comments no meaning, so this is never the display name,
    /// but it is kept because for such addresses it is the only name there is.
    public var comment: String?
    /// The part before the `@`, unquoted (`"john doe"` becomes `john doe`); empty for the null address `<>`.
    public var localPart: String
    /// The part after the `@`; nil when the address has none (`undisclosed`, a bare local name).
    public var domain: String?
    /// Domains of an obsolete source route (`<@relay.example:john@example.com>`), kept for information.
    public var route: [String]

    /// Makes an address from its parts, stored as given (no unquoting or decoding).
    public init(displayName: String? = nil, localPart: String, domain: String?, route: [String] = [], comment: String? = nil) {
        self.displayName = displayName
        self.comment = comment
        self.localPart = localPart
        self.domain = domain
        self.route = route
    }

    /// The address as `local@domain`, the local part quoted again when it needs quotes;
    /// `<>` for the null address (no local part, no domain), as SMTP writes it.
    public var addrSpec: String {
        Address.addrSpec(local: localPart, domain: domain)
    }

    /// The form used to compare addresses: the addr-spec in lower case with a trailing dot dropped from the domain.
    ///
    /// RFC 5321 lets the local part be case-sensitive, but no mail system a
    /// contact centre talks to treats it so, and duplicate copies to
    /// `Sales@x` and `sales@x` are exactly what recipient fan-out must avoid.
    public var normalized: String {
        var domainPart = domain?.lowercased()
        if domainPart?.hasSuffix(".") == true { domainPart?.removeLast() }
        return Address.addrSpec(local: localPart.lowercased(), domain: domainPart)
    }

    private static func addrSpec(local: String, domain: String?) -> String {
        if local.isEmpty && domain == nil { return "<>" }
        if needsQuoting(local) {
            let written = quoted(local)
            guard let domain else { return written }
            return joined(written, domain)
        }
        guard let domain else { return local }
        return joined(local, domain)
    }

    /// `local@domain` made in one allocation: rules compare an addr-spec of
    /// every mailbox of a field, so appending piece by piece is measurable.
    private static func joined(_ local: String, _ domain: String) -> String {
        var local = local
        var domain = domain
        return local.withUTF8 { localBytes in
            domain.withUTF8 { domainBytes in
                String(unsafeUninitializedCapacity: localBytes.count + 1 + domainBytes.count) { buffer in
                    var end = buffer.initialize(fromContentsOf: localBytes)
                    buffer[end] = UInt8(ascii: "@")
                    end += 1
                    end = buffer[end...].initialize(fromContentsOf: domainBytes)
                    return end
                }
            }
        }
    }

    /// Byte by byte: ASCII scalars are single bytes, and every byte of a
    /// longer scalar is above 0x7F, which RFC 6532 lets stand unquoted.
    static func needsQuoting(_ local: String) -> Bool {
        if local.isEmpty { return true }
        var contiguous = local
        return contiguous.withUTF8 { bytes in
            var previousDot = true
            for byte in bytes {
                if byte == UInt8(ascii: ".") {
                    if previousDot { return true }
                    previousDot = true
                    continue
                }
                previousDot = false
                if byte > 0x7F { continue }
                if !AddressCharacters.isAtext(byte) { return true }
            }
            return previousDot
        }
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
    ///
    /// Kept as a bit set (bit n set when byte n is atext) because the address
    /// tokenizer asks this of every byte of a field.
    static func isAtext(_ byte: UInt8) -> Bool {
        if byte < 64 { return atextBelow64 >> UInt64(byte) & 1 == 1 }
        if byte < 128 { return atextFrom64 >> UInt64(byte - 64) & 1 == 1 }
        return false
    }

    private static let atextBelow64: UInt64 = 0xA3FF_ACFA_0000_0000
    private static let atextFrom64: UInt64 = 0x7FFF_FFFF_C7FF_FFFE
}
