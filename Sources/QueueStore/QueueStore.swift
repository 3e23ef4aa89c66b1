import Glibc
import Synchronization

/// The durable queue store: a Maildir per queue with a JSON sidecar per
/// interaction, a spool Maildir of the messages as fetched, and a
/// ``DeliveryLedger`` per source that remembers what was stored.
///
/// Messages are written through a ``StoreBatch`` of a ledger: staged, made
/// durable together, then moved into their Maildirs, so any mail tool sees
/// only whole messages. Opening a store creates its layout when the
/// directory is new or empty. Any number of threads may use one store.
public final class QueueStore: Sendable {
    /// The root directory.
    public let root: String
    let layout: StoreLayout
    /// The root, kept open: deliveries are placed by paths relative to it.
    let rootDirectory: DirectoryHandle
    /// The last part of Maildir file names: this host, `/` and `:` escaped as Maildir asks.
    let hostName: String
    /// Whether the file system makes hard links, so that an interaction stored
    /// as fetched can share the spool file; tried once when the store opens.
    let linksFiles: Bool
    /// The queues whose directories exist, by name, with their escaped names
    /// (looked up for every interaction stored).
    private let preparedQueues = Mutex<[String: String]>([:])

    /// Opens the store at `root`, creating it (one level: the parent must
    /// exist) or laying it out in an empty directory.
    ///
    /// - Throws: ``StoreError/notAStore(path:found:)`` when `root` is a file,
    ///   or a directory holding something other than a store; system errors.
    public init(root: String) throws(StoreError) {
        self.root = root
        layout = StoreLayout(root: root)
        hostName = Self.maildirHostName()
        try FileSystem.makeDirectory(root)
        rootDirectory = try DirectoryHandle(root)
        if FileSystem.exists(.path(layout.formatFile)) {
            let text = String(decoding: try FileSystem.read(.path(layout.formatFile)), as: UTF8.self)
            guard text == StoreLayout.formatText else {
                throw .notAStore(path: root, found: "its format file says \"\(text.trimmingWhiteSpace)\"")
            }
        } else {
            let strangers = try FileSystem.names(in: root).filter {
                !StoreLayout.topLevelNames.contains($0) && !$0.hasPrefix("format.new")
            }
            guard strangers.isEmpty else {
                throw .notAStore(path: root, found: "it holds \(strangers.sorted().prefix(3).joined(separator: ", "))")
            }
        }
        for directory in [layout.queues, layout.spool, layout.sidecars, layout.queueSidecars, layout.spoolSidecars, layout.sources] {
            try FileSystem.makeDirectory(directory)
        }
        try Self.makeMaildir(layout.spool)
        linksFiles = try Self.canLink(in: layout.spool + "/tmp")
        if !FileSystem.exists(.path(layout.formatFile)) {
            // A name of this process's own: two processes creating one store both succeed.
            let fresh = layout.formatFile + ".new-\(getpid())"
            try FileSystem.remove(.path(fresh))
            try FileSystem.create(.path(fresh), containing: Array(StoreLayout.formatText.utf8))
            try FileSystem.syncData(of: .path(fresh))
            try FileSystem.rename(.path(fresh), to: .path(layout.formatFile))
            try FileSystem.syncDirectory(.path(root))
        }
    }

    /// Opens the ledger called `name` (a mailbox's name; for reprocessing, a
    /// name that includes the rule set's identity), creating it when new.
    /// Finishes what a crash interrupted: committed files left in staging are
    /// moved into place, uncommitted ones are deleted.
    ///
    /// - Parameter messageIDLimit: how many recent Message-IDs the duplicate check remembers.
    /// - Throws: ``StoreError/ledgerInUse(ledger:lockPath:)`` while another
    ///   ledger object (in any process) has it open; journal and system errors.
    public func openLedger(named name: String, messageIDLimit: Int = 100_000) throws(StoreError) -> DeliveryLedger {
        try DeliveryLedger(store: self, name: name, messageIDLimit: messageIDLimit)
    }

    /// Makes sure the queue's Maildir and sidecar directory exist (durably)
    /// and returns the queue's escaped name.
    func prepareQueue(_ queue: String) throws(StoreError) -> String {
        if let escaped = preparedQueues.withLock({ $0[queue] }) { return escaped }
        let escaped = try DirectoryName.escape(queue, kind: "queue")
        try FileSystem.makeDirectory(layout.path(StoreLayout.queue(escaped)))
        try Self.makeMaildir(layout.path(StoreLayout.queue(escaped)))
        try FileSystem.makeDirectory(layout.path(StoreLayout.queueSidecars(escaped)))
        preparedQueues.withLock { $0[queue] = escaped }
        return escaped
    }

    /// Creates `tmp/`, `new/` and `cur/` in `directory`.
    private static func makeMaildir(_ directory: String) throws(StoreError) {
        for part in ["tmp", "new", "cur"] { try FileSystem.makeDirectory(directory + "/" + part) }
    }

    private static func canLink(in directory: String) throws(StoreError) -> Bool {
        let probe = directory + "/.mailroute-link-probe-\(getpid())"
        try FileSystem.remove(.path(probe))
        try FileSystem.remove(.path(probe + "-link"))
        try FileSystem.create(.path(probe), containing: [])
        defer {
            try? FileSystem.remove(.path(probe))
            try? FileSystem.remove(.path(probe + "-link"))
        }
        do throws(StoreError) {
            try FileSystem.link(.path(probe), to: .path(probe + "-link"))
            return true
        } catch {
            return false
        }
    }

    /// This host's name as Maildir file names carry it (`/` and `:` written
    /// `\057` and `\072`; `localhost` when the system gives none), for
    /// every writer of Maildir files.
    public static func maildirHostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        let name = gethostname(&buffer, buffer.count - 1) == 0
            ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
        let escaped = name.replacing("/", with: "\\057").replacing(":", with: "\\072")
        return escaped.isEmpty ? "localhost" : escaped
    }
}
