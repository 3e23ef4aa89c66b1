import Foundation
import Network
import TLS

/// A tiny TCP server on 127.0.0.1 for the behaviours a real Dovecot cannot be
/// made to show: a server that drops STARTTLS from its capabilities, lies
/// about sizes, or stops answering. Each accepted connection runs `script`
/// on its own thread with a ``Peer``; what the script throws is kept in
/// ``errors`` and the connection is closed when it returns.
///
/// Every wait has a timeout, so neither a script nor ``stop()`` can hang a
/// test. Stopping (also on deinit) closes every connection still open.
public final class ScriptedServer: Sendable {
    /// Always "127.0.0.1".
    public let host = "127.0.0.1"
    /// The port the server listens on, chosen by the kernel.
    public let port: Int
    private let registry = ConnectionRegistry()

    /// Starts listening. With `tls`, a server context, every connection
    /// handshakes first (implicit TLS, as on ports 993 and 995); a failed
    /// handshake is recorded in ``errors`` and the script does not run.
    ///
    /// - Throws: ``HarnessError/socketFailed(operation:port:reason:)`` if no port can be bound.
    public init(tls: TLSContext? = nil, script: @escaping @Sendable (ScriptedServer.Peer) throws -> Void) throws(HarnessError) {
        IgnoredBrokenPipe.ensure()
        let (listener, port) = try LoopbackSocket.listen()
        self.port = port
        let registry = self.registry
        Thread.detachNewThread {
            Self.accept(on: listener, port: port, tls: tls, registry: registry, script: script)
        }
    }

    deinit { stop() }

    /// How many connections were accepted so far.
    public var connectionCount: Int { registry.accepted }

    /// What the scripts threw so far (descriptions), in the order they threw.
    public var errors: [String] { registry.errors }

    /// Whether every accepted connection's script has ended within `timeout`.
    public func waitUntilIdle(timeout: Duration = .seconds(10)) -> Bool {
        registry.waitUntilIdle(timeout: timeout)
    }

    /// Stops listening and closes every open connection (their blocked reads
    /// see end-of-file), waiting up to 5 seconds for the scripts to end. Safe to call twice.
    public func stop() {
        registry.stop(timeout: .seconds(5))
    }

    private static func accept(
        on listener: Int32, port: Int, tls: TLSContext?, registry: ConnectionRegistry,
        script: @escaping @Sendable (Peer) throws -> Void
    ) {
        while !registry.isStopping {
            guard let client = LoopbackSocket.accept(listener, timeout: .milliseconds(50)) else { continue }
            guard registry.register(client) else {
                close(client)
                break
            }
            Thread.detachNewThread {
                let peer = Peer(socket: client, port: port, registry: registry)
                var failure: (any Error)?
                do {
                    if let tls { try peer.startTLS(tls) }
                    try script(peer)
                } catch {
                    failure = error
                }
                peer.close()
                registry.finished(throwing: failure)
            }
        }
        close(listener)
        registry.listenerClosed()
    }
}
