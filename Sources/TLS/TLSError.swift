/// Why a ``TLSContext`` could not be built.
///
/// Each case names the file concerned and carries OpenSSL's error strings
/// (`reasons`), oldest first. Messages never include key material or
/// passwords: OpenSSL's strings name libraries and reasons only.
public enum TLSError: Error, Sendable, Hashable, CustomStringConvertible {
    /// OpenSSL could not create the context (usually: out of memory).
    case contextUnavailable(reasons: [String])
    /// OpenSSL refused the minimum protocol version.
    case protocolVersionRefused(TLSConfiguration.ProtocolVersion, reasons: [String])
    /// The trust roots could not be loaded; `file` is `nil` for the system's
    /// default locations.
    case trustRootsUnusable(file: String?, reasons: [String])
    /// The certificate chain file is missing, unreadable or not PEM certificates.
    case certificateChainUnusable(file: String, reasons: [String])
    /// The private key file is missing, unreadable, not a PEM key, or
    /// encrypted with a password that was not given or is wrong.
    case privateKeyUnusable(file: String, reasons: [String])
    /// The private key does not belong to the first certificate of the chain.
    case privateKeyMismatch(privateKeyFile: String, certificateChainFile: String, reasons: [String])
    /// A server role was configured without a certificate chain and key.
    case serverIdentityMissing

    /// The OpenSSL error strings behind the error.
    public var reasons: [String] {
        switch self {
        case .contextUnavailable(let reasons), .protocolVersionRefused(_, let reasons),
            .trustRootsUnusable(_, let reasons), .certificateChainUnusable(_, let reasons),
            .privateKeyUnusable(_, let reasons), .privateKeyMismatch(_, _, let reasons):
            return reasons
        case .serverIdentityMissing:
            return []
        }
    }

    /// What failed, which file, and OpenSSL's reasons, on one line.
    public var description: String {
        let summary: String
        switch self {
        case .contextUnavailable:
            summary = "OpenSSL could not create a TLS context"
        case .protocolVersionRefused(let version, _):
            summary = "OpenSSL refused \(version == .tls12 ? "TLS 1.2" : "TLS 1.3") as the minimum protocol version"
        case .trustRootsUnusable(let file, _):
            summary = file.map { "cannot load CA certificates from '\($0)'" }
                ?? "cannot load the system's default CA certificates"
        case .certificateChainUnusable(let file, _):
            summary = "cannot load the certificate chain from '\(file)'"
        case .privateKeyUnusable(let file, _):
            summary = "cannot load the private key from '\(file)'"
        case .privateKeyMismatch(let keyFile, let chainFile, _):
            summary = "the private key in '\(keyFile)' does not match the certificate in '\(chainFile)'"
        case .serverIdentityMissing:
            return "a TLS server needs a certificate chain file and a private key file"
        }
        guard !reasons.isEmpty else { return summary + " (OpenSSL gave no reason)" }
        return summary + ": " + reasons.joined(separator: "; ")
    }
}
