import Configuration
import Glibc
import Testing

/// Passwords: inline, or read when needed from a file or an environment
/// variable; and never shown, whatever prints the mailbox or the error.
@Suite struct PasswordTests {
    @Test func anInlinePasswordIsRevealedOnlyOnRequest() throws {
        let mailbox = try #require(Support.load(mailbox: "").configuration?.mailboxes.first)
        #expect(try mailbox.resolvePassword().reveal() == Support.secret)
        Self.expectHidden(in: mailbox)
    }

    @Test func aPasswordFileIsReadWhenNeededWithoutItsLastLineBreak() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { Fixture.remove(directory) }
        let xml = Support.configuration(Support.mailbox(content: #"<password file="secret.txt"/>"#))
        let result = ConfigurationLoader().load(bytes: Array(xml.utf8), displayName: directory + "/service.xml")
        #expect(result.diagnostics.isEmpty)
        let mailbox = try #require(result.configuration?.mailboxes.first)
        #expect(mailbox.password == .file(directory + "/secret.txt"))
        // Not read at load: the file does not exist yet.
        #expect(throws: PasswordError.unreadableFile(
            mailbox: "support", path: directory + "/secret.txt", reason: "No such file or directory"))
        {
            try mailbox.resolvePassword()
        }
        try Fixture.write(Array("\(Support.secret)\r\n".utf8), to: directory + "/secret.txt")
        #expect(try mailbox.resolvePassword().reveal() == Support.secret)
        try Fixture.write(Array("\(Support.secret) \n\n".utf8), to: directory + "/secret.txt")
        #expect(try mailbox.resolvePassword().reveal() == Support.secret + " \n", "only one line break is dropped")
        Self.expectHidden(in: mailbox)
    }

    @Test func passwordFileErrorsNameTheFileAndNeverTheContent() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { Fixture.remove(directory) }
        let path = directory + "/secret"
        let source = PasswordSource.file(path)
        let cases: [([UInt8], PasswordError)] = [
            (Array("\n".utf8), .emptyFile(mailbox: "m", path: path)),
            ([0xFF, 0xFE] + Array(Support.secret.utf8), .notText(mailbox: "m", path: path)),
            (Array(repeating: UInt8(ascii: "x"), count: PasswordSource.maximumFileBytes + 1) + Array(Support.secret.utf8),
             .fileTooLarge(mailbox: "m", path: path, limit: PasswordSource.maximumFileBytes)),
        ]
        for (content, expected) in cases {
            try Fixture.write(content, to: path)
            #expect(throws: expected) { try source.resolve(mailbox: "m") }
            #expect(!expected.description.contains(Support.secret))
            #expect(expected.description.contains(path) && expected.description.contains("mailbox \"m\""))
        }
        try Fixture.write(Array(Support.secret.utf8), to: path, mode: 0o000)
        if getuid() != 0 {  // root reads any file
            #expect(throws: PasswordError.unreadableFile(mailbox: "m", path: path, reason: "Permission denied")) {
                try source.resolve(mailbox: "m")
            }
        }
    }

    @Test func anEnvironmentVariableIsReadWhenNeeded() throws {
        let xml = Support.configuration(Support.mailbox(content: #"<password env="ACME_SUPPORT_PASSWORD"/>"#))
        let mailbox = try #require(Support.load(xml: xml).configuration?.mailboxes.first)
        #expect(mailbox.password == .environmentVariable("ACME_SUPPORT_PASSWORD"))
        let environment = ["ACME_SUPPORT_PASSWORD": Support.secret, "EMPTY": ""]
        #expect(try mailbox.resolvePassword(environment: { environment[$0] }).reveal() == Support.secret)
        #expect(throws: PasswordError.variableNotSet(mailbox: "support", variable: "ACME_SUPPORT_PASSWORD")) {
            try mailbox.resolvePassword(environment: { _ in nil })
        }
        #expect(throws: PasswordError.emptyVariable(mailbox: "m", variable: "EMPTY")) {
            try PasswordSource.environmentVariable("EMPTY").resolve(mailbox: "m", environment: { environment[$0] })
        }
        Self.expectHidden(in: mailbox)
    }

    @Test func theProcessEnvironmentIsTheDefault() throws {
        let path = String(cString: try #require(getenv("PATH")))
        #expect(try PasswordSource.environmentVariable("PATH").resolve(mailbox: "m").reveal() == path)
        let unset = "MAILROUTE_TEST_SURELY_UNSET_VARIABLE"
        #expect(throws: PasswordError.variableNotSet(mailbox: "m", variable: unset)) {
            try PasswordSource.environmentVariable(unset).resolve(mailbox: "m")
        }
    }

    static let needsPassword = "error: <mailbox> needs a password: a password attribute, or a "
        + "<password file=\"...\"/> or <password env=\"...\"/> child that says where to read it"

    static let badSources: [(String, [String])] = [
        (#"<password/>"#, ["error: <password> needs a file or an env attribute"]),
        (#"<password file="a" env="B"/>"#, ["error: <password> names both a file and an environment variable; keep one"]),
        (#"<password env="1PASSWORD"/>"#, [
            "error: env is \"1PASSWORD\", which is not an environment variable name (a letter or _, then letters, digits or _)"
        ]),
        (#"<password env="A"/><password env="B"/>"#, ["error: <mailbox> has more than one <password>; keep one"]),
        (#"<password value="x"/>"#, [
            "error: <password> needs a file or an env attribute",
            "error: <password> has no attribute value; its attributes are env, file",
        ]),
        (#"<secret/>"#, [needsPassword, "error: <mailbox> has no child element <secret>; its one child element is <password>"]),
    ]

    @Test(arguments: badSources)
    func aWrongPasswordElementIsAnError(_ content: String, _ expected: [String]) {
        for schema in [true, false] {
            let result = Support.load(mailbox: "", content: content, schema: schema)
            #expect(result.configuration == nil)
            let messages = Support.messages(result)
            #expect(messages.allSatisfy { $0.hasPrefix("test.xml:4:") })
            #expect(messages.map { String($0.drop { $0 != " " }.dropFirst()) } == expected, "schema: \(schema)")
        }
    }

    @Test func aPasswordGivenTwiceOrNotAtAllIsAnError() {
        let twice = Support.load(mailbox: #"password="x""#, content: #"<password env="P"/>"#)
        #expect(Support.messages(twice).first?.contains("the password is given twice") == true)
        let none = Support.load(
            xml: Support.configuration(
                #"<mailbox name="a" type="IMAP" server="s" mailbox="a" address="a@x.example" enable-client="true"/>"#))
        #expect(Support.messages(none) == [
            "test.xml:4:1: error: <mailbox> needs a password: a password attribute, or a <password file=\"...\"/> "
                + "or <password env=\"...\"/> child that says where to read it",
            "test.xml:4:1: warning: mailbox \"a\": pop-connection-security is not set, so the password goes to s "
                + "unencrypted; set it to start-tls-required or ssl-tls, or to none if that is meant",
        ])
    }

    /// Whatever shows `mailbox`: interpolation, reflection, dump, its password
    /// source, the secret itself, shows no secret.
    static func expectHidden(in mailbox: MailboxAccount) {
        var dumped = ""
        dump(mailbox, to: &dumped)
        let secret = try? mailbox.resolvePassword(environment: { _ in Support.secret })
        let shown = [
            "\(mailbox)", String(reflecting: mailbox), dumped, "\(mailbox.password)", String(reflecting: mailbox.password),
            "\(String(describing: secret))", String(reflecting: secret),
        ]
        for text in shown {
            #expect(!text.contains(Support.secret), "\(text.prefix(200))")
        }
        #expect("\(Secret(Support.secret))" == "<redacted>")
    }
}
