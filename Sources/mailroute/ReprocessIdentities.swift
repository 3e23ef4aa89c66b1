import Mailboxes
import QueueStore

/// The names under which `reprocess --apply` records each message in its
/// ledger: ``SourceIdentity/file(path:position:)`` with the source's
/// absolute path and the entry's position as the report prints it for that
/// path (`/srv/mail/inbox.mbox:120 (message 3)`, `/srv/mail/billing/cur/NAME`).
///
/// Absolute, so that a run restarted from another directory, or with the
/// source spelled another way, finds what the killed run stored. Readers
/// number and place entries the same way on every reading, so the same
/// message gets the same identity as long as its source is unchanged.
struct ReprocessIdentities: Sendable {
    /// The sources as given on the command line.
    private let given: [String]
    /// The same, absolute; a source that does not exist keeps its name (it yields no messages).
    private let absolute: [String]

    init(sources: [String]) {
        given = sources
        absolute = sources.map { CanonicalPath.of($0) ?? $0 }
    }

    /// The identity of `entry`, read from the source with index `source`.
    func identity(of entry: MailboxEntry, source: Int) -> SourceIdentity {
        let path = absolute[source]
        var position = entry.position
        position.mailbox = path
        if case .file(let file) = position.location {
            // A directory's entries are the source's path joined with the path inside it.
            let inside = file.hasPrefix(given[source]) ? file.dropFirst(given[source].count).drop { $0 == "/" } : Substring(file)
            position.location = .file(inside.isEmpty ? path : path + "/" + inside)
        }
        return .file(path: path, position: position.description)
    }
}
