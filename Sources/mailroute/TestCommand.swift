import ArgumentParser
import Glibc
import Mailboxes
import MessageModel
import Pipeline
import Reports

/// `mailroute test`: regression cases for rule files.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run regression cases (NAME.eml + NAME.expect) through a rule file and compare the outcomes.",
        discussion: """
            Prints PASS or FAIL per case, in name order; for a failing case, each difference \
            (expected and actual) and the message's trace. Exits 1 when any case fails or cannot be read.
            """)

    @Argument(help: "The rule file.")
    var rules: String

    @Option(help: "The folder of cases.")
    var cases: String

    func run() throws {
        let diagnostics = Diagnostics()
        let pipeline = try RuleLoading.load(rules, diagnostics: diagnostics)
        let output = OutputStream(descriptor: 1)
        let names: [String]
        do {
            names = try CaseFolder.caseNames(in: cases)
        } catch {
            diagnostics.error("\(error)")
            throw ExitCode(1)
        }
        var passed = 0
        var failed = 0
        for name in names {
            let base = cases + "/" + name
            do {
                let expected = try ExpectedOutcome(text: try CaseFolder.readText(base + ".expect"), file: base + ".expect")
                let bytes = try CaseFolder.readBytes(base + ".eml")
                let message = Message(bytes: bytes)
                let decision = pipeline.process(message: message, mailboxName: expected.mailbox)
                let differences = CaseComparison.differences(expected: expected, actual: decision)
                if differences.isEmpty {
                    passed += 1
                    output.write("PASS \(name)\n")
                } else {
                    failed += 1
                    output.write("FAIL \(name)\n")
                    for line in differences { output.write("  \(line)\n") }
                    let routed = RoutedMessage(position: base + ".eml", message: message, decision: decision)
                    for line in Explanation.text(for: routed).split(separator: "\n") { output.write("    | \(line)\n") }
                }
            } catch {
                failed += 1
                output.write("FAIL \(name)\n  \(error)\n")
            }
        }
        output.write("\(passed) passed, \(failed) failed\n")
        output.flush()
        if failed > 0 || names.isEmpty { throw ExitCode(1) }
    }
}
