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
    func appending(_ component: [CChar]) -> RawPath {
        var joined = cString.dropLast()
        if let last = joined.last, last != CChar(UInt8(ascii: "/")) {
            joined.append(CChar(UInt8(ascii: "/")))
        }
        joined.append(contentsOf: component)
        joined.append(0)
        return RawPath(cString: Array(joined))
    }

    /// The path for people: bytes that are not UTF-8 are shown as U+FFFD.
    var display: String {
        String(decoding: cString.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func < (lhs: RawPath, rhs: RawPath) -> Bool {
        bytesPrecede(lhs.cString, rhs.cString)
    }

    /// Whether `lhs` sorts before `rhs` comparing unsigned bytes (CChar is
    /// signed, which would put UTF-8 names before ASCII ones).
    static func bytesPrecede(_ lhs: [CChar], _ rhs: [CChar]) -> Bool {
        lhs.lexicographicallyPrecedes(rhs) { UInt8(bitPattern: $0) < UInt8(bitPattern: $1) }
    }
}
