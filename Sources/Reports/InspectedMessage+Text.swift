import MessageModel

extension InspectedMessage {
    /// The message as a person reads it in a terminal: header fields, addresses,
    /// the MIME tree, text excerpts and defects, each under its own heading.
    /// Control characters in values are shown as `\u{..}` escapes so that a
    /// hostile message cannot drive the terminal.
    public func text() -> String {
        var out = "== \(Self.printable(position)) (\(size) bytes)\n"
        out += "header:\n"
        for field in fields {
            out += "  \(Self.printable(field.name)): \(Self.printable(field.value))\n"
        }
        out += "addresses:\n"
        var anyAddress = false
        for (name, list) in [("From", from), ("Sender", sender), ("Reply-To", replyTo), ("To", to), ("Cc", cc)] {
            for entry in list.entries {
                anyAddress = true
                switch entry {
                case .mailbox(let address):
                    out += "  \(name): \(Self.describe(address))\n"
                case .group(let group, let members):
                    out += "  \(name): group \"\(Self.printable(group))\" with \(members.count) member(s)\n"
                    for member in members { out += "    \(Self.describe(member))\n" }
                }
            }
        }
        if !anyAddress { out += "  (none)\n" }
        out += "mime:\n"
        for part in parts {
            let indent = String(repeating: "  ", count: part.depth + 1)
            // The media type and an unknown transfer encoding are spelled as the message spells them.
            var line = "\(indent)\(part.path.isEmpty ? "(message)" : part.path) \(Self.printable(part.mimeType))"
            if let charset = part.charset { line += " charset=\(Self.printable(charset))" }
            if part.childCount == 0 { line += " \(Self.printable(part.transferEncoding))" }
            line += " \(part.size) bytes"
            if let disposition = part.disposition { line += " \(Self.printable(disposition))" }
            if let filename = part.filename { line += " \"\(Self.printable(filename))\"" }
            out += line + "\n"
        }
        out += "text:\n"
        if textExcerpts.isEmpty { out += "  (no text parts)\n" }
        for excerpt in textExcerpts {
            let label = excerpt.path.isEmpty ? "(message)" : excerpt.path
            out += "  \(label): \(Self.printable(excerpt.text, lineBreaks: true))\n"
        }
        out += "defects:\n"
        if defects.isEmpty { out += "  (none)\n" }
        for defect in defects {
            out += "  \(Self.printable(defect.description))\n"
        }
        return out
    }

    static func describe(_ address: Address) -> String {
        var text = ""
        if let name = address.displayName { text += "\"\(printable(name))\" " }
        text += "<\(printable(address.addrSpec))>"
        if let comment = address.comment { text += " (\(printable(comment)))" }
        if address.domain == nil { text += " (no domain)" }
        return text
    }

    /// Escapes control characters; with `lineBreaks`, shows line breaks as `⏎` so an excerpt stays on one line.
    static func printable(_ text: String, lineBreaks: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n" where lineBreaks: out += "⏎"
            case "\r" where lineBreaks: continue
            case "\t": out += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
