/// Reads address fields per RFC 5322 section 3.4, with the obsolete forms of
/// section 4.4 that real mail still uses.
///
/// It never fails: what cannot be read as an address is reported as an
/// ``Defect/Kind/invalidAddress`` defect and, where a mailbox can still be
/// recognised (a bare `name@domain` inside junk), that mailbox is kept.
/// Broken fields are read the way a careful mail client reads them, because
/// routing rules act on what the field appears to say. Time and memory are
/// linear in the length of the value, whatever it holds.
public enum AddressParser {
    /// Parses an unfolded field value (not yet RFC 2047-decoded; encoded words in
    /// display names are decoded here).
    ///
    /// - Parameters:
    ///   - value: the field's value after unfolding; raw UTF-8 (RFC 6532) is allowed.
    ///   - field: the field name, used as the location of defects.
    ///   - limits: at most `limits.maximumAddresses` entries (mailboxes and groups) are kept;
    ///     beyond that reading stops with a ``Defect/Kind/tooManyAddresses`` defect.
    ///   - defects: receives one defect per problem found, at most 50 per field (the
    ///     last of them saying that more were found), and one more when the limit is reached.
    public static func parse(
        _ value: String, field: String, limits: ParseLimits = .standard, defects: inout [Defect]
    ) -> AddressList {
        value.utf8.withContiguousStorageIfAvailable { parse($0, field: field, limits: limits, defects: &defects) }
            ?? Array(value.utf8).withUnsafeBufferPointer { parse($0, field: field, limits: limits, defects: &defects) }
    }

    /// ``parse(_:field:limits:defects:)`` of a value's UTF-8 bytes.
    static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, field: String, limits: ParseLimits = .standard, defects: inout [Defect]
    ) -> AddressList {
        var reader = Reader(bytes, field: field, limits: limits)
        let entries = reader.readPlainList()?.map(AddressList.Entry.mailbox) ?? reader.readList(inGroup: false)
        if !reader.defects.isEmpty { defects.append(contentsOf: reader.defects) }
        return AddressList(entries: entries)
    }

    /// The mailboxes of ``parse(_:field:limits:defects:)`` of `bytes`, groups
    /// flattened: ``AddressList/addresses`` of that list, with the same
    /// defects. A plain field (no groups) gives its mailboxes as read, without
    /// a copy of each into an entry and out again.
    static func mailboxes(
        _ bytes: UnsafeBufferPointer<UInt8>, field: String, limits: ParseLimits = .standard, defects: inout [Defect]
    ) -> [Address] {
        var reader = Reader(bytes, field: field, limits: limits)
        let mailboxes = reader.readPlainList() ?? AddressList(entries: reader.readList(inGroup: false)).addresses
        if !reader.defects.isEmpty { defects.append(contentsOf: reader.defects) }
        return mailboxes
    }
}
