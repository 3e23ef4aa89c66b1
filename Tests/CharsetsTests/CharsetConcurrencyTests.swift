import Charsets
import Testing

/// Decoding from many threads at once: each conversion owns its iconv state,
/// so stateful charsets (ISO-2022-JP, UTF-7) must not bleed into each other.
struct CharsetConcurrencyTests {
    static let work: [(charset: String, bytes: [UInt8], text: String)] = [
        ("iso-2022-jp", [0x1B, 0x24, 0x42, 0x46, 0x7C, 0x4B, 0x5C, 0x1B, 0x28, 0x42, 0x61], "日本a"),
        ("iso-2022-jp-2", [0x1B, 0x24, 0x42, 0x46, 0x7C, 0x4B, 0x5C, 0x1B, 0x28, 0x42, 0x61], "日本a"),
        ("utf-7", [0x2B, 0x49, 0x4B, 0x77, 0x2D, 0x31], "€1"),
        ("shift_jis", [0x93, 0xFA, 0x96, 0x7B], "日本"),
        ("koi8-r", [0xF0, 0xD2, 0xC9], "При"),
        ("iso-8859-1", [0xE9, 0x80], "é€"),
        ("utf-8", [0xE6, 0x97, 0xA5], "日"),
        ("gb18030", [0xC4, 0xE3, 0xBA, 0xC3], "你好"),
    ]

    @Test func decodesFromManyTasksAtOnce() async {
        let mismatches = await withTaskGroup(of: Int.self) { group in
            for worker in 0..<16 {
                group.addTask {
                    var mismatches = 0
                    for round in 0..<500 {
                        let item = Self.work[(worker + round) % Self.work.count]
                        if CharsetDecoder.decode(item.bytes, charset: item.charset).text != item.text {
                            mismatches += 1
                        }
                    }
                    return mismatches
                }
            }
            return await group.reduce(0, +)
        }
        #expect(mismatches == 0)
    }
}
