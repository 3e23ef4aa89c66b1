extension ParameterAssembly {
    /// The value of RFC 2231 continuations (`name*0`, `name*1*`, ...), in
    /// section order whatever order they were written in.
    ///
    /// The bytes of all sections are joined before the charset (named in
    /// section 0) is decoded, because senders split values at byte
    /// boundaries, inside multi-byte characters. A duplicate section keeps
    /// its first value; missing sections are reported and the rest joined.
    /// When no section is encoded, the joined text may hold RFC 2047 encoded
    /// words split across sections, as Outlook writes them, and those are decoded.
    static func joinSections(
        _ sections: [RawParameter], name: String, log: inout DefectLog, defects: inout [Defect]
    ) -> String {
        // A stable sort keeps duplicates in the order written, so the first one is kept.
        let sorted = sections.enumerated()
            .sorted { ($0.element.section ?? 0, $0.offset) < ($1.element.section ?? 0, $1.offset) }
            .map(\.element)
        var ordered: [RawParameter] = []
        ordered.reserveCapacity(sorted.count)
        for section in sorted {
            guard let number = section.section else { continue }
            if let previous = ordered.last?.section, previous == number {
                log.add(.invalidParameter, "section \(number) of parameter \"\(name)\" given twice, the first kept")
                continue
            }
            let expected = (ordered.last?.section).map { $0 + 1 } ?? 0
            if number != expected {
                log.add(.invalidParameter, "parameter \"\(name)\" lacks section \(expected)")
            }
            ordered.append(section)
        }
        guard ordered.contains(where: \.isExtended) else {
            let joined = ordered.map(\.value).joined()
            return decodingEncodedWords(joined, name: name, log: &log, defects: &defects)
        }
        var charset = ""
        var bytes: [UInt8] = []
        for section in ordered {
            guard section.isExtended else {
                bytes.append(contentsOf: section.value.utf8)
                continue
            }
            var text = section.value[...]
            if section.section == 0 {
                (charset, text) = splitCharset(section.value, name: name, log: &log)
            }
            bytes.append(contentsOf: percentDecoded(text, name: name, log: &log))
        }
        return decode(bytes, charset: charset, name: name, log: &log)
    }
}
