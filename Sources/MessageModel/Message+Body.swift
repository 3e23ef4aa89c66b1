import Charsets

extension Message {
    /// The body of `part` with its Content-Transfer-Encoding undone.
    ///
    /// Never fails: invalid base64 characters are skipped and malformed
    /// quoted-printable escapes are kept as written, each with a defect.
    /// A multipart's body is returned as it is.
    public func decodedBody(of part: MIMEPart, defects: inout [Defect]) -> [UInt8] {
        let raw = bytes[part.bodyRange]
        let location = part.path.isEmpty ? nil : "part \(part.path)"
        switch part.transferEncoding {
        case .base64 where part.children.isEmpty:
            return Base64Decoder.decode(raw, location: location, defects: &defects)
        case .quotedPrintable where part.children.isEmpty:
            return QuotedPrintableDecoder.decode(raw, location: location, defects: &defects)
        default:
            return Array(raw)
        }
    }

    /// The text of a `text/*` part: transfer encoding undone and its charset
    /// (default US-ASCII, RFC 2046 section 4.1.2) converted to a `String`.
    ///
    /// Unknown charsets and invalid bytes give U+FFFD and a defect, never a failure.
    public func text(of part: MIMEPart, defects: inout [Defect]) -> String {
        let body = decodedBody(of: part, defects: &defects)
        let charset = part.contentType.parameters["charset"] ?? "us-ascii"
        let decoded = CharsetDecoder.decode(body, charset: charset)
        if let problem = decoded.problem {
            let location = part.path.isEmpty ? nil : "part \(part.path)"
            switch problem {
            case .unknownCharset:
                defects.append(Defect(.unknownCharset, "body text: \(problem)", at: location))
            case .invalidBytes:
                defects.append(Defect(.invalidCharsetBytes, "body text: \(problem)", at: location))
            }
        }
        return decoded.text
    }
}
