import Testing
import DovecotHarness

/// The generated certificate verifies against `caFile`, for implicit TLS and
/// STARTTLS alike, and does not against `untrustedCAFile`.
@Suite struct DovecotTLSTests {
    static let openssl = "/usr/bin/openssl"

    /// `openssl s_client` with verification errors fatal; true if the handshake verified.
    func verifies(port: Int, caFile: String, startTLS: String? = nil) throws -> Bool {
        var arguments = ["s_client", "-connect", "127.0.0.1:\(port)", "-CAfile", caFile, "-verify_return_error",
                         "-verify_ip", "127.0.0.1"]
        if let startTLS { arguments += ["-starttls", startTLS] }
        let result = try runProgram(Self.openssl, arguments)
        return result.status == 0 && result.output.contains("Verify return code: 0 (ok)")
    }

    @Test func certificateVerifiesOnlyAgainstTheGeneratedCA() throws {
        let dovecot = try Dovecot.start()
        #expect(try verifies(port: dovecot.pop3sPort, caFile: dovecot.caFile))
        #expect(try !verifies(port: dovecot.pop3sPort, caFile: dovecot.untrustedCAFile))
        #expect(try verifies(port: dovecot.imapsPort, caFile: dovecot.caFile))
        #expect(try !verifies(port: dovecot.imapsPort, caFile: dovecot.untrustedCAFile))
    }

    @Test func startTLSVerifiesOnThePlainPorts() throws {
        let dovecot = try Dovecot.start()
        #expect(try verifies(port: dovecot.pop3Port, caFile: dovecot.caFile, startTLS: "pop3"))
        #expect(try verifies(port: dovecot.imapPort, caFile: dovecot.caFile, startTLS: "imap"))
        #expect(try !verifies(port: dovecot.imapPort, caFile: dovecot.untrustedCAFile, startTLS: "imap"))
    }
}
