/// The paths of a queue store under its root directory (see docs: "The
/// on-disk layout"). Queue and ledger names appear escaped (``DirectoryName``).
struct StoreLayout: Sendable {
    /// The root directory, as given.
    let root: String

    /// The file that marks a directory as a store, with its format version.
    var formatFile: String { root + "/format" }
    static let formatText = "mailroute queue store 1\n"
    /// The entries of a store's root directory.
    static let topLevelNames: Set<String> = ["format", "queues", "spool", "sidecars", "sources"]

    var queues: String { root + "/queues" }
    var spool: String { root + "/spool" }
    var sidecars: String { root + "/sidecars" }
    var queueSidecars: String { root + "/sidecars/queues" }
    var spoolSidecars: String { root + "/sidecars/spool" }
    var sources: String { root + "/sources" }

    /// `queues/<queue>`, a Maildir.
    static func queue(_ escaped: String) -> String { "queues/" + escaped }
    /// `sidecars/queues/<queue>`, the queue's sidecars.
    static func queueSidecars(_ escaped: String) -> String { "sidecars/queues/" + escaped }
    static let spoolNew = "spool/new"
    static let spoolSidecars = "sidecars/spool"

    /// `sources/<ledger>`: the ledger's journal, lock and staging directory.
    func ledger(_ escaped: String) -> String { sources + "/" + escaped }

    /// The absolute path of a path relative to the root.
    func path(_ relative: String) -> String { root + "/" + relative }
}
