/// What a mailbox's poller remembers between its cycles, for as long as the
/// service runs: the messages it will not ask for again, and those during
/// whose transfer the server broke the connection.
struct MailboxMemory {
    /// Unique IDs of messages left on the server (oversized, of unknown
    /// size, unretrievable); they are not fetched again while the
    /// configuration and the rules that left them stay as they are.
    var left: Set<String> = []
    /// The generations of the configuration and the rules ``left`` was decided with.
    var decidedWith: (configuration: Int, rules: Int) = (0, 0)
    /// Unique IDs of messages the server broke the connection on, while
    /// sending them or (IMAP) listing their sizes, with how often. Such a
    /// message is asked for alone, after the others, the next time; after a
    /// second break it is treated as unretrievable (moved to the failed
    /// folder, deleted or left, as the options say), so one message the
    /// server cannot read never blocks a mailbox.
    var suspects: [String: Int] = [:]
}
