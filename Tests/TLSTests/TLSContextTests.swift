import TLS
import Testing

@Suite struct TLSContextTests {
    @Test func versionNamesOpenSSL() {
        #expect(TLSLibrary.version.hasPrefix("OpenSSL 3."))
    }

    @Test func defaultClientVerifiesPeersWithTLS12OrLater() throws {
        let context = try TLSContext()
        #expect(context.configuration.role == .client)
        #expect(context.verifiesPeer)
        #expect(context.minimumVersion == .tls12)
    }

    @Test func settingsReachOpenSSL() throws {
        var configuration = TLSConfiguration.client()
        configuration.minimumVersion = .tls13
        configuration.verifiesPeer = false
        let context = try TLSContext(configuration: configuration)
        #expect(!context.verifiesPeer)
        #expect(context.minimumVersion == .tls13)
    }

    @Test func caFileLoads() throws {
        let context = try TLSContext(configuration: .client(trustRoots: .caFile(Fixtures.certificateAuthority)))
        #expect(context.configuration.trustRoots == .caFile(Fixtures.certificateAuthority))
    }

    @Test func missingOrGarbageCAFileIsNamed() {
        for file in [Fixtures.missing, Fixtures.garbage] {
            let error = #expect(throws: TLSError.self) {
                try TLSContext(configuration: .client(trustRoots: .caFile(file)))
            }
            guard case .trustRootsUnusable(file, let reasons) = error else {
                Issue.record("expected trustRootsUnusable for \(file), got \(String(describing: error))")
                continue
            }
            #expect(!reasons.isEmpty)
            #expect(error?.description.hasPrefix("cannot load CA certificates from '\(file)': ") == true)
        }
    }

    @Test func serverWithCertificateChainAndKeyLoads() throws {
        let identity = TLSIdentity(certificateChainFile: Fixtures.chain, privateKeyFile: Fixtures.key)
        let context = try TLSContext(configuration: .server(identity: identity))
        #expect(context.configuration.role == .server)
        #expect(!context.verifiesPeer, "a server does not ask for client certificates by default")
    }

    @Test func serverWithoutIdentityIsRefused() {
        let configuration = TLSConfiguration(role: .server, verifiesPeer: false)
        #expect(throws: TLSError.serverIdentityMissing) { try TLSContext(configuration: configuration) }
    }
}
