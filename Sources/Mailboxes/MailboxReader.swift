/// A reader of one mailbox: a single pass that yields each entry once, as a
/// message or as a problem, in an order that depends only on the mailbox.
///
/// Readers block on file I/O: run them on a thread of their own, not on the
/// Swift concurrency pool. A reader is its own iterator, so iterating it a
/// second time continues where the first iteration stopped.
public protocol MailboxReader: AnyObject, Sequence, IteratorProtocol
where Element == MailboxItem, Iterator == Self {}
