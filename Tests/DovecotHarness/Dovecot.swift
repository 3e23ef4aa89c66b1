import Foundation
import Network
import Synchronization

/// A real, private Dovecot 2.3 serving POP3 and IMAP on loopback for one test.
///
/// Everything lives under ``rootDirectory`` (configuration, passwd-file with
/// `{PLAIN}` passwords, a generated CA and server certificate for
/// `localhost`, 127.0.0.1 and ::1, log, Maildirs), so any number can run at
/// once. Four free ports: POP3 and IMAP with STLS/STARTTLS offered, POP3S and
/// IMAPS with implicit TLS. USER/PASS, APOP, LOGIN, AUTHENTICATE PLAIN and
/// CRAM-MD5 all work; plaintext logins are allowed without TLS.
///
/// The server is stopped (SIGKILL, at once) and its directory removed on
/// deinit; set `MAILROUTE_KEEP_TEST_SERVERS=1` to keep the directory for a look at the log.
public final class Dovecot: Sendable {
    /// Always "127.0.0.1".
    public let host = "127.0.0.1"
    public let pop3Port: Int
    public let pop3sPort: Int
    public let imapPort: Int
    public let imapsPort: Int
    /// PEM of the CA that signed the server certificate: trust this one.
    public let caFile: String
    /// PEM of an unrelated CA: a client trusting only it must reject the server.
    public let untrustedCAFile: String
    /// The CA, server certificate and key, e.g. for a ``ScriptedServer`` that must look like this server.
    public let certificates: GeneratedCertificates
    /// The temporary directory holding everything of this server.
    public let rootDirectory: String
    /// Dovecot's log file, for a look when a test fails.
    public var logFile: String { layout.logFile }

    let layout: DovecotLayout
    let mailOwner: HarnessFiles.Owner
    private let executable: String
    private let ports: DovecotPorts
    private let running: Mutex<DovecotProcesses?>
    let deliveries = Mutex(0)

    /// Starts a private Dovecot and returns once every port answers.
    ///
    /// - Parameters:
    ///   - users: the mailboxes, each with an empty INBOX.
    ///   - extraConfig: Dovecot configuration appended last, for server quirks, e.g.
    ///     `protocol pop3 {\n ssl = no\n}` (POP3 without STLS) or `ssl = no` (no STARTTLS
    ///     anywhere; the TLS ports then refuse connections). The plain POP3 and IMAP
    ///     listeners must stay on.
    /// - Throws: ``HarnessError/programMissing(name:searched:)`` if Dovecot or openssl
    ///   is not installed (`bash .ci/install-deps` installs them);
    ///   ``HarnessError/serverFailed(reason:log:)`` with the log's tail if it does not come up
    ///   within 30 seconds; ``HarnessError/invalidUser(name:reason:)``.
    public static func start(
        users: [MailUser] = [MailUser(name: "alice", password: "wonderland")], extraConfig: String = ""
    ) throws(HarnessError) -> Dovecot {
        IgnoredBrokenPipe.ensure()
        let executable = try ChildProcess.find("dovecot", in: ["/usr/sbin", "/usr/local/sbin", "/usr/bin", "/sbin"])
        let layout = try DovecotLayout.create()
        do {
            let (mailOwner, serviceAccount) = try ProcessAccount.current()
            let certificates = try GeneratedCertificates.create(in: layout.certificateDirectory)
            try layout.addUsers(users, owner: mailOwner)
            var attempt = 1
            while true {
                let free = try LoopbackSocket.freePorts(4)
                let ports = DovecotPorts(pop3: free[0], pop3s: free[1], imap: free[2], imaps: free[3])
                let configuration = DovecotConfiguration(
                    layout: layout, ports: ports, mailOwner: mailOwner, serviceAccount: serviceAccount,
                    extraConfig: extraConfig)
                try HarnessFiles.write(configuration.text, to: layout.configFile)
                do {
                    let processes = try DovecotProcesses.launch(executable, layout: layout, ports: ports)
                    return Dovecot(
                        layout: layout, ports: ports, certificates: certificates, mailOwner: mailOwner,
                        executable: executable, processes: processes)
                } catch where attempt < 3 && "\(error)".contains("Address already in use") {
                    attempt += 1  // another process took a port between our probe and Dovecot's bind
                }
            }
        } catch {
            HarnessFiles.removeTree(layout.root)
            throw error
        }
    }

    private init(
        layout: DovecotLayout, ports: DovecotPorts, certificates: GeneratedCertificates, mailOwner: HarnessFiles.Owner,
        executable: String, processes: DovecotProcesses
    ) {
        self.layout = layout
        self.ports = ports
        self.certificates = certificates
        self.mailOwner = mailOwner
        self.executable = executable
        self.running = Mutex(processes)
        pop3Port = ports.pop3
        pop3sPort = ports.pop3s
        imapPort = ports.imap
        imapsPort = ports.imaps
        caFile = certificates.caFile
        untrustedCAFile = certificates.untrustedCAFile
        rootDirectory = layout.root
    }

    deinit {
        kill()
        if ProcessInfo.processInfo.environment["MAILROUTE_KEEP_TEST_SERVERS"] == nil {
            HarnessFiles.removeTree(layout.root)
        }
    }

    /// Whether the server is running (started, and not stopped or killed since).
    public var isRunning: Bool { running.withLock { $0 != nil } }

    /// Shuts the server down as an administrator would (SIGTERM: clients get
    /// `* BYE` or a closed connection) and waits for every process to exit
    /// (SIGKILL after 10 seconds). Mail stays; ``restart()`` serves it again.
    public func stop() {
        running.withLock { $0.take() }?.end(gracefully: true)
    }

    /// Kills every process of the server at once (SIGKILL), as a crash would:
    /// transfers in progress break off. Mail stays; ``restart()`` serves it again.
    public func kill() {
        running.withLock { $0.take() }?.end(gracefully: false)
    }

    /// Starts the server again on the same ports, with the same users,
    /// certificates and mail (stopping it first if it runs).
    ///
    /// - Throws: ``HarnessError/serverFailed(reason:log:)``, e.g. if another
    ///   program took one of the ports meanwhile.
    public func restart() throws(HarnessError) {
        stop()
        let processes = try DovecotProcesses.launch(executable, layout: layout, ports: ports)
        running.withLock { $0 = processes }
    }
}
