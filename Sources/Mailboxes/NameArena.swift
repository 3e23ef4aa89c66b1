/// File names read from directories, kept one after the other, each ended
/// by a NUL, in one block of bytes: listing a Maildir of a hundred thousand
/// files makes one growing array instead of a hundred thousand small ones,
/// and each name can go to `openat` as it is.
struct NameArena {
    private var bytes: [CChar] = []
    private var starts: [Int] = []

    /// The number of names.
    var count: Int { starts.count }

    /// Adds a name (without NUL) and returns its index.
    @discardableResult
    mutating func append(_ name: UnsafeRawBufferPointer) -> Int {
        starts.append(bytes.count)
        bytes.append(contentsOf: name.assumingMemoryBound(to: CChar.self))
        bytes.append(0)
        return starts.count - 1
    }

    /// Calls `body` with name `index`: its bytes without the NUL, and a
    /// pointer to them as a C string (the NUL follows).
    func withName<Result>(_ index: Int, _ body: (UnsafeRawBufferPointer, UnsafePointer<CChar>) -> Result) -> Result {
        let start = starts[index]
        let end = index + 1 < starts.count ? starts[index + 1] - 1 : bytes.count - 1
        return bytes.withUnsafeBufferPointer { buffer in
            let name = UnsafeBufferPointer(rebasing: buffer[start..<end])
            return body(UnsafeRawBufferPointer(name), buffer.baseAddress! + start)
        }
    }

    /// Calls `body` with every name's bytes, in order, for sorting.
    func withNames<Result>(_ body: (_ name: (Int) -> UnsafeRawBufferPointer) -> Result) -> Result {
        bytes.withUnsafeBytes { all in
            body { index in
                let start = starts[index]
                let end = index + 1 < starts.count ? starts[index + 1] - 1 : all.count - 1
                return UnsafeRawBufferPointer(rebasing: all[start..<end])
            }
        }
    }
}
