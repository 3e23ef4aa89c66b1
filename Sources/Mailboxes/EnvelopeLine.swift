/// The mbox `From ` line that comes before each message: `From sender date`.
enum EnvelopeLine {
    /// The five bytes that start an envelope line: `From ` with one space.
    static let prefix: [UInt8] = Array("From ".utf8)

    /// How many bytes ``starts(_:)`` needs to decide.
    static let probeLength = prefix.count + 1

    /// Whether `bytes` starts an envelope line: `From ` directly followed by
    /// the sender. `From  : John` or `From : John` is a header field written
    /// with white space before its colon (RFC 5322 obsolete syntax), not an
    /// envelope line, and a message file that starts with one is no mbox.
    static func starts(_ bytes: some Collection<UInt8>) -> Bool {
        guard bytes.starts(with: prefix) else { return false }
        guard let next = bytes.dropFirst(prefix.count).first else { return false }
        return next != 0x20 && next != 0x09 && next != UInt8(ascii: ":")
    }

    /// The sender named on an envelope line (given from its `From `, line
    /// break optional): the first word after `From `, or nil if there is none.
    static func sender(_ line: some Collection<UInt8>) -> String? {
        let isBlank = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
        let word = line.dropFirst(prefix.count).drop(while: isBlank).prefix { !isBlank($0) }
        return word.isEmpty ? nil : String(decoding: word, as: UTF8.self)
    }
}
