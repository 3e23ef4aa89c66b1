import MessageModel
import Pipeline
import Rules

/// Paths and messages for the pipeline tests.
enum Support {
    /// `Tests/PipelineTests/Fixtures/`.
    static let fixtures: String = {
        let file = "\(#filePath)"
        let directory = file[..<(file.lastIndex(of: "/") ?? file.endIndex)]
        return directory + "/Fixtures/"
    }()

    /// `shared/corpus/mail-gem/` beside the worktree root.
    static let corpus: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4)  // PipelineTests/Support.swift, Tests, worktree root
        return parts.joined(separator: "/") + "/shared/corpus/mail-gem/"
    }()

    /// `Rules/` at the worktree root: the example and benchmark rule sets.
    static let rules: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // PipelineTests/Support.swift, Tests
        return parts.joined(separator: "/") + "/Rules/"
    }()

    /// Loads a fixture.
    static func load(_ name: String) -> RuleLoadResult {
        RuleSetLoader().load(fixtures + name)
    }

    /// The pipeline of `routing.xml`, which must load without errors.
    static let routing: Pipeline? = load("routing.xml").pipeline

    /// A message written with LF line ends.
    static func message(_ text: String) -> Message {
        Message(bytes: Array(text.utf8))
    }

    /// Runs `text` through `routing.xml` for `mailbox`.
    static func decide(_ text: String, mailbox: String, reportedSize: Int? = nil) -> Decision? {
        routing.map { $0.process(message: message(text), mailboxName: mailbox, reportedSize: reportedSize) }
    }

    static func mail(subject: String = "Hello", from: String = "jane@customer.example", extra: String = "", body: String = "Hi") -> String {
        """
        From: \(from)
        To: support@acme.example
        Subject: \(subject)
        Message-ID: <m1@customer.example>
        \(extra)
        \(body)

        """
    }
}
