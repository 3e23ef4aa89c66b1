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

    /// `queues/<queue>/new/<name>`: a queue's new message.
    static func queueMessage(_ escaped: String, _ name: String) -> String {
        PathText.join {
            $0.append("queues/")
            $0.append(escaped)
            $0.append("/new/")
            $0.append(name)
        }
    }

    /// `sidecars/queues/<queue>/<name>.json`: the sidecar of a queue's message.
    static func queueSidecar(_ escaped: String, _ name: String) -> String {
        PathText.join {
            $0.append("sidecars/queues/")
            $0.append(escaped)
            $0.append("/")
            $0.append(name)
            $0.append(".json")
        }
    }

    /// `spool/new/<name>`: a spool file.
    static func spoolMessage(_ name: String) -> String {
        PathText.join {
            $0.append("spool/new/")
            $0.append(name)
        }
    }
    static let spoolSidecars = "sidecars/spool"

    /// `sources/<ledger>`: the ledger's journal, lock and staging directory.
    func ledger(_ escaped: String) -> String { sources + "/" + escaped }

    /// The absolute path of a path relative to the root.
    func path(_ relative: String) -> String { root + "/" + relative }
}
