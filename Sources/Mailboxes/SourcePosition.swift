/// Where an entry was found in a mailbox, exactly enough to go and look at it.
///
/// Positions are plain values: two readings of the same mailbox give equal
/// positions for the same entries.
public struct SourcePosition: Sendable, Hashable, CustomStringConvertible {
    /// Where inside the mailbox.
    public enum Location: Sendable, Hashable {
        /// In an mbox: the 1-based line and the 0-based byte offset of the
        /// entry's `From ` line (or, for text before the first message, of its start).
        case mbox(line: Int, byteOffset: Int)
        /// A file of its own (Maildir, directory of messages, single message):
        /// its path, the mailbox path joined with the path inside the mailbox.
        /// `-` is standard input.
        case file(String)
    }

    /// The mailbox as it was given to the reader; `-` for standard input.
    public var mailbox: String
    /// The 1-based number of the entry in the mailbox: for an mbox, how many
    /// `From ` lines there are up to and including its own; for a directory,
    /// its place among the files in reading order. 0 when the problem is not
    /// about one message (text before the first `From ` line, a subdirectory
    /// that cannot be listed).
    public var index: Int
    /// Where inside the mailbox.
    public var location: Location

    /// A position as a reader makes it; public so tests and other sources can build one.
    public init(mailbox: String, index: Int, location: Location) {
        self.mailbox = mailbox
        self.index = index
        self.location = location
    }

    /// `inbox.mbox:120 (message 3)`, `Maildir/cur/1700000000.M1P2.host:2,S`,
    /// or `<stdin>` (with `:line (message n)` when standard input is an mbox).
    public var description: String {
        switch location {
        case .mbox(let line, _):
            let name = Self.displayName(mailbox)
            return index == 0 ? "\(name):\(line) (before message 1)" : "\(name):\(line) (message \(index))"
        case .file(let path):
            return Self.displayName(path)
        }
    }

    private static func displayName(_ path: String) -> String {
        path == "-" ? "<stdin>" : path
    }
}
