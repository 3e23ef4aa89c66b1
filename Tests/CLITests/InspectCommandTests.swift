import Foundation
import Testing

/// `mailroute inspect` as a user runs it: golden output on the bundled fixtures, and exit statuses.
@Suite struct InspectCommandTests {
    @Test func textOutputOfTheSupportMailboxMatchesGolden() throws {
        let result = try CommandRunner.run(["inspect", "Fixtures/mailboxes/support.mbox"])
        #expect(result.status == 0)
        #expect(try CommandRunner.matchesGolden(result.standardOutput, "inspect-support.txt"))
        #expect(try CommandRunner.matchesGolden(result.standardError, "inspect-support.stderr"))
    }

    @Test func jsonOutputOfAllFixturesMatchesGolden() throws {
        let result = try CommandRunner.run([
            "inspect", "--json", "Fixtures/mailboxes/support.mbox", "Fixtures/mailboxes/billing", "Fixtures/mailboxes/legal",
        ])
        #expect(result.status == 0)
        #expect(result.standardError.isEmpty)
        #expect(try CommandRunner.matchesGolden(result.standardOutput, "inspect-fixtures.jsonl"))
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 9)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["subject"] != nil && object?["defects"] is [Any])
        }
    }

    @Test func outputIsTheSameOnEveryRun() throws {
        let first = try CommandRunner.run(["inspect", "--json", "Fixtures/mailboxes/support.mbox"])
        let second = try CommandRunner.run(["inspect", "--json", "Fixtures/mailboxes/support.mbox"])
        #expect(first.standardOutput == second.standardOutput)
    }

    @Test func theNumberOfThreadsDoesNotChangeTheOutput() throws {
        let paths = ["Fixtures/mailboxes/support.mbox", "Fixtures/mailboxes/billing", "Fixtures/mailboxes/legal"]
        let one = try CommandRunner.run(["inspect", "--json", "--jobs", "1"] + paths)
        let three = try CommandRunner.run(["inspect", "--json", "--jobs", "3"] + paths)
        #expect(one.status == 0 && three.status == 0)
        #expect(one.standardOutput == three.standardOutput)
        #expect(try CommandRunner.matchesGolden(three.standardOutput, "inspect-fixtures.jsonl"))
    }

    @Test func readsStandardInput() throws {
        let message = Array("From: a@example.com\r\nSubject: =?utf-8?Q?caf=C3=A9?=\r\n\r\nbody\r\n".utf8)
        let result = try CommandRunner.run(["inspect", "--json", "-"], input: message)
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("\"position\":\"<stdin>\""))
        #expect(result.standardOutput.contains("\"subject\":\"café\""))
    }

    @Test func aMissingPathAloneFailsWithAClearMessage() throws {
        let result = try CommandRunner.run(["inspect", "Fixtures/mailboxes/no-such-mailbox"])
        #expect(result.status == 1)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains("Fixtures/mailboxes/no-such-mailbox"))
    }

    @Test func aMissingPathBesideAGoodOneStillReadsTheGoodOne() throws {
        let result = try CommandRunner.run(["inspect", "--json", "Fixtures/mailboxes/no-such-mailbox", "Fixtures/mailboxes/legal"])
        #expect(result.status == 0)
        #expect(result.standardOutput.split(separator: "\n").count == 1)
        #expect(result.standardError.contains("no-such-mailbox"))
    }

    @Test func aDirectoryThatIsNotAMailboxFails() throws {
        let result = try CommandRunner.run(["inspect", "Sources"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("Sources"))
        #expect(result.standardError.contains("not a mailbox"))
    }
}
