/// The test certificates and keys (see Fixtures/README.md), found next to this file.
enum Fixtures {
    static let folder: String = {
        var path = #filePath
        while let last = path.last, last != "/" { path.removeLast() }
        return path + "Fixtures/"
    }()

    static func path(_ name: String) -> String { folder + name }

    static let chain = path("server-chain.pem")
    static let key = path("server-key.pem")
    static let encryptedKey = path("server-key-encrypted.pem")
    static let otherKey = path("other-key.pem")
    static let certificateAuthority = path("ca-cert.pem")
    static let garbage = path("garbage.pem")
    static let missing = path("no-such-file.pem")
}
