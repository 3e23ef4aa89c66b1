import Glibc

/// The files of a folder of regression cases: `NAME.eml` with `NAME.expect`.
enum CaseFolder {
    /// A problem with the folder itself, or a case missing one of its two files.
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    /// The names of the cases, sorted; an `.eml` without `.expect` (or the other way round) is a problem.
    static func caseNames(in folder: String) throws(Problem) -> [String] {
        guard let directory = opendir(folder) else {
            throw Problem(description: "cannot read the case folder \(folder): \(String(cString: strerror(errno)))")
        }
        defer { closedir(directory) }
        var messages = Set<String>()
        var expectations = Set<String>()
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name.hasSuffix(".eml") { messages.insert(String(name.dropLast(4))) }
            if name.hasSuffix(".expect") { expectations.insert(String(name.dropLast(7))) }
        }
        if let lonely = messages.subtracting(expectations).sorted().first {
            throw Problem(description: "\(folder)/\(lonely).eml has no \(lonely).expect beside it")
        }
        if let lonely = expectations.subtracting(messages).sorted().first {
            throw Problem(description: "\(folder)/\(lonely).expect has no \(lonely).eml beside it")
        }
        return messages.sorted()
    }

    static func readText(_ path: String) throws(Problem) -> String {
        String(decoding: try readBytes(path), as: UTF8.self)
    }

    /// The whole file, byte for byte.
    static func readBytes(_ path: String) throws(Problem) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Problem(description: "cannot read \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Problem(description: "cannot read \(path): \(String(cString: strerror(errno)))")
            }
            if count == 0 { return bytes }
            bytes += chunk[0..<count]
        }
    }
}
