import ArgumentParser
import Inspection
import Mailboxes
import MessageModel

/// `mailroute inspect`: shows what the rules will see of each message.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show what the rules will see of each message: decoded header fields, addresses, MIME tree, text and defects.",
        discussion: """
            Each argument is a message file, an mbox, a Maildir, a directory of .eml files, \
            or - for standard input. Broken entries are reported on standard error and the \
            reading goes on; the exit status is non-zero only when no message could be read.
            """)

    @Argument(help: "Messages or mailboxes to read.")
    var paths: [String]

    @Flag(help: "Print one JSON object per message (JSON Lines), in the format documented in README.md.")
    var json = false

    func run() throws {
        let output = OutputStream(descriptor: 1)
        let diagnostics = Diagnostics()
        var messages = 0
        for path in paths {
            let reader: any MailboxReader
            do {
                reader = try Mailbox.open(path)
            } catch {
                diagnostics.error("\(error)")
                continue
            }
            for item in reader {
                switch item {
                case .message(let entry):
                    messages += 1
                    let message = Message(bytes: entry.bytes)
                    let inspected = InspectedMessage(message: message, position: entry.position.description)
                    if json {
                        output.write(inspected.jsonLine())
                        output.write("\n")
                    } else {
                        if messages > 1 { output.write("\n") }
                        output.write(inspected.text())
                    }
                case .problem(let problem):
                    diagnostics.warning("\(problem)")
                }
            }
        }
        output.flush()
        diagnostics.summarize(messages: messages)
        if messages == 0 && diagnostics.count > 0 {
            throw ExitCode(1)
        }
    }
}
