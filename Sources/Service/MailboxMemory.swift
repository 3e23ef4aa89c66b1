/// What a mailbox's poller remembers between its cycles, for as long as the
/// service runs: the messages it will not ask for again. (Messages the
/// server broke the connection on are counted in the mailbox's ledger, see
/// ``DeliveryLedger/recordBreak(of:)``, so `run --once` remembers them too.)
struct MailboxMemory {
    /// Unique IDs of messages left on the server (oversized, of unknown
    /// size, unretrievable); they are not fetched again while the
    /// configuration and the rules that left them stay as they are.
    var left: Set<String> = []
    /// The generations of the configuration and the rules ``left`` was decided with.
    var decidedWith: (configuration: Int, rules: Int) = (0, 0)
}
