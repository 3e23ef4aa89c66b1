import ArgumentParser
import Mailboxes
import MessageModel
import Pipeline
import Reports

/// `mailroute replay`: every message of some mailboxes through the pipeline, one line per interaction.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Run every message of the given mailboxes through the rules and print where each goes.",
        discussion: """
            Prints one line per interaction (source position, message id, mailbox, queue, tags, \
            attributes, stripped or copy recipient), then a summary per queue. The same input \
            always gives byte-identical output, whatever --jobs is. An entry that cannot be read \
            is reported on standard error and counted; the replay goes on.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, jsonl
    }

    @Argument(help: "Mailboxes or message files to replay.")
    var paths: [String]

    @Option(help: "The rule file.")
    var rules: String

    @Option(help: "The mailbox profile every message comes through (default: chosen from each message's recipients).")
    var mailbox: String?

    @Option(help: "table for people, jsonl for machines.")
    var format: Format = .table

    @Option(help: "Threads that route messages (default: one per core).")
    var jobs: Int = CPUCount.online

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let diagnostics = Diagnostics()
        let pipeline = try RuleLoading.load(rules, diagnostics: diagnostics, mailbox: mailbox)
        let output = OutputStream(descriptor: 1)
        var summary = ReplaySummary()
        let table = format == .table
        let mailboxName = mailbox
        // Rules that read only header fields need only the header section of each file.
        MailboxWalk.run(
            paths, reading: pipeline.messageScope == .header ? .headerSection : .whole, jobs: jobs,
            makeWork: {
                // Each thread its own rules: threads then share no reference counts.
                let pipeline = pipeline.isolatedCopy()
                return { entry in
                    let message = Message(bytes: entry.bytes, scope: pipeline.messageScope)
                    // Replay prints no trace: the rules are evaluated only as far as the decision needs.
                    let decision = pipeline.process(
                        message: message, mailboxName: mailboxName, reportedSize: entry.size, tracing: false)
                    let routed = RoutedMessage(position: entry.position.description, message: message, decision: decision)
                    let rendered = table ? Array(routed.tableLines().map { $0 + "\n" }.joined().utf8) : routed.jsonLines()
                    return (routed, rendered)
                }
            },
            deliver: { (result: (routed: RoutedMessage, rendered: [UInt8])) in
                // Read in place: binding the parts would copy the message and its decision.
                summary.add(result.routed)
                let interactions = result.routed.decision.interactions
                if interactions.indices.contains(where: { !interactions[$0].defects.isEmpty }) {
                    output.flush()
                    for failure in result.routed.decision.interactions.flatMap(\.defects) {
                        diagnostics.warning("\(result.routed.position): \(failure)")
                    }
                }
                output.write(result.rendered)
            },
            problem: { text, opening in
                summary.addUnreadable()
                output.flush()
                if opening { diagnostics.error(text) } else { diagnostics.warning(text) }
            })
        if table {
            output.write("\n" + summary.tableText())
        } else {
            output.write(summary.jsonLine())
        }
        output.flush()
        if summary.messages == 0 && (summary.unreadable > 0 || diagnostics.count > 0) { throw ExitCode(1) }
    }
}
