import TLS
import Testing

@Suite struct TLSIdentityTests {
    func loadError(chain: String = Fixtures.chain, key: String, password: String? = nil) -> TLSError? {
        let identity = TLSIdentity(
            certificateChainFile: chain, privateKeyFile: key, privateKeyPassword: password.map(TLSKeyPassword.init))
        return #expect(throws: TLSError.self) { try TLSContext(configuration: .server(identity: identity)) }
    }

    @Test func missingCertificateChainIsNamed() {
        let error = loadError(chain: Fixtures.missing, key: Fixtures.key)
        guard case .certificateChainUnusable(Fixtures.missing, let reasons) = error else {
            Issue.record("expected certificateChainUnusable, got \(String(describing: error))")
            return
        }
        #expect(reasons.contains { $0.contains("No such file or directory") })
        #expect(error?.description.hasPrefix("cannot load the certificate chain from '\(Fixtures.missing)': ") == true)
    }

    @Test func garbageCertificateChainIsNamed() {
        let error = loadError(chain: Fixtures.garbage, key: Fixtures.key)
        guard case .certificateChainUnusable(Fixtures.garbage, let reasons) = error else {
            Issue.record("expected certificateChainUnusable, got \(String(describing: error))")
            return
        }
        #expect(!reasons.isEmpty)
    }

    @Test func missingAndGarbageKeysAreNamedWithoutTheirContent() {
        for file in [Fixtures.missing, Fixtures.garbage] {
            let error = loadError(key: file)
            guard case .privateKeyUnusable(file, let reasons) = error else {
                Issue.record("expected privateKeyUnusable for \(file), got \(String(describing: error))")
                continue
            }
            #expect(!reasons.isEmpty)
            #expect(error?.description.contains("not base64 at all") == false)
        }
    }

    @Test func keyOfAnotherCertificateIsRefused() {
        let error = loadError(key: Fixtures.otherKey)
        guard case .privateKeyMismatch(Fixtures.otherKey, Fixtures.chain, let reasons) = error else {
            Issue.record("expected privateKeyMismatch, got \(String(describing: error))")
            return
        }
        #expect(reasons.contains { $0.contains("key values mismatch") })
    }

    @Test func encryptedKeyLoadsWithItsPassword() throws {
        let identity = TLSIdentity(
            certificateChainFile: Fixtures.chain, privateKeyFile: Fixtures.encryptedKey,
            privateKeyPassword: TLSKeyPassword("test-only-password"))
        _ = try TLSContext(configuration: .server(identity: identity))
    }

    @Test func encryptedKeyWithoutOrWithWrongPasswordIsRefusedWithoutShowingIt() {
        for password in [nil, "not-the-password"] {
            let error = loadError(key: Fixtures.encryptedKey, password: password)
            guard case .privateKeyUnusable(Fixtures.encryptedKey, _) = error else {
                Issue.record("expected privateKeyUnusable, got \(String(describing: error))")
                continue
            }
            #expect(error?.description.contains("not-the-password") == false)
        }
    }

    @Test func passwordNeverShowsInDescriptions() {
        let password = TLSKeyPassword("hunter2")
        var dumped = ""
        dump(password, to: &dumped)
        let identity = TLSIdentity(certificateChainFile: "c", privateKeyFile: "k", privateKeyPassword: password)
        dump(identity, to: &dumped)
        for text in [password.description, String(reflecting: password), "\(identity)", dumped] {
            #expect(!text.contains("hunter2"))
        }
        #expect(password.description == "<redacted>")
    }
}
