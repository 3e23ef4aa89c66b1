import Glibc
import Testing

@testable import QueueStore

/// Growing the descriptor table up front leaves it large, and leaves the
/// descriptors already open as they were.
@Suite struct DescriptorTableTests {
    /// The table's size as the kernel reports it (`FDSize` in /proc/self/status).
    static func tableSize() throws -> Int {
        let status = try #require(fopen("/proc/self/status", "r"))
        defer { fclose(status) }
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, Int32(line.count), status) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if text.hasPrefix("FDSize:") {
                return try #require(Int(String(text.dropFirst("FDSize:".count).filter(\.isNumber))))
            }
        }
        Issue.record("no FDSize in /proc/self/status")
        return 0
    }

    /// The slots to expect: the reserved ones, or as many as the open-files limit allows.
    static func expectedSlots() throws -> Int {
        var limit = rlimit()
        try #require(getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0)
        return min(DescriptorTable.reserved, Int(clamping: limit.rlim_cur))
    }

    @Test func theTableHoldsTheReservedSlots() throws {
        let expected = try Self.expectedSlots()
        DescriptorTable.reserve()
        #expect(try Self.tableSize() >= expected)
    }

    /// A descriptor already at the top slot is not closed or replaced.
    @Test func aDescriptorInTheTopSlotIsKept() throws {
        let top = Int32(try Self.expectedSlots() - 1)
        var pipeEnds: [Int32] = [0, 0]
        #expect(pipe(&pipeEnds) == 0)
        defer { close(pipeEnds[0]) }
        // The slot may be taken by another test's file; then this test only checks it is left alone.
        let placed = fcntl(top, F_GETFD) == -1 ? dup2(pipeEnds[1], top) : -1
        close(pipeEnds[1])
        defer { if placed >= 0 { close(placed) } }
        var before = stat()
        let slotWasOpen = fstat(top, &before) == 0
        DescriptorTable.reserve()
        var after = stat()
        #expect((fstat(top, &after) == 0) == slotWasOpen)
        if slotWasOpen {
            #expect(after.st_ino == before.st_ino && after.st_dev == before.st_dev)
        }
        if placed >= 0 {
            #expect(write(placed, "x", 1) == 1)
            var byte: UInt8 = 0
            #expect(read(pipeEnds[0], &byte, 1) == 1 && byte == UInt8(ascii: "x"))
        }
    }
}
