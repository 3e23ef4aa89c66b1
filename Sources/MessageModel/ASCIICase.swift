/// Lower-casing of the ASCII text that header field names, media types and
/// encodings are made of, without the Unicode tables `String.lowercased()`
/// consults for every character.
///
/// Every function gives exactly what `lowercased()` gives: text with a byte
/// outside ASCII goes through `lowercased()` itself.
public enum ASCIICase {
    /// `text.lowercased()`; `text` itself, sharing its storage, when it has
    /// no upper-case letter. For field names and other keys of the message
    /// model, looked up once per message or more.
    public static func lowercased(_ text: String) -> String {
        var contiguous = text
        enum Finding { case lowerCase, notASCII, lowered(String) }
        let finding = contiguous.withUTF8 { bytes -> Finding in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return .notASCII }
            guard bytes.contains(where: isUpper) else { return .lowerCase }
            return .lowered(lowered(bytes))
        }
        switch finding {
        case .lowerCase: return text
        case .notASCII: return text.lowercased()
        case .lowered(let result): return result
        }
    }

    /// The bytes read as UTF-8 and lower-cased, as `String(decoding:as:).lowercased()` gives them.
    static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return String(decoding: bytes, as: UTF8.self).lowercased() }
        return lowered(bytes)
    }

    /// Whether `byte` is an ASCII upper-case letter.
    static func isUpper(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "A") < 26
    }

    private static func lowered(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { buffer in
            for index in bytes.indices {
                let byte = bytes[index]
                buffer[index] = isUpper(byte) ? byte | 0x20 : byte
            }
            return bytes.count
        }
    }
}
