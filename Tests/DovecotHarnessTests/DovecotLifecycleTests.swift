import Foundation
import Testing
@testable import DovecotHarness

/// Starting, crashing, restarting and cleaning up test Dovecots, and their quirk settings.
@Suite struct DovecotLifecycleTests {
    @Test func killedServerRefusesConnectionsAndRestartsWithItsMail() throws {
        let dovecot = try Dovecot.start()
        try dovecot.deliver(try MailGemCorpus.message(twoMessages[0]), to: "alice")
        let client = try LineClient(port: dovecot.pop3Port)
        _ = try client.line()
        dovecot.kill()
        #expect(!dovecot.isRunning)
        #expect(try client.line() == "(closed)")
        #expect(throws: HarnessError.self) { try LineClient(port: dovecot.pop3Port) }
        try dovecot.restart()
        let again = try LineClient(port: dovecot.pop3Port)
        #expect(try again.line().hasPrefix("+OK"))
        _ = try again.ask("USER alice")
        _ = try again.ask("PASS wonderland")
        #expect(try again.ask("STAT").hasPrefix("+OK 1 "))
    }

    @Test func stopEndsEveryProcessAndDeinitRemovesTheDirectory() throws {
        var dovecot: Dovecot? = try Dovecot.start()
        let root = try #require(dovecot?.rootDirectory)
        let pidFile = try #require(FileManager.default.contents(atPath: root + "/run/master.pid"))
        let pid = try #require(Int32(String(decoding: pidFile, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))
        dovecot?.stop()
        #expect(!ProcessGroup.hasLiveMembers(pid))  // master, children and watchdog are gone
        #expect(FileManager.default.fileExists(atPath: root + "/home/alice/Maildir/new"))
        dovecot = nil
        #expect(!FileManager.default.fileExists(atPath: root))
    }

    @Test func serversRunningAtOnceAreIndependent() throws {
        let first = try Dovecot.start()
        let second = try Dovecot.start()
        #expect(Set([first.pop3Port, first.imapPort, second.pop3Port, second.imapPort]).count == 4)
        #expect(first.caFile != second.caFile)
        try first.deliver(try MailGemCorpus.message(twoMessages[1]), to: "alice")
        #expect(try first.messageCount(of: "alice") == 1)
        #expect(try second.messageCount(of: "alice") == 0)
    }

    @Test func extraConfigCanTakeSTLSAwayFromPOP3Only() throws {
        let dovecot = try Dovecot.start(extraConfig: "protocol pop3 {\n  ssl = no\n}")
        let pop3 = try LineClient(port: dovecot.pop3Port)
        _ = try pop3.line()
        _ = try pop3.ask("CAPA")
        #expect(!(try pop3.multiline()).contains("STLS"))
        #expect(try LineClient(port: dovecot.imapPort).line().contains("STARTTLS"))
    }

    @Test func serverWithoutTLSStartsAndItsTLSPortsRefuse() throws {
        let dovecot = try Dovecot.start(extraConfig: "ssl = no")
        #expect(try !LineClient(port: dovecot.imapPort).line().contains("STARTTLS"))
        #expect(throws: HarnessError.self) { try LineClient(port: dovecot.imapsPort) }
    }

    @Test func refusesAUserThatCannotBeStored() {
        #expect {
            try Dovecot.start(users: [MailUser(name: "carol", password: "a:b")])
        } throws: { error in
            "\(error)".contains("carol") && !"\(error)".contains("a:b")
        }
    }

    @Test func reportsABrokenConfigurationWithTheLog() {
        #expect {
            try Dovecot.start(extraConfig: "no_such_setting = 1")
        } throws: { error in
            "\(error)".contains("no_such_setting")
        }
    }
}
