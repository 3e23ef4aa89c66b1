/// A problem found while reading a message.
///
/// Real mail is often broken. mailroute never refuses a message for being
/// malformed: it reads what it can, the way a careful mail client does, and
/// records each departure from the standards as a defect so that a routing
/// designer can see why a field looks the way it does.
public struct Defect: Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem this is; stable, for machines and tests.
    public var kind: Kind
    /// A sentence for a person: what was found, quoting a short excerpt where useful.
    public var detail: String
    /// Where it was found: a header name (`Subject`) or a MIME part path (`1.2`), or nil for the whole message.
    public var location: String?

    public init(_ kind: Kind, _ detail: String, at location: String? = nil) {
        self.kind = kind
        self.detail = detail
        self.location = location
    }

    public var description: String {
        if let location { return "\(kind.rawValue) (\(location)): \(detail)" }
        return "\(kind.rawValue): \(detail)"
    }

    /// The kinds of defect. Raw values are stable identifiers used in `--json` output.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        // Framing of the header section.
        case missingHeaderBodySeparator = "missing-header-body-separator"
        case invalidHeaderLine = "invalid-header-line"
        case leadingContinuationLine = "leading-continuation-line"
        case tooManyHeaderFields = "too-many-header-fields"
        case bareCarriageReturn = "bare-carriage-return"
        case nulByte = "nul-byte"
        case emptyMessage = "empty-message"
        // Decoding of text.
        case invalidEncodedWord = "invalid-encoded-word"
        case unknownCharset = "unknown-charset"
        case invalidCharsetBytes = "invalid-charset-bytes"
        case invalidUTF8Header = "invalid-utf8-header"
        // Structured fields.
        case invalidAddress = "invalid-address"
        case tooManyAddresses = "too-many-addresses"
        case invalidContentType = "invalid-content-type"
        case invalidParameter = "invalid-parameter"
        case duplicateField = "duplicate-field"
        // MIME structure.
        case missingBoundary = "missing-boundary"
        case missingClosingBoundary = "missing-closing-boundary"
        case noPartsInMultipart = "no-parts-in-multipart"
        case nestingTooDeep = "nesting-too-deep"
        case tooManyParts = "too-many-parts"
        case unknownTransferEncoding = "unknown-transfer-encoding"
        case invalidBase64 = "invalid-base64"
        case invalidQuotedPrintable = "invalid-quoted-printable"
        case transferEncodingOnComposite = "transfer-encoding-on-composite"
    }
}
