import QueueStore

/// What a mailbox's poller remembers between its cycles, for as long as the
/// service runs: the messages it will not ask for again. (Messages the
/// server broke the connection on are counted in the mailbox's ledger, see
/// ``DeliveryLedger/recordBreak(of:)``, so `run --once` remembers them too.)
struct MailboxMemory {
    /// Messages left on the server (oversized, of unknown size,
    /// unretrievable); they are not fetched again while the configuration
    /// and the rules that left them stay as they are. Known by identity, as
    /// the ledger knows them: an IMAP UID means another message once the
    /// folder's UIDVALIDITY has changed.
    var left: Set<SourceIdentity> = []
    /// The generations of the configuration and the rules ``left`` was decided with.
    var decidedWith: (configuration: Int, rules: Int) = (0, 0)
}
