import ArgumentParser
import Mailboxes
import MessageModel
import Pipeline
import Reports

/// `mailroute explain`: the full trace of one message.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show why a message goes where it goes: every stage and rule, matched or not, and what decided.")

    @Argument(help: "The message (a message file, or a mailbox: every message in it is explained).")
    var path: String

    @Option(help: "The rule file.")
    var rules: String

    @Option(help: "The mailbox profile the message comes through (default: chosen from its recipients).")
    var mailbox: String?

    func run() throws {
        let diagnostics = Diagnostics()
        let pipeline = try RuleLoading.load(rules, diagnostics: diagnostics, mailbox: mailbox)
        let output = OutputStream(descriptor: 1)
        var reader: any MailboxReader
        do {
            reader = try Mailbox.open(path)
        } catch {
            diagnostics.error("\(error)")
            throw ExitCode(1)
        }
        var explained = 0
        while let item = reader.next() {
            switch item {
            case .message(let entry):
                // explain reads the whole structure, so that the trace is complete whatever the rules need.
                let message = Message(bytes: entry.bytes)
                let decision = pipeline.process(message: message, mailboxName: mailbox)
                if explained > 0 { output.write("\n") }
                explained += 1
                output.write(Explanation.text(for: RoutedMessage(position: entry.position.description, message: message, decision: decision)))
            case .problem(let problem):
                output.flush()
                diagnostics.warning("\(problem)")
            }
        }
        output.flush()
        if explained == 0 { throw ExitCode(1) }
    }
}
