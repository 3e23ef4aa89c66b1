import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Decides when a freshly started Dovecot is ready: its POP3 port greets with
/// `+OK` and its IMAP port with `* OK [CAPABILITY` (both need the login and
/// authentication processes up), and its TLS ports accept connections.
/// The master binds every listener before it starts any other process, so
/// once the greetings came, a TLS port that refuses was turned off by the
/// configuration (`ssl = no`), which is checked with `doveconf`.
struct DovecotReadiness {
    let layout: DovecotLayout
    let ports: DovecotPorts
    let master: pid_t

    /// Returns once ready; throws ``HarnessError/serverFailed(reason:log:)``
    /// with the log's tail if the master exits or `timeout` passes first.
    func wait(timeout: Duration) throws(HarnessError) {
        let deadline = ContinuousClock.now + timeout
        try waitForGreeting(port: ports.pop3, name: "POP3", prefix: "+OK", deadline: deadline)
        try waitForGreeting(port: ports.imap, name: "IMAP", prefix: "* OK [CAPABILITY", deadline: deadline)
        for (name, port) in [("POP3S", ports.pop3s), ("IMAPS", ports.imaps)] {
            do {
                close(try LoopbackSocket.connect(port: port, timeout: .seconds(5)))
            } catch {
                guard try sslSetting() == "no" else { throw failure("\(name) port \(port): \(error)") }
            }
        }
    }

    /// The last lines of the processes' output and of the log file.
    static func logTail(_ layout: DovecotLayout) -> String {
        FileTail.read(layout.outputFile, lines: 10) + "\n" + FileTail.read(layout.logFile, lines: 30)
    }

    private func waitForGreeting(port: Int, name: String, prefix: String, deadline: ContinuousClock.Instant) throws(HarnessError) {
        var lastProblem = "no attempt"
        while ContinuousClock.now < deadline {
            var status: Int32 = 0
            if waitpid(master, &status, WNOHANG) == master {
                throw failure("the master \(ChildProcess.describe(status)) during startup")
            }
            do {
                if try greets(port: port, prefix: prefix) { return }
                lastProblem = "it did not greet with \(prefix)"
            } catch {
                lastProblem = "\(error)"
            }
            usleep(20_000)
        }
        throw failure("the \(name) port \(port) was not ready in time: \(lastProblem)")
    }

    /// Whether a line starting with `prefix` comes among the first five
    /// (IMAP may first say it is waiting for the authentication process).
    private func greets(port: Int, prefix: String) throws(HarnessError) -> Bool {
        let peer = ScriptedServer.Peer(socket: try LoopbackSocket.connect(port: port, timeout: .seconds(2)), port: port, registry: nil)
        peer.timeout = .seconds(5)
        for _ in 0..<5 {
            guard let line = try peer.readLine() else { return false }
            if line.hasPrefix(prefix) { return true }
        }
        return false
    }

    private func sslSetting() throws(HarnessError) -> String {
        let doveconf = try ChildProcess.find("doveconf", in: ["/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin"])
        let output = try ChildProcess.run(doveconf, ["-c", layout.configFile, "-h", "ssl"], outputFile: layout.root + "/doveconf.out")
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func failure(_ reason: String) -> HarnessError {
        .serverFailed(reason: reason, log: Self.logTail(layout))
    }
}
