import COpenSSL

/// An OpenSSL `SSL_CTX`: the shared, configured starting point of every TLS
/// connection of one kind (POP3 and IMAP clients, or a test server).
///
/// It is fully configured in its initialiser and never changed afterwards;
/// OpenSSL allows a context in that state to be used from many threads at
/// once, so it is safe to share. The `SSL_CTX` is freed when the last
/// reference goes away.
public final class TLSContext: @unchecked Sendable {
    // @unchecked: the only stored state is the SSL_CTX pointer, which never
    // changes, and the SSL_CTX is not modified after `init`; OpenSSL makes
    // concurrent use of such a context thread-safe.

    /// The configuration the context was built from.
    public let configuration: TLSConfiguration
    /// The OpenSSL context, owned by this object.
    let context: OpaquePointer

    /// Builds a context: protocol floor, peer verification, trust roots and,
    /// if given, the identity (certificate chain, then its key, then a check
    /// that they belong together).
    ///
    /// - Throws: a ``TLSError`` naming the file that could not be used,
    ///   with OpenSSL's reasons.
    public init(configuration: TLSConfiguration = .client()) throws(TLSError) {
        TLSLibrary.prepare()
        OpenSSLErrorQueue.clear()
        let method = configuration.role == .client ? TLS_client_method() : TLS_server_method()
        guard let context = SSL_CTX_new(method) else {
            throw .contextUnavailable(reasons: OpenSSLErrorQueue.drain().messages)
        }
        self.context = context
        self.configuration = configuration
        try setMinimumVersion(configuration.minimumVersion)
        try loadTrustRoots(configuration.trustRoots)
        SSL_CTX_set_verify(context, configuration.verifiesPeer ? SSL_VERIFY_PEER : SSL_VERIFY_NONE, nil)
        if let identity = configuration.identity {
            try load(identity)
        } else if configuration.role == .server {
            throw .serverIdentityMissing
        }
    }

    deinit {
        SSL_CTX_free(context)
    }

    private func setMinimumVersion(_ version: TLSConfiguration.ProtocolVersion) throws(TLSError) {
        let number = version == .tls12 ? TLS1_2_VERSION : TLS1_3_VERSION
        guard mailroute_ssl_ctx_set_min_proto_version(context, Int32(number)) == 1 else {
            throw .protocolVersionRefused(version, reasons: OpenSSLErrorQueue.drain().messages)
        }
    }

    private func loadTrustRoots(_ roots: TLSConfiguration.TrustRoots) throws(TLSError) {
        switch roots {
        case .systemDefault:
            guard SSL_CTX_set_default_verify_paths(context) == 1 else {
                throw .trustRootsUnusable(file: nil, reasons: OpenSSLErrorQueue.drain().messages)
            }
        case .caFile(let file):
            guard SSL_CTX_load_verify_locations(context, file, nil) == 1 else {
                throw .trustRootsUnusable(file: file, reasons: OpenSSLErrorQueue.drain().messages)
            }
        }
    }
}
