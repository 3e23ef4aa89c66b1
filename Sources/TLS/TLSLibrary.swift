import COpenSSL

/// Facts about the TLS library mailroute is linked against, and its one-time setup.
public enum TLSLibrary {
    /// OpenSSL's own description of its version, such as
    /// `OpenSSL 3.0.19 27 Jan 2026`, for `mailroute --version` and bug reports.
    public static var version: String {
        prepare()
        guard let text = OpenSSL_version(Int32(OPENSSL_VERSION)) else { return "OpenSSL (unknown version)" }
        return String(cString: text)
    }

    /// Initialises OpenSSL once per process; cheap after the first call and
    /// safe from any thread (a `static let` runs exactly once).
    static func prepare() {
        _ = isInitialised
    }

    private static let isInitialised: Bool = {
        OPENSSL_init_ssl(UInt64(OPENSSL_INIT_LOAD_SSL_STRINGS | OPENSSL_INIT_LOAD_CRYPTO_STRINGS), nil) == 1
    }()
}
