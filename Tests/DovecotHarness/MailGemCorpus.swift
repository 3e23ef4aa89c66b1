import Foundation

/// The shared mail corpus (`../shared/corpus/mail-gem` beside the package
/// root), so tests fill servers with real messages.
public enum MailGemCorpus {
    /// The corpus directory.
    public static let directory: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }  // file, DovecotHarness/, Tests/
        return url.deletingLastPathComponent().path + "/shared/corpus/mail-gem"
    }()

    /// The bytes of one message, by its path inside the corpus, e.g. `plain_emails/basic_email.eml`.
    ///
    /// - Throws: ``HarnessError/fileFailed(path:operation:reason:)`` if it cannot be read.
    public static func message(_ relativePath: String) throws(HarnessError) -> [UInt8] {
        let path = directory + "/" + relativePath
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .fileFailed(path: path, operation: "read", reason: "missing or unreadable (is ../shared beside the package?)")
        }
        return Array(data)
    }
}
