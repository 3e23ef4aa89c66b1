/// The spool's messages with their records, read from the spool indexes
/// (``SpoolIndex``) one index file at a time, so memory grows with the
/// largest commit, not with the spool (only spool files a mail tool moved
/// to `cur/` are listed whole, once, when the first of them is looked for).
///
/// The order is the file system's order of the index files, and each
/// file's order within. Each element is a message, or the error that kept
/// one from being read: a damaged record (named by its index file and
/// line), or a record whose spool file is in neither `new/` nor `cur/`. The
/// listing goes on after such an error, and ends after a directory that
/// cannot be read. A file in `sidecars/spool/` holding a single record (a
/// `.json` sidecar of a store written before the indexes) reads as an index
/// of one.
public struct SpoolEntries: Sequence {
    let layout: StoreLayout

    /// Iterates once over the listing.
    public func makeIterator() -> Iterator {
        Iterator(layout: layout)
    }

    /// Yields the listing's messages.
    public struct Iterator: IteratorProtocol {
        let layout: StoreLayout
        private var indexes: DirectoryStream?
        private var started = false
        /// The rest of the index file being read, last first.
        private var pending: [Result<StoredMessage<SpoolRecord>, StoreError>] = []
        /// Name without flags → file name, for the spool files a mail tool moved to `cur/`; read at the first one asked for.
        private var inCur: [String: String]?

        init(layout: StoreLayout) {
            self.layout = layout
        }

        /// The next message or error; nil at the end (or after a directory could not be read).
        public mutating func next() -> Result<StoredMessage<SpoolRecord>, StoreError>? {
            while pending.isEmpty {
                do throws(StoreError) {
                    if !started {
                        started = true
                        indexes = try DirectoryStream(layout.spoolSidecars)
                    }
                    guard let name = try indexes?.next() else { return nil }
                    pending = read(layout.spoolSidecars + "/" + name).reversed()
                } catch {
                    indexes = nil
                    return .failure(error)
                }
            }
            return pending.removeLast()
        }

        /// Every record of the index file at `path`, with its spool file.
        private mutating func read(_ path: String) -> [Result<StoredMessage<SpoolRecord>, StoreError>] {
            let bytes: [UInt8]
            do throws(StoreError) {
                bytes = try FileSystem.read(.path(path))
            } catch {
                return [.failure(error)]
            }
            var entries: [Result<StoredMessage<SpoolRecord>, StoreError>] = []
            for (number, line) in bytes.split(separator: UInt8(ascii: "\n")).enumerated() {
                let location = "\(path) line \(number + 1)"
                do throws(StoreError) {
                    let record = try SpoolRecord(bytes: Array(line), path: location)
                    entries.append(.success(StoredMessage(name: record.file, path: try spoolFile(record.file, location), sidecarPath: path, record: record)))
                } catch {
                    entries.append(.failure(error))
                }
            }
            return entries
        }

        /// The path of the spool file called `name`, in `new/` or (moved by a mail tool) in `cur/`.
        private mutating func spoolFile(_ name: String, _ location: String) throws(StoreError) -> String {
            guard !name.isEmpty, !name.contains("/") else {
                throw .unreadableSidecar(path: location, reason: "\"file\" is not a Maildir file name")
            }
            let new = layout.spool + "/new/" + name
            if FileSystem.exists(.path(new)) { return new }
            if inCur == nil {
                var names: [String: String] = [:]
                for file in try FileSystem.names(in: layout.spool + "/cur") {
                    names[String(file.split(separator: ":", maxSplits: 1).first ?? Substring(file))] = file
                }
                inCur = names
            }
            guard let file = inCur?[name] else {
                throw .unreadableSidecar(path: location, reason: "its spool file \(name) is in neither new/ nor cur/")
            }
            return layout.spool + "/cur/" + file
        }
    }
}
