/// A reader of one mailbox: a single pass that yields each entry once, as a
/// message or as a problem, in an order that depends only on the mailbox.
///
/// Readers block on file I/O: run them on a thread of their own, not on the
/// Swift concurrency pool. A reader is its own iterator, so iterating it a
/// second time continues where the first iteration stopped.
public protocol MailboxReader: AnyObject, Sequence, IteratorProtocol
where Element == MailboxItem, Iterator == Self {
    /// The next entry, possibly listed but not yet read, so that another
    /// thread can read it; nil at the end. Directory readers list; streams
    /// (mbox, standard input, a single file) read, as ``next()`` does.
    /// Mixing this with ``next()`` on one reader continues the same walk.
    func nextListed() -> ListedItem?
}

extension MailboxReader {
    /// Reads the entry, as ``next()``: what readers of streams do.
    public func nextListed() -> ListedItem? {
        next(listingOnly: false)
    }

    /// The next entry: listed only (``nextListed()``) when `listingOnly`,
    /// else read, as ``next()``; nil at the end.
    public func next(listingOnly: Bool) -> ListedItem? {
        if listingOnly { return nextListed() }
        // A class: the copy is the same reader.
        var reader = self
        return reader.next().map(ListedItem.item)
    }
}
