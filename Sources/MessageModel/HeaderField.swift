/// One header field as written in the message: `Subject: =?utf-8?Q?Hi?=`.
///
/// The raw bytes are kept exactly; unfolding and decoding are done on request
/// because most fields are never looked at.
public struct HeaderField: Sendable {
    /// The field name as written (case kept).
    public let name: String
    /// The field name in lower case, for comparisons.
    public let lowercasedName: String
    /// The bytes after the colon up to the end of the field, folding line breaks included, final line break excluded.
    public let rawValue: ArraySlice<UInt8>
    /// The 1-based line of the field's first line, counted in the message (or the encapsulated message) it belongs to.
    public let line: Int

    public init(name: String, rawValue: ArraySlice<UInt8>, line: Int) {
        self.init(name: name, lowercasedName: ASCIICase.lowercased(name), rawValue: rawValue, line: line)
    }

    /// A field whose lower-case name the caller already has.
    init(name: String, lowercasedName: String, rawValue: ArraySlice<UInt8>, line: Int) {
        self.name = name
        self.lowercasedName = lowercasedName
        self.rawValue = rawValue
        self.line = line
    }

    /// The value unfolded (line breaks removed, RFC 5322 section 2.2.3) and with
    /// leading and trailing white space trimmed, read as UTF-8 (RFC 6532) with
    /// invalid bytes replaced by U+FFFD.
    public var unfoldedValue: String {
        HeaderText.unfold(rawValue)
    }

    /// The unfolded value with RFC 2047 encoded words decoded, as an unstructured field is shown to a person.
    public func decodedValue(defects: inout [Defect]) -> String {
        let unfolded = HeaderText.unfold(rawValue)
        if HeaderText.hasInvalidUTF8(rawValue) {
            defects.append(Defect(.invalidUTF8Header, "the value has bytes that are not UTF-8", at: name))
        }
        // Unfolding only drops line breaks and outer white space and repairs
        // invalid UTF-8, so the raw bytes tell, without walking the String.
        guard rawValue.contains(UInt8(ascii: "=")) else { return unfolded }
        return EncodedWords.decode(unfolded, location: name, defects: &defects)
    }

    /// The value read as an address list: ``AddressParser/parse(_:field:limits:defects:)``
    /// of ``unfoldedValue``, with the field's name as the location of problems.
    /// An ASCII value written on one line is read in place, without a copy.
    public func addressList(limits: ParseLimits = .standard, defects: inout [Defect]) -> AddressList {
        withUnfoldedValue { AddressParser.parse($0, field: name, limits: limits, defects: &defects) }
    }

    /// The mailboxes of ``addressList(limits:defects:)``, groups flattened, as
    /// ``AddressList/addresses`` gives them; what rules on addresses read.
    public func addresses(limits: ParseLimits = .standard, defects: inout [Defect]) -> [Address] {
        withUnfoldedValue { AddressParser.mailboxes($0, field: name, limits: limits, defects: &defects) }
    }

    /// Calls `body` with the UTF-8 bytes of ``unfoldedValue``: in place for an
    /// ASCII value written on one line, the usual case, else from the unfolded
    /// copy (which also repairs invalid UTF-8).
    func withUnfoldedValue<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let inPlace = rawValue.withUnsafeBufferPointer { raw -> Result? in
            var start = 0
            var end = raw.count
            while start < end, HeaderText.isWhitespace(raw[start]) { start += 1 }
            while end > start, HeaderText.isWhitespace(raw[end - 1]) { end -= 1 }
            let value = UnsafeBufferPointer(rebasing: raw[start..<end])
            guard value.allSatisfy({ $0 < 0x80 && $0 != 0x0D && $0 != 0x0A }) else { return nil }
            return body(value)
        }
        if let inPlace { return inPlace }
        var unfolded = unfoldedValue
        return unfolded.withUTF8(body)
    }

    /// The decoded value, problems ignored.
    public var decodedValue: String {
        var ignored: [Defect] = []
        return decodedValue(defects: &ignored)
    }
}
