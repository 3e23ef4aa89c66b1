import COpenSSL

extension TLSContext {
    /// Whether OpenSSL will require and verify the peer's certificate, read
    /// back from the context itself (for diagnostics such as `--version`).
    public var verifiesPeer: Bool {
        SSL_CTX_get_verify_mode(context) & SSL_VERIFY_PEER != 0
    }

    /// The oldest protocol version OpenSSL will negotiate, read back from the
    /// context; `nil` if it is one mailroute has no name for.
    public var minimumVersion: TLSConfiguration.ProtocolVersion? {
        switch mailroute_ssl_ctx_get_min_proto_version(context) {
        case TLS1_2_VERSION: return .tls12
        case TLS1_3_VERSION: return .tls13
        default: return nil
        }
    }
}
