import Foundation

/// A pipe written by a thread of its own, the way another process would feed
/// standard input, so that reads return partial chunks and can block.
final class FedPipe {
    /// The end to read; closed when the pipe is released.
    let readEnd: Int32
    private let gate = DispatchSemaphore(value: 0)
    private let gateLog = GateLog()

    /// Starts writing `parts` in order, then closes the write end. Between two
    /// parts the writer waits for `openGate()` (giving up after a minute, so a
    /// reader that waits for the end of the input cannot hang the test).
    init(_ parts: [[UInt8]]) throws {
        // A reader may stop before the end (a message over the limit): the
        // writer must then get EPIPE, not a signal that ends the test process.
        signal(SIGPIPE, SIG_IGN)
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw POSIXError(.EMFILE) }
        readEnd = ends[0]
        let writeEnd = ends[1]
        let gate = gate, gateLog = gateLog
        Thread.detachNewThread {
            for (number, part) in parts.enumerated() {
                if number > 0 {
                    gateLog.record(gate.wait(timeout: .now() + 60) == .success ? "opened" : "gave up waiting")
                }
                Self.write(part, to: writeEnd)
            }
            close(writeEnd)
        }
    }

    deinit {
        close(readEnd)
    }

    /// Lets the writer go on to the next part.
    func openGate() {
        gate.signal()
    }

    /// What happened at each gate, once the writer is done.
    var gateEvents: [String] { gateLog.events }

    private static func write(_ bytes: [UInt8], to descriptor: Int32) {
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            written += count
        }
    }
}

/// The writer's notes about its gates, shared with the test thread.
/// An NSLock guards `events`, which is what makes the class Sendable.
private final class GateLog: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [String] = []

    func record(_ event: String) {
        lock.withLock { recorded.append(event) }
    }

    var events: [String] { lock.withLock { recorded } }
}
