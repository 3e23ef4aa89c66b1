import TLS

/// A fresh test PKI made with the `openssl` command: a CA, a server
/// certificate it signed for `localhost`, 127.0.0.1 and ::1, and a second,
/// unrelated CA for "untrusted certificate" tests. EC P-256 keys, valid ten years.
public struct GeneratedCertificates: Sendable {
    /// PEM of the CA that signed the server certificate: trust this one.
    public let caFile: String
    /// PEM of a CA that signed nothing here: trusting only it must fail.
    public let untrustedCAFile: String
    /// PEM of the server certificate.
    public let certificateFile: String
    /// PEM of the server's private key (unencrypted).
    public let privateKeyFile: String

    /// Writes the files into `directory`, which must exist.
    ///
    /// - Throws: ``HarnessError/programMissing(name:searched:)`` without
    ///   openssl; ``HarnessError/commandFailed(command:status:output:)`` with its output.
    public static func create(in directory: String) throws(HarnessError) -> GeneratedCertificates {
        let openssl = try ChildProcess.find("openssl", in: ["/usr/bin", "/usr/local/bin", "/bin"])
        let files = GeneratedCertificates(
            caFile: directory + "/ca.pem", untrustedCAFile: directory + "/untrusted-ca.pem",
            certificateFile: directory + "/server.pem", privateKeyFile: directory + "/server-key.pem")
        let log = directory + "/openssl.out"
        let key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "3650"]
        let ca = ["-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"]
        try ChildProcess.run(openssl, ["req", "-x509"] + key + ca + [
            "-subj", "/CN=mailroute test CA", "-keyout", directory + "/ca-key.pem", "-out", files.caFile,
        ], outputFile: log)
        try ChildProcess.run(openssl, ["req", "-x509"] + key + ca + [
            "-subj", "/CN=mailroute untrusted test CA", "-keyout", directory + "/untrusted-ca-key.pem",
            "-out", files.untrustedCAFile,
        ], outputFile: log)
        try ChildProcess.run(openssl, ["req", "-new"] + key + [
            "-subj", "/CN=localhost", "-keyout", files.privateKeyFile, "-out", directory + "/server.csr",
        ], outputFile: log)
        try HarnessFiles.write("""
            subjectAltName = DNS:localhost, IP:127.0.0.1, IP:::1
            basicConstraints = critical, CA:FALSE
            keyUsage = critical, digitalSignature
            extendedKeyUsage = serverAuth
            """, to: directory + "/server.ext")
        try ChildProcess.run(openssl, [
            "x509", "-req", "-in", directory + "/server.csr", "-CA", files.caFile, "-CAkey", directory + "/ca-key.pem",
            "-set_serial", "0x" + String(UInt64.random(in: 1...UInt64.max), radix: 16), "-days", "3650",
            "-extfile", directory + "/server.ext", "-out", files.certificateFile,
        ], outputFile: log)
        return files
    }

    /// A server context presenting the certificate, for a ``ScriptedServer``.
    public func serverContext() throws(TLSError) -> TLSContext {
        try TLSContext(configuration: .server(identity: TLSIdentity(
            certificateChainFile: certificateFile, privateKeyFile: privateKeyFile)))
    }

    /// A client context that trusts the CA (or, with `trusted` false, only the unrelated one).
    public func clientContext(trusted: Bool = true) throws(TLSError) -> TLSContext {
        try TLSContext(configuration: .client(trustRoots: .caFile(trusted ? caFile : untrustedCAFile)))
    }
}
