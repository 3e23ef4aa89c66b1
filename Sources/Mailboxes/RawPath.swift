/// A file path kept as the bytes the system uses.
///
/// Names read from a directory are not always valid UTF-8; holding them as
/// bytes means such files can still be opened, and sorting by bytes gives the
/// same order everywhere (`LC_ALL=C sort`).
struct RawPath: Comparable {
    /// The path's bytes followed by a NUL, ready to hand to a system call.
    let cString: [CChar]

    init(_ path: String) {
        cString = Array(path.utf8CString)
    }

    /// The path made of a single name (without NUL) read from a directory.
    init(name: [CChar]) {
        cString = name + [0]
    }

    private init(cString: [CChar]) {
        self.cString = cString
    }

    /// Whether the path is empty: the mailbox's own directory, as a relative path.
    var isEmpty: Bool { cString.count == 1 }

    /// The path's bytes without the NUL, for joining onto another path.
    var name: [CChar] { Array(cString.dropLast()) }

    /// The path with `component` (a file name, without NUL) added after a `/`.
    /// One allocation: directory readers make one path per file.
    func appending(_ component: [CChar]) -> RawPath {
        let length = cString.count - 1
        var joined = cString
        joined.removeLast()
        joined.reserveCapacity(length + 1 + component.count + 1)
        if length > 0 && cString[length - 1] != CChar(UInt8(ascii: "/")) { joined.append(CChar(UInt8(ascii: "/"))) }
        joined.append(contentsOf: component)
        joined.append(0)
        return RawPath(cString: joined)
    }

    /// The path for people: bytes that are not UTF-8 are shown as U+FFFD.
    var display: String {
        cString.withUnsafeBytes { String(decoding: $0.dropLast(), as: UTF8.self) }
    }

    static func < (lhs: RawPath, rhs: RawPath) -> Bool {
        bytesPrecede(lhs.cString, rhs.cString)
    }

    /// Whether `lhs` sorts before `rhs` comparing unsigned bytes (CChar is
    /// signed, which would put UTF-8 names before ASCII ones).
    static func bytesPrecede(_ lhs: [CChar], _ rhs: [CChar]) -> Bool {
        compareBytes(lhs, rhs) < 0
    }

    /// Negative, zero or positive as `lhs` sorts before, with or after `rhs`,
    /// comparing unsigned bytes (`memcmp`), a shorter prefix first.
    static func compareBytes(_ lhs: [CChar], _ rhs: [CChar]) -> Int {
        lhs.withUnsafeBytes { left in rhs.withUnsafeBytes { right in ByteOrder.compare(left, right) } }
    }
}
