import Logging

/// A value read from files (the rules, the configuration) and read again
/// when any of those files changes.
///
/// Every mailbox thread asks for ``current(logger:)`` at the start of its
/// cycle, so a change takes effect at the next cycle. A changed file that
/// no longer loads keeps the value in use, and says why once per change.
public final class WatchedFiles<Value: Sendable>: @unchecked Sendable {
    // @unchecked: the mutable state is only touched with `lock` held.

    /// What one load gave: the value, or nil when it has errors; the files
    /// it was read from; the problems, as lint prints them.
    public struct Loaded: Sendable {
        public var value: Value?
        public var files: [String]
        public var problems: [String]

        /// A load's outcome.
        public init(value: Value?, files: [String], problems: [String]) {
            self.value = value
            self.files = files
            self.problems = problems
        }
    }

    private let lock = ThreadMutex()
    private let what: String
    private let path: String
    private let load: @Sendable (String) -> Loaded
    private var value: Value
    private var files: [String]
    private var fingerprint: FileFingerprint
    private var rejectedFingerprint: FileFingerprint?
    private var reloads = 0

    /// Loads `path` for the first time.
    ///
    /// - Parameter what: names the value in messages ("rules", "configuration").
    /// - Throws: ``ServiceError/unusable(what:path:problems:)``: the service
    ///   does not start without a usable value.
    public init(_ what: String, path: String, load: @escaping @Sendable (String) -> Loaded) throws(ServiceError) {
        let loaded = load(path)
        guard let value = loaded.value else { throw .unusable(what: what, path: path, problems: loaded.problems) }
        self.what = what
        self.path = path
        self.load = load
        self.value = value
        self.files = loaded.files
        self.fingerprint = FileFingerprint(of: loaded.files)
    }

    /// The value to use now: read again first if any of its files changed.
    public func current(logger: Logger) -> Value {
        currentWithGeneration(logger: logger).value
    }

    /// ``current(logger:)`` with how many times the value was replaced since
    /// the first load, so that a caller can tell whether what it decided with
    /// an earlier value still stands.
    public func currentWithGeneration(logger: Logger) -> (value: Value, generation: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (reloaded(logger: logger), reloads)
    }

    private func reloaded(logger: Logger) -> Value {
        let now = FileFingerprint(of: files)
        guard now != fingerprint, now != rejectedFingerprint else { return value }
        let loaded = load(path)
        guard let reloaded = loaded.value else {
            rejectedFingerprint = now
            logger.error(
                "\(path) changed and has errors now; going on with the \(what) loaded before",
                metadata: ["file": "\(path)", "problems": .array(loaded.problems.map { "\($0)" })])
            return value
        }
        value = reloaded
        files = loaded.files
        fingerprint = FileFingerprint(of: loaded.files)
        rejectedFingerprint = nil
        reloads += 1
        logger.notice("\(what) reloaded", metadata: ["file": "\(path)"])
        return value
    }
}
