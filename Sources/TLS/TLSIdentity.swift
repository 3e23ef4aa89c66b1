/// The certificate chain and private key a TLS endpoint presents: always for
/// a server, and for a client only when the server asks for a client certificate.
public struct TLSIdentity: Sendable {
    /// A PEM file with the endpoint's certificate first, then any
    /// intermediate certificates up to (not necessarily including) the root.
    public var certificateChainFile: String
    /// A PEM file with the private key of the first certificate.
    public var privateKeyFile: String
    /// The password, if the private key file is encrypted. Without one, an
    /// encrypted key is refused; OpenSSL never prompts on the terminal.
    public var privateKeyPassword: TLSKeyPassword?

    /// Names the files of an identity.
    public init(certificateChainFile: String, privateKeyFile: String, privateKeyPassword: TLSKeyPassword? = nil) {
        self.certificateChainFile = certificateChainFile
        self.privateKeyFile = privateKeyFile
        self.privateKeyPassword = privateKeyPassword
    }
}
