import POP3
import Testing

@Suite struct CapabilitiesTests {
    /// Dovecot 2.3's CAPA reply on a plain connection before login.
    static let dovecot = ["CAPA", "TOP", "UIDL", "RESP-CODES", "PIPELINING", "AUTH-RESP-CODE", "STLS", "USER", "SASL PLAIN LOGIN"]

    @Test func readsDovecotsReply() {
        let capabilities = POP3Capabilities(lines: Self.dovecot)
        #expect(capabilities.isKnown)
        #expect(capabilities.offersSTLS && capabilities.offersPipelining && capabilities.offersTop)
        #expect(capabilities.offersUIDL && capabilities.offersUser && capabilities.offersResponseCodes)
        #expect(capabilities.saslMechanisms == ["PLAIN", "LOGIN"])
        #expect(capabilities.implementation == nil)
    }

    @Test func namesAreCaseInsensitiveAndArgumentsKept() {
        let capabilities = POP3Capabilities(lines: ["stls", "Implementation Example POP3 1.0", "", "sasl cram-md5"])
        #expect(capabilities.offersSTLS)
        #expect(capabilities.contains("Stls"))
        #expect(capabilities.implementation == "Example POP3 1.0")
        #expect(capabilities.saslMechanisms == ["CRAM-MD5"])
        #expect(!capabilities.offersPipelining)
    }

    @Test func unknownOffersNothing() {
        #expect(!POP3Capabilities.unknown.isKnown)
        #expect(!POP3Capabilities.unknown.offersSTLS)
        #expect(POP3Capabilities.unknown.saslMechanisms.isEmpty)
    }
}
