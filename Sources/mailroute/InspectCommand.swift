import ArgumentParser
import Reports
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

    @Option(help: "Threads that parse messages (default: one per core). The output order never depends on it.")
    var jobs: Int = CPUCount.online

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let output = OutputStream(descriptor: 1)
        let diagnostics = Diagnostics()
        let json = self.json
        var messages = 0
        MailboxWalk.run(
            paths, jobs: jobs,
            work: { entry in
                let inspected = InspectedMessage(message: Message(bytes: entry.bytes), position: entry.position.description)
                return json ? inspected.jsonLine() + [0x0A] : Array(inspected.text().utf8)
            },
            deliver: { bytes in
                messages += 1
                if !json && messages > 1 { output.write("\n") }
                output.write(bytes)
            },
            problem: { text, opening in
                output.flush()
                if opening { diagnostics.error(text) } else { diagnostics.warning(text) }
            })
        output.flush()
        diagnostics.summarize(messages: messages)
        if messages == 0 && diagnostics.count > 0 {
            throw ExitCode(1)
        }
    }
}
