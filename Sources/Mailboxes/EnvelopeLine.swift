/// The mbox `From ` line that comes before each message: `From sender date`.
enum EnvelopeLine {
    /// The five bytes that start an envelope line: `From ` with one space.
    static let prefix: [UInt8] = Array("From ".utf8)

    /// Whether `bytes` starts with `From `.
    static func starts(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.starts(with: prefix)
    }

    /// The sender named on an envelope line (given from its `From `, line
    /// break optional): the first word after `From `, or nil if there is none.
    static func sender(_ line: some Collection<UInt8>) -> String? {
        let isBlank = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
        let word = line.dropFirst(prefix.count).drop(while: isBlank).prefix { !isBlank($0) }
        return word.isEmpty ? nil : String(decoding: word, as: UTF8.self)
    }
}
