import COpenSSL

extension TLSContext {
    /// Loads the certificate chain, then the private key, and checks that the
    /// key belongs to the chain's first certificate.
    func load(_ identity: TLSIdentity) throws(TLSError) {
        let chainFile = identity.certificateChainFile
        let keyFile = identity.privateKeyFile
        guard SSL_CTX_use_certificate_chain_file(context, chainFile) == 1 else {
            throw .certificateChainUnusable(file: chainFile, reasons: OpenSSLErrorQueue.drain().messages)
        }
        let keyLoaded = withPasswordCallback(identity.privateKeyPassword) {
            SSL_CTX_use_PrivateKey_file(context, keyFile, SSL_FILETYPE_PEM) == 1
        }
        if !keyLoaded {
            let failure = OpenSSLErrorQueue.drain()
            if failure.reportsKeyMismatch {
                throw .privateKeyMismatch(
                    privateKeyFile: keyFile, certificateChainFile: chainFile, reasons: failure.messages)
            }
            throw .privateKeyUnusable(file: keyFile, reasons: failure.messages)
        }
        guard SSL_CTX_check_private_key(context) == 1 else {
            throw .privateKeyMismatch(
                privateKeyFile: keyFile, certificateChainFile: chainFile,
                reasons: OpenSSLErrorQueue.drain().messages)
        }
    }

    /// Runs `body` with a password callback that answers with `password`, or
    /// declines when there is none, so OpenSSL never prompts on the terminal.
    /// The callback's pointer to the password is removed before returning.
    private func withPasswordCallback(_ password: TLSKeyPassword?, _ body: () -> Bool) -> Bool {
        let source = PasswordSource(password?.bytes ?? [])
        SSL_CTX_set_default_passwd_cb(context, answerPassword)
        SSL_CTX_set_default_passwd_cb_userdata(context, Unmanaged.passUnretained(source).toOpaque())
        defer { SSL_CTX_set_default_passwd_cb_userdata(context, nil) }
        return withExtendedLifetime(source) { body() }
    }
}

/// Holds a password for the duration of one key load.
private final class PasswordSource {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }
}

/// OpenSSL's `pem_password_cb`: copies the password into `buffer` and returns
/// its length, or 0 (no password) when there is none or it does not fit.
private func answerPassword(
    _ buffer: UnsafeMutablePointer<CChar>?, _ size: Int32, _ writing: Int32, _ userData: UnsafeMutableRawPointer?
) -> Int32 {
    guard let buffer, let userData else { return 0 }
    let password = Unmanaged<PasswordSource>.fromOpaque(userData).takeUnretainedValue().bytes
    guard !password.isEmpty, password.count <= Int(size) else { return 0 }
    return password.withUnsafeBytes { bytes -> Int32 in
        guard let base = bytes.baseAddress else { return 0 }
        UnsafeMutableRawPointer(buffer).copyMemory(from: base, byteCount: bytes.count)
        return Int32(bytes.count)
    }
}
