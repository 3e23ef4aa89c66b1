import Testing
import DovecotHarness

/// A harness Dovecot serves POP3 as the fetch tests need: logins, sizes, deletion.
@Suite struct DovecotPOP3Tests {
    @Test func servesDeliveredMessagesOverPOP3AndDeletesOnQuit() throws {
        let dovecot = try Dovecot.start()
        for name in twoMessages {
            try dovecot.deliver(try MailGemCorpus.message(name), to: "alice")
        }
        let client = try LineClient(port: dovecot.pop3Port)
        #expect(try client.line().hasPrefix("+OK"))
        #expect(try client.ask("USER alice").hasPrefix("+OK"))
        #expect(try client.ask("PASS wonderland").hasPrefix("+OK"))
        let stat = try client.ask("STAT").split(separator: " ")
        #expect(stat.count == 3 && stat[0] == "+OK" && stat[1] == "2")
        #expect(try client.ask("UIDL 1").hasPrefix("+OK 1 "))
        #expect(try client.ask("DELE 1").hasPrefix("+OK"))
        #expect(try dovecot.messageCount(of: "alice") == 2)  // deleted only at QUIT
        #expect(try client.ask("QUIT").hasPrefix("+OK"))
        #expect(try dovecot.messageCount(of: "alice") == 1)
    }

    @Test func offersSTLSAndPipeliningAndRefusesAWrongPassword() throws {
        let dovecot = try Dovecot.start(users: [MailUser(name: "bob", password: "builder")])
        let client = try LineClient(port: dovecot.pop3Port)
        _ = try client.line()
        #expect(try client.ask("CAPA").hasPrefix("+OK"))
        let capabilities = try client.multiline()
        #expect(capabilities.contains("STLS"))
        #expect(capabilities.contains("PIPELINING"))
        #expect(try client.ask("USER bob").hasPrefix("+OK"))
        #expect(try client.ask("PASS wrong").hasPrefix("-ERR"))
    }

    @Test func acceptsAPOPWithThePlainStoredPassword() throws {
        let dovecot = try Dovecot.start()
        let client = try LineClient(port: dovecot.pop3Port)
        let greeting = try client.line()
        let range = try #require(greeting.firstRange(of: #/<[^>]+>/#))
        let timestamp = String(greeting[range])
        let digest = try runProgram("/usr/bin/openssl", ["md5", "-r"], input: timestamp + "wonderland")
        #expect(digest.status == 0)
        let hex = String(digest.output.prefix(32))
        #expect(try client.ask("APOP alice \(hex)").hasPrefix("+OK"))
        #expect(try client.ask("STAT") == "+OK 0 0")
    }
}
