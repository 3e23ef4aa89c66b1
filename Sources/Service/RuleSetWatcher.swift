import Foundation
import Logging
import Pipeline

/// The rules the service routes with, reloaded when their files change.
///
/// Every mailbox thread asks for ``current(logger:)`` at the start of its
/// cycle, so a rule change takes effect at the next cycle. A changed set that
/// fails to load keeps the rules in use, and says why once per change, with
/// every diagnostic as `lint` prints it.
public final class RuleSetWatcher: @unchecked Sendable {
    // @unchecked: the mutable state is only touched with `lock` held.
    private let lock = NSLock()
    private let path: String
    private let loader: RuleSetLoader
    private var pipeline: Pipeline
    private var files: [String]
    private var fingerprint: FileFingerprint
    private var rejectedFingerprint: FileFingerprint?

    /// Loads the rules at `path` for the first time.
    ///
    /// - Throws: ``ServiceError/rulesUnusable(path:diagnostics:)`` when they
    ///   have errors: the service does not start without usable rules.
    public init(path: String, loader: RuleSetLoader) throws(ServiceError) {
        let result = loader.load(path)
        guard let pipeline = result.pipeline else {
            throw .rulesUnusable(path: path, diagnostics: result.diagnostics.map(\.description))
        }
        self.path = path
        self.loader = loader
        self.pipeline = pipeline
        self.files = result.files
        self.fingerprint = FileFingerprint(of: result.files)
    }

    /// The rules to use now: reloaded first if any of their files changed.
    public func current(logger: Logger) -> Pipeline {
        lock.lock()
        defer { lock.unlock() }
        let now = FileFingerprint(of: files)
        guard now != fingerprint, now != rejectedFingerprint else { return pipeline }
        let result = loader.load(path)
        guard let reloaded = result.pipeline else {
            rejectedFingerprint = now
            logger.error(
                "the changed rules have errors; routing goes on with the rules loaded before",
                metadata: ["rules": "\(path)", "diagnostics": .array(result.diagnostics.map { "\($0)" })])
            return pipeline
        }
        pipeline = reloaded
        files = result.files
        fingerprint = FileFingerprint(of: result.files)
        rejectedFingerprint = nil
        logger.notice("rules reloaded", metadata: ["rules": "\(path)", "warnings": "\(result.diagnostics.count)"])
        return pipeline
    }
}
