@testable import POP3
import Testing

@Suite struct ServerReplyTests {
    @Test(arguments: [
        ("+OK 2 320\r\n", true, nil, "2 320"),
        ("+OK\r\n", true, nil, ""),
        ("-ERR [IN-USE] Do you have another POP session running?\r\n", false, "IN-USE", "Do you have another POP session running?"),
        ("-ERR [SYS/TEMP] try later\n", false, "SYS/TEMP", "try later"),
        ("-ERR [auth] Authentication failed.", false, "AUTH", "Authentication failed."),
        ("+ok lower-case servers exist\r\n", true, nil, "lower-case servers exist"),
        ("-ERR no such message", false, nil, "no such message"),
    ] as [(String, Bool, String?, String)])
    func parsesStatusLines(line: String, positive: Bool, code: String?, text: String) throws {
        let reply = try #require(POP3ServerReply(line: Array(line.utf8)))
        #expect(reply.isPositive == positive)
        #expect(reply.code?.rawValue == code)
        #expect(reply.text == text)
    }

    @Test(arguments: ["", "* OK IMAP4rev1", "+OKAY", "OK", "-ERROR", "220 smtp ready"])
    func refusesWhatIsNotAStatusLine(line: String) {
        #expect(POP3ServerReply(line: Array(line.utf8)) == nil)
    }

    @Test func descriptionQuotesTheServer() throws {
        let reply = try #require(POP3ServerReply(line: Array("-ERR [AUTH] Authentication failed.\r\n".utf8)))
        #expect(reply.description == "-ERR [AUTH] Authentication failed.")
    }

    @Test func transientCodesAreTold() {
        #expect(POP3ResponseCode.inUse.isTransient)
        #expect(POP3ResponseCode(rawValue: "login-delay").isTransient)
        #expect(POP3ResponseCode(rawValue: "SYS/TEMP/QUOTA").isTransient)
        #expect(!POP3ResponseCode.authentication.isTransient)
        #expect(!POP3ResponseCode.permanentSystemError.isTransient)
    }
}
