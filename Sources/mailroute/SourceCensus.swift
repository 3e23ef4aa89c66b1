import Glibc
import Reports

/// What can be learnt cheaply about a source before reading it: how many
/// messages (a directory's file count), how many bytes (an mbox's size), and
/// a fingerprint that changes when messages are added, removed or rewritten.
struct SourceCensus {
    /// The entries the reader will yield, when that can be known without reading; nil for an mbox or a stream.
    var entries: Int?
    /// The bytes of an mbox or message file; for directories, the sum of the file sizes when `detailed`.
    var bytes: Int?
    /// Changes with the names and sizes of the messages (directories) or the size and time of a file.
    var fingerprint: String
    /// Whether progress is measured in bytes for this source (an mbox).
    var isStream: Bool

    /// The most names counted in one source, so a runaway tree cannot stall the start.
    static let maximumNames = 50_000_000

    /// Looks at `path`. `detailed` also reads each file's size (one `lstat` per message),
    /// for byte totals and fingerprints.
    static func take(_ path: String, detailed: Bool) -> SourceCensus {
        var digest = ContentDigest()
        digest.add(path)
        guard path != "-", let status = DirectoryNames.status(path, followingLinks: true) else {
            digest.add(path == "-" ? "standard input" : "missing")
            return SourceCensus(entries: nil, bytes: nil, fingerprint: digest.text, isStream: true)
        }
        if status.st_mode & S_IFMT == S_IFDIR {
            let isMaildir = ["cur", "new"].contains { DirectoryNames.status(path + "/" + $0, followingLinks: true) != nil }
            guard detailed else {
                // Counting alone: no names to sort, and for a Maildir no names made at all.
                let count = isMaildir ? maildirFileCount(path) : messageFiles(path).count
                return SourceCensus(entries: count, bytes: nil, fingerprint: digest.text, isStream: false)
            }
            var files = isMaildir ? maildirFiles(path) : messageFiles(path)
            files.sort()
            var bytes = 0
            for file in files {
                let size = DirectoryNames.status(path + "/" + file).map { Int($0.st_size) } ?? -1
                bytes += max(0, size)
                digest.add(file)
                digest.add(size)
            }
            return SourceCensus(entries: files.count, bytes: bytes, fingerprint: digest.text, isStream: false)
        }
        digest.add(Int(status.st_size))
        digest.add(Int(status.st_mtim.tv_sec))
        digest.add(Int(status.st_mtim.tv_nsec))
        let isMbox = startsWithEnvelope(path)
        return SourceCensus(entries: isMbox ? nil : 1, bytes: Int(status.st_size), fingerprint: digest.text, isStream: isMbox)
    }

    /// `cur/NAME` and `new/NAME` for every name not starting with a dot, as the Maildir reader reads them.
    private static func maildirFiles(_ path: String) -> [String] {
        var files: [String] = []
        for subdirectory in ["cur", "new"] {
            for entry in DirectoryNames.list(path + "/" + subdirectory) ?? [] where !entry.name.hasPrefix(".") {
                files.append(subdirectory + "/" + entry.name)
                if files.count >= maximumNames { return files }
            }
        }
        return files
    }

    /// How many names ``maildirFiles(_:)`` would give.
    private static func maildirFileCount(_ path: String) -> Int {
        ["cur", "new"].reduce(0) { count, subdirectory in
            count + (DirectoryNames.countVisible(path + "/" + subdirectory) ?? 0)
        }
    }

    /// Every `.eml` file below `path` (any case), hidden names and links skipped, as the directory reader reads them.
    private static func messageFiles(_ path: String) -> [String] {
        var files: [String] = []
        var pending = [""]
        while let relative = pending.popLast(), files.count < maximumNames {
            let directory = relative.isEmpty ? path : path + "/" + relative
            for entry in DirectoryNames.list(directory) ?? [] where !entry.name.hasPrefix(".") {
                let child = relative.isEmpty ? entry.name : relative + "/" + entry.name
                let isDirectory = entry.isDirectory
                    ?? DirectoryNames.status(path + "/" + child).map { $0.st_mode & S_IFMT == S_IFDIR } ?? false
                if isDirectory {
                    pending.append(child)
                } else if entry.name.lowercased().hasSuffix(".eml") && entry.name.count > 4 {
                    files.append(child)
                }
            }
        }
        return files
    }

    private static func startsWithEnvelope(_ path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var start = [UInt8](repeating: 0, count: 5)
        let count = start.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, 5) }
        return count == 5 && start == Array("From ".utf8)
    }
}

extension SourceCensus {
    /// The census of every source of a run, with the totals progress needs.
    struct Totals {
        var censuses: [SourceCensus]

        /// One fingerprint for all sources, in order.
        var fingerprint: String {
            var digest = ContentDigest()
            for census in censuses { digest.add(census.fingerprint) }
            return digest.text
        }

        /// Bytes per source, when known.
        var bytes: [Int?] { censuses.map(\.bytes) }

        /// The bytes of all sources, when progress is measured in bytes: some source is an mbox and every size is known.
        var totalBytes: Int? {
            guard censuses.contains(where: \.isStream) else { return nil }
            let sizes = censuses.compactMap(\.bytes)
            return sizes.count == censuses.count ? sizes.reduce(0, +) : nil
        }

        /// The entries of `shard` (every entry without one), when every source can be counted.
        func entries(in shard: ShardSpec?) -> Int? {
            let counts = censuses.compactMap(\.entries)
            guard counts.count == censuses.count else { return nil }
            let total = counts.reduce(0, +)
            guard let shard else { return total }
            return total > shard.index - 1 ? (total - shard.index) / shard.count + 1 : 0
        }
    }

    /// Takes the census of each of `paths`. Directory sizes are read when `detailed`
    /// or when an mbox among the sources makes progress count bytes.
    static func takeAll(_ paths: [String], detailed: Bool) -> Totals {
        var censuses = paths.map { take($0, detailed: detailed) }
        if !detailed && censuses.contains(where: \.isStream) {
            censuses = paths.map { take($0, detailed: true) }
        }
        return Totals(censuses: censuses)
    }
}
