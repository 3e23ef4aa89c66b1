import Configuration
import Testing

/// `type` and the options that depend on it.
@Suite struct ProtocolTypeTests {
    static let unsupported: [(String, String)] = [("GRAPH", "Microsoft Graph"), ("EWS", "Exchange Web Services")]

    @Test(arguments: unsupported)
    func graphAndEWSAreNotSupportedYet(_ type: String, _ service: String) {
        for schema in [true, false] {
            let result = Support.load(mailbox: "type=\"\(type)\"", schema: schema)
            #expect(result.configuration == nil)
            #expect(Support.messages(result) == [
                "test.xml:4:10: error: type \(type) (\(service)) is not supported yet; "
                    + "this mailroute reads POP3 and IMAP mailboxes"
            ])
        }
    }

    static let methods: [(String, String, Bool)] = [
        ("POP3", "auto", true), ("POP3", "user-pass", true), ("POP3", "apop", true),
        ("POP3", "login", false), ("POP3", "plain", false),
        ("IMAP", "auto", true), ("IMAP", "login", true), ("IMAP", "plain", true),
        ("IMAP", "user-pass", false), ("IMAP", "apop", false),
    ]

    @Test(arguments: methods)
    func eachProtocolHasItsOwnAuthenticationMethods(_ type: String, _ method: String, _ valid: Bool) throws {
        let result = Support.load(mailbox: "authentication=\"\(method)\"", "type=\"\(type)\"")
        if valid {
            #expect(result.diagnostics.isEmpty)
            #expect(try #require(result.configuration?.mailboxes.first).authentication.rawValue == method)
        } else {
            #expect(result.configuration == nil)
            #expect(Support.messages(result).first?.contains("authentication is \(method), which \(type) does not have") == true)
        }
    }

    @Test func folderOptionsOnAPOP3MailboxAreIgnoredWithAWarning() throws {
        let result = Support.load(mailbox: #"folder-path="Archive""#, #"type="POP3""#)
        #expect(Support.messages(result) == [
            "test.xml:4:10: warning: folder-path applies to IMAP mailboxes only; mailbox \"support\" is POP3, so it is ignored"
        ])
        #expect(result.configuration != nil)
    }

    @Test func aCAFileWithoutTLSIsAWarning() {
        let result = Support.load(mailbox: #"ca-file="/etc/ssl/ca.pem""#, #"pop-connection-security="none""#)
        #expect(Support.messages(result) == [
            "test.xml:4:10: warning: ca-file is not used: pop-connection-security is none, so no certificate is checked"
        ])
    }

    @Test func aProcessedFolderWhileLeavingMessagesIsAWarning() {
        let result = Support.load(mailbox: #"processed-items-folder-name="Done""#, #"leave-msg-on-server="true""#)
        #expect(Support.messages(result) == [
            "test.xml:4:10: warning: processed-items-folder-name is not used while leave-msg-on-server is true: "
                + "processed messages stay in INBOX"
        ])
    }
}
