import Configuration
import Foundation
import Pipeline
import Service
import Testing

/// The configuration changes while the service runs.
@Suite struct ChangesWhileRunningTests {
    @Test func aMailboxAddedWhileRunningIsPolledWithoutARestart() throws {
        let fixture = try ServiceFixture()
        let inbox = try fixture.deliverCorpus()
        let billing = try fixture.deliverCorpus(folder: "Billing")
        let configuration = try fixture.writeConfiguration("IMAP", ["cycle-time": "00:00:01"])
        let stop = StopRequest()
        let service = try FetchService(
            configurationPath: configuration, configurationLoader: ConfigurationLoader(), ruleLoader: RuleSetLoader(),
            stop: stop, logger: fixture.logs.logger())
        #expect(service.mailboxNames == ["support"])
        let finished = DispatchSemaphore(value: 0)
        let thread = Thread {
            _ = service.run(once: false)
            finished.signal()
        }
        thread.start()
        defer { stop.request() }

        #expect(Self.waitFor(within: 30) { (try? fixture.spool().count) == inbox }, "\(fixture.logs.text)")
        #expect(try fixture.onServer("Billing") == billing)

        let added = """
            <mailbox name="billing" enable-client="true" type="IMAP" server="127.0.0.1" port="\(fixture.dovecot.imapPort)"
              mailbox="\(ServiceFixture.user.name)" password="\(ServiceFixture.user.password)" ca-file="\(fixture.dovecot.caFile)"
              address="billing@acme.example" folder-path="Billing" cycle-time="00:00:01" enable-message-id-check="false"
              connect-timeout="00:00:10" protocol-timeout="00:00:10"/>
            """
        _ = try fixture.writeConfiguration("IMAP", ["cycle-time": "00:00:01"], otherMailboxes: added)

        #expect(Self.waitFor(within: 30) { (try? fixture.spool().count) == inbox + billing }, "\(fixture.logs.text)")
        // Stored first, then taken off the server at the end of the cycle.
        #expect(Self.waitFor(within: 30) { (try? fixture.onServer("Billing")) == 0 }, "\(fixture.logs.text)")
        #expect(fixture.logs.text.contains("added to the configuration; polling it from now on"))
        let sources = try fixture.spool().map(\.mailbox)
        #expect(sources.filter { $0 == "billing" }.count == billing)

        stop.request()
        #expect(finished.wait(timeout: .now() + 60) == .success, "the service stops with its added mailbox")
    }

    @Test func aMessageLeftOnTheServerIsFetchedOnceTheOptionsAllowIt() throws {
        let fixture = try ServiceFixture()
        let big = Array("Message-ID: <big@fixture.test>\r\nSubject: large\r\n\r\n\(String(repeating: "x", count: 100_000))\r\n".utf8)
        try fixture.dovecot.deliver(big, to: ServiceFixture.user.name)
        let configuration = try fixture.writeConfiguration(
            "IMAP", ["maximum-msg-size": "65536B", "enable-big-msg-stripping": "false"])
        let service = try fixture.service(configuration)
        let first = service.run(once: true).report
        #expect(first.left == 1)
        #expect(first.stored == 0)
        // Unchanged options: the message is not asked for again.
        #expect(service.run(once: true).report.left == 1)

        _ = try fixture.writeConfiguration("IMAP", ["maximum-msg-size": "1048576B", "enable-big-msg-stripping": "false"])
        let afterChange = service.run(once: true).report
        #expect(afterChange.stored == 1, "\(fixture.logs.text)")
        #expect(try fixture.onServer() == 0)
        #expect(fixture.logs.text.contains("options or rules changed; messages left on the server are looked at again"))
    }

    /// A folder made anew gets another UIDVALIDITY and numbers its messages
    /// from 1 again: the new message with the UID of one left on the server
    /// before is another message, and is fetched.
    @Test func aMessageLeftOnTheServerDoesNotHideTheNextMessageWithItsUID() throws {
        let fixture = try ServiceFixture()
        let big = Array("Message-ID: <big@fixture.test>\r\nSubject: large\r\n\r\n\(String(repeating: "x", count: 100_000))\r\n".utf8)
        try fixture.dovecot.deliver(big, to: ServiceFixture.user.name, folder: "Billing")
        let configuration = try fixture.writeConfiguration(
            "IMAP", ["folder-path": "Billing", "maximum-msg-size": "65536B", "enable-big-msg-stripping": "false"])
        let service = try fixture.service(configuration)
        let first = service.run(once: true).report
        #expect(first.left == 1)

        try FileManager.default.removeItem(atPath: fixture.dovecot.maildir(of: ServiceFixture.user.name, folder: "Billing"))
        let small = Array("Message-ID: <small@fixture.test>\r\nSubject: small\r\n\r\nhello\r\n".utf8)
        try fixture.dovecot.deliver(small, to: ServiceFixture.user.name, folder: "Billing")
        // The service's report counts both cycles.
        let both = service.run(once: true).report
        #expect(both.stored == 1, "\(fixture.logs.text)")
        #expect(both.left == first.left)
        #expect(try fixture.spool().count == 1)
        #expect(try fixture.onServer("Billing") == 0)
    }

    /// Polls `condition` every 100 ms until it holds or `seconds` have passed.
    static func waitFor(within seconds: TimeInterval, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !condition() {
            if Date() > deadline { return false }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return true
    }
}
