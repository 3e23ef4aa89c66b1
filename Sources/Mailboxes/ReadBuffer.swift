/// A byte buffer that one directory reader, or one thread reading
/// ``ListedEntry`` values, reuses for every file it reads in part, so reading
/// a header section costs no allocation beyond the bytes that are kept.
///
/// It is allocated on first use, grows as a file needs and shrinks back after
/// a file that needed more than ``keptCapacity``, so one huge header section
/// does not pin memory for the rest of the mailbox. Used by one thread at a
/// time, like its reader; not Sendable.
public final class ReadBuffer {
    /// The size of the buffer once allocated, and the most it keeps between files.
    static let keptCapacity = 64 * 1024

    private(set) var storage = UnsafeMutableRawBufferPointer(start: nil, count: 0)

    /// An empty buffer; memory is taken at the first read that needs it.
    public init() {}

    deinit {
        storage.deallocate()
    }

    /// Makes room for at least `count` bytes, keeping the first `kept` bytes.
    func reserve(_ count: Int, keeping kept: Int) {
        guard count > storage.count else { return }
        let larger = UnsafeMutableRawBufferPointer.allocate(
            byteCount: max(count, storage.count * 2, Self.keptCapacity), alignment: 16)
        if kept > 0, let source = storage.baseAddress {
            larger.baseAddress?.copyMemory(from: source, byteCount: kept)
        }
        storage.deallocate()
        storage = larger
    }

    /// Gives back memory a large file made the buffer take.
    func shrink() {
        guard storage.count > Self.keptCapacity else { return }
        storage.deallocate()
        storage = .allocate(byteCount: Self.keptCapacity, alignment: 16)
    }

    /// A copy of the first `count` bytes, the only allocation a read keeps.
    func copy(_ count: Int) -> [UInt8] {
        // From a typed buffer: the copy is specialized here, where
        // `init(unsafeUninitializedCapacity:)` would look up generic metadata each time.
        Array(UnsafeRawBufferPointer(rebasing: storage[..<count]).assumingMemoryBound(to: UInt8.self))
    }
}
