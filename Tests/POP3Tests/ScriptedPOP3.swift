import DovecotHarness

/// A fake POP3 server for behaviours Dovecot will not show: it greets, then
/// answers each command line with what `answer` returns (sent as is), and
/// records every line it received. `answer` returning `nil` makes the server
/// stop answering until the client closes, as a hung server does.
final class ScriptedPOP3: Sendable {
    let server: ScriptedServer
    private let received = Recorder<String>()

    init(greeting: String = "+OK fake POP3 ready\r\n", answer: @escaping @Sendable (String, ScriptedServer.Peer) throws -> String?) throws {
        let received = self.received
        server = try ScriptedServer { peer in
            try peer.send(greeting)
            var commands = 0
            while commands < 10_000, let line = try peer.readLine() {
                commands += 1
                received.append(line)
                guard let reply = try answer(line, peer) else {
                    peer.ignoreUntilClosed(limit: .seconds(30))
                    return
                }
                try peer.send(reply)
                if line.uppercased() == "QUIT" { return }
            }
        }
    }

    /// The command lines received so far, in order, from every connection.
    var commands: [String] { received.all }

    var port: Int { server.port }

    /// A CAPA reply listing `capabilities`.
    static func capa(_ capabilities: [String]) -> String {
        "+OK\r\n" + capabilities.map { $0 + "\r\n" }.joined() + ".\r\n"
    }

    /// The usual answers to CAPA (with `capabilities`), USER, PASS, NOOP and QUIT; `nil` for anything else.
    static func basics(_ line: String, capabilities: [String]) -> String? {
        switch line.split(separator: " ").first?.uppercased() {
        case "CAPA": return capa(capabilities)
        case "USER", "PASS", "NOOP": return "+OK\r\n"
        case "QUIT": return "+OK bye\r\n"
        default: return nil
        }
    }
}
