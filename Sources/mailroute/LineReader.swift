import Glibc

/// Reads a file line by line with `pread`, from a start offset to an end
/// offset (or the end of the file), in blocks, without holding more than a line.
struct LineReader {
    /// The longest line accepted: far above any report line, low enough that
    /// a file that is not a report cannot exhaust memory.
    static let maximumLineLength = 64 << 20

    private let descriptor: Int32
    private let path: String
    private var offset: Int
    private let end: Int?
    private var block: [UInt8] = []
    private var blockStart = 0

    /// Lines of the open file `descriptor` (not closed here) from `start` up to `end`.
    init(descriptor: Int32, path: String, start: Int = 0, end: Int? = nil) {
        self.descriptor = descriptor
        self.path = path
        offset = start
        self.end = end
    }

    /// The next line without its line feed, or nil at the end.
    /// - Throws: ``FileError`` when reading fails or a line is longer than ``maximumLineLength``.
    mutating func next() throws(FileError) -> [UInt8]? {
        while true {
            if let newline = block[blockStart...].firstIndex(of: 0x0A) {
                let line = Array(block[blockStart..<newline])
                blockStart = newline + 1
                return line
            }
            let read = try fill()
            if read == 0 {
                guard blockStart < block.count else { return nil }
                let line = Array(block[blockStart...])
                blockStart = block.count
                return line
            }
            if block.count - blockStart > Self.maximumLineLength {
                throw FileError(path: path, action: "read a line of at most \(Self.maximumLineLength) bytes from", code: EFBIG)
            }
        }
    }

    private mutating func fill() throws(FileError) -> Int {
        if blockStart > 0 {
            block.removeFirst(blockStart)
            blockStart = 0
        }
        var want = 1 << 16
        if let end { want = min(want, end - offset) }
        guard want > 0 else { return 0 }
        var chunk = [UInt8](repeating: 0, count: want)
        while true {
            let count = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, want, off_t(offset)) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, action: "read", code: errno)
            }
            block += chunk[0..<count]
            offset += count
            return count
        }
    }
}
