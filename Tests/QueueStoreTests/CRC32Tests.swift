import Testing

@testable import QueueStore

/// The journal's checksum is zlib's CRC-32, whatever the length and
/// alignment of the record: a journal written by one build must read in another.
@Suite struct CRC32Tests {
    /// Byte by byte, as the checksum is defined.
    static func reference(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        }
        return crc ^ 0xFFFF_FFFF
    }

    @Test func knownValues() {
        #expect(CRC32.checksum([][...]) == 0)
        #expect(CRC32.checksum(Array("123456789".utf8)[...]) == 0xCBF4_3926)
        #expect(CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8)[...]) == 0x414F_A339)
    }

    /// Every length from 0 to 40 (the eight-byte steps and the tail), from
    /// slices that start at every offset of an array.
    @Test func everyLengthAndOffsetMatchesTheDefinition() {
        let bytes = (0..<64).map { UInt8(truncatingIfNeeded: $0 &* 167 &+ 13) }
        for start in 0..<9 {
            for length in 0...40 {
                let slice = bytes[start..<(start + length)]
                #expect(CRC32.checksum(slice) == Self.reference(slice), "start \(start), length \(length)")
            }
        }
    }
}
