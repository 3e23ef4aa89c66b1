/// Mailbox names as IMAP4rev1 spells them (RFC 3501 5.1.3): printable
/// ASCII stands for itself, `&` is `&-`, anything else is UTF-16 in
/// base64 (with `,` for `/`) between `&` and `-`.
enum ModifiedUTF7 {
    /// `name` in modified UTF-7; always printable ASCII.
    static func encode(_ name: String) -> String {
        var output: [UInt8] = []
        var pending: [UInt8] = []  // UTF-16BE bytes of the current non-ASCII run
        func flush() {
            guard !pending.isEmpty else { return }
            output.append(UInt8(ascii: "&"))
            output += Base64.encode(pending, alphabet: Base64.mailbox, padded: false)
            output.append(UInt8(ascii: "-"))
            pending.removeAll()
        }
        for scalar in name.unicodeScalars {
            if scalar.value >= 0x20 && scalar.value <= 0x7E {
                flush()
                output.append(UInt8(scalar.value))
                if scalar == "&" { output.append(UInt8(ascii: "-")) }
            } else {
                for unit in String(scalar).utf16 {
                    pending.append(UInt8(unit >> 8))
                    pending.append(UInt8(unit & 0xFF))
                }
            }
        }
        flush()
        return String(decoding: output, as: UTF8.self)
    }

    /// The Unicode name that `encoded` spells, or nil if it is not valid
    /// modified UTF-7.
    static func decode(_ encoded: [UInt8]) -> String? {
        var units: [UInt16] = []
        var index = 0
        while index < encoded.count {
            let byte = encoded[index]
            guard byte >= 0x20 && byte <= 0x7E else { return nil }
            guard byte == UInt8(ascii: "&") else {
                units.append(UInt16(byte))
                index += 1
                continue
            }
            guard let dash = encoded[index...].firstIndex(of: UInt8(ascii: "-")) else { return nil }
            if dash == index + 1 {
                units.append(UInt16(UInt8(ascii: "&")))
            } else {
                guard let bytes = Base64.decode(encoded[(index + 1)..<dash], alphabet: Base64.mailbox),
                    bytes.count % 2 == 0
                else { return nil }
                for pair in stride(from: 0, to: bytes.count, by: 2) {
                    units.append(UInt16(bytes[pair]) << 8 | UInt16(bytes[pair + 1]))
                }
            }
            index = dash + 1
        }
        var text = ""
        for result in UTF16.decode(units) {
            guard let scalar = result else { return nil }
            text.unicodeScalars.append(scalar)
        }
        return text
    }
}

private extension UTF16 {
    /// The scalars `units` spell; nil for each unpaired surrogate.
    static func decode(_ units: [UInt16]) -> [Unicode.Scalar?] {
        var results: [Unicode.Scalar?] = []
        var iterator = units.makeIterator()
        var decoder = UTF16()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): results.append(scalar)
            case .emptyInput: break loop
            case .error: results.append(nil)
            }
        }
        return results
    }
}
