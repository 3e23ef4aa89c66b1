/// Reads the value of a MIME structured field: a leading token such as
/// `text/plain` or `attachment`, then `; name=value` parameters
/// (RFC 2045 section 5.1, RFC 2183, RFC 2231).
public enum ParameterParser {
    /// Splits an unfolded field value into its leading token and its parameters.
    ///
    /// Handles quoted values, comments, RFC 2231 continuations (`name*0`,
    /// `name*1*`) and charsets (`name*=utf-8''%E2%82%AC`), and the RFC 2047
    /// encoded words that mail clients put in quoted file names. Reads the
    /// junk real mailers send as mail clients do: a missing `;` between
    /// parameters, unquoted values with spaces (`name=my file.pdf`), an
    /// unterminated quote (taken to the end). A name given twice keeps its
    /// first value; an RFC 2231 value (`filename*`) wins over a plain one
    /// (`filename`). Never fails: problems are appended to `defects` with
    /// `location`. Time is linear in the length of `value` (sorting
    /// continuation sections aside).
    ///
    /// - Returns: the leading token (trimmed, case kept) and the parameters in order.
    public static func parse(
        _ value: String, location: String?, defects: inout [Defect]
    ) -> (token: String, parameters: MIMEParameters) {
        var contiguous = value
        return contiguous.withUTF8 { parse($0, location: location, defects: &defects) }
    }

    /// ``parse(_:location:defects:)`` of a value's UTF-8 bytes.
    static func parse(
        _ input: UnsafeBufferPointer<UInt8>, location: String?, defects: inout [Defect]
    ) -> (token: String, parameters: MIMEParameters) {
        var scanner = ParameterScanner(input, location: location)
        let token = scanner.leadingToken()
        var raw: [RawParameter] = []
        while let parameter = scanner.nextParameter() {
            raw.append(parameter)
        }
        var log = scanner.log
        let parameters = ParameterAssembly.assemble(raw, log: &log, defects: &defects)
        log.flush(into: &defects)
        return (token, parameters)
    }
}
