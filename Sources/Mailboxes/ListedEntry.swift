/// A message file of a directory mailbox that has been listed but not read.
///
/// Reading it (``read(using:)``) may happen on any thread, so that the
/// thread walking a Maildir only hands out names and the threads doing the
/// work read the files themselves: the bytes are then made and released on
/// the same thread, and opening and reading a hundred thousand files is
/// shared out instead of falling on one thread.
///
/// The entry keeps the listing it came from (and the directory it opens the
/// file in) alive; its position and number in the mailbox are fixed when it
/// is listed, so reading entries out of order changes nothing in them.
public struct ListedEntry: Sendable {
    let listing: ListedFiles.Listing
    let step: Int
    let fileNumber: Int

    /// Reads the file as the reader would have: the message, or the problem
    /// with it (unreadable, not a regular file, too large, empty).
    ///
    /// - Parameter buffer: scratch memory for header sections, one per thread.
    public func read(using buffer: ReadBuffer) -> MailboxItem {
        listing.read(step: step, fileNumber: fileNumber, buffer: buffer)
    }
}

/// What ``MailboxReader/nextListed()`` yields: an item already read, or a
/// file listed for reading later, on any thread.
public enum ListedItem: Sendable {
    /// A message or problem the reader has already read (streams, listing problems).
    case item(MailboxItem)
    /// A file to read with ``ListedEntry/read(using:)``.
    case unread(ListedEntry)
}

extension ListedItem {
    /// The item, with the file read (``ListedEntry/read(using:)``) when it is still unread.
    public func read(using buffer: ReadBuffer) -> MailboxItem {
        switch self {
        case .item(let item): item
        case .unread(let entry): entry.read(using: buffer)
        }
    }

    /// The bytes of a message already read, which the item holds; 0 for a
    /// problem or a file not read yet. What a walk weighs work in flight by.
    public var heldBytes: Int {
        guard case .item(.message(let entry)) = self else { return 0 }
        return entry.bytes.count
    }
}
