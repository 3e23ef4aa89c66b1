/// The messages of a queue's Maildir,
/// each with its sidecar, read lazily: memory does not grow with the Maildir.
///
/// The order is the file system's, `new/` before `cur/`. Each element is a
/// message, or the error that kept one from being read (a missing or damaged
/// sidecar); the listing goes on after such an error, and ends after a
/// directory that cannot be read. A message a mail tool moves from `new/` to
/// `cur/` during the listing may be missed or listed twice.
public struct StoredMessages<Record: Sendable>: Sequence {
    let files: MaildirFiles
    let sidecars: String
    let read: (String) throws(StoreError) -> Record

    /// Iterates once over the listing.
    public func makeIterator() -> Iterator {
        Iterator(listing: self)
    }

    /// Yields the listing's messages.
    public struct Iterator: IteratorProtocol {
        let listing: StoredMessages
        private var failed = false

        init(listing: StoredMessages) {
            self.listing = listing
        }

        /// The next message or error; nil at the end (or after a directory could not be read).
        public mutating func next() -> Result<StoredMessage<Record>, StoreError>? {
            guard !failed else { return nil }
            do throws(StoreError) {
                guard let (path, name) = try listing.files.next() else { return nil }
                let sidecarPath = "\(listing.sidecars)/\(name).json"
                do throws(StoreError) {
                    let record = try listing.read(sidecarPath)
                    return .success(StoredMessage(name: name, path: path, sidecarPath: sidecarPath, record: record))
                } catch {
                    return .failure(error)
                }
            } catch {
                failed = true
                return .failure(error)
            }
        }
    }
}
