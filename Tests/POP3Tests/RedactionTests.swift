@testable import POP3
import Testing

@Suite struct RedactionTests {
    @Test func passwordNeverShown() {
        let command = POP3Command.pass("s3cret wonderland")
        #expect(command.bytes == Array("PASS s3cret wonderland\r\n".utf8))
        #expect(command.shown == "PASS <redacted>")
    }

    @Test func apopDigestNeverShown() {
        let command = POP3Command.apop(user: "mrose", digest: "c4c9334bac560ecc979e58001b3e22fb")
        #expect(command.bytes == Array("APOP mrose c4c9334bac560ecc979e58001b3e22fb\r\n".utf8))
        #expect(command.shown == "APOP mrose <redacted>")
    }

    @Test func apopTimestampFromGreeting() throws {
        let challenge = try #require(APOPChallenge(greeting: "POP3 server ready <1896.697170952@dbc.mtview.ca.us>"))
        #expect(challenge.timestamp == "<1896.697170952@dbc.mtview.ca.us>")
        #expect(challenge.digest(password: "tanstaaf") == "c4c9334bac560ecc979e58001b3e22fb")
        #expect(APOPChallenge(greeting: "Dovecot ready.") == nil)
        #expect(APOPChallenge(greeting: "ready <not a stamp>") == nil)
    }
}
