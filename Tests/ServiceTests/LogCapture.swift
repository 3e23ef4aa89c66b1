import Foundation
import Logging

/// A log handler that keeps every line, so tests can read what the service logged.
final class LogCapture: @unchecked Sendable {
    // @unchecked: `lines` is only touched with `lock` held.
    private let lock = NSLock()
    private var lines: [String] = []

    /// A logger at `level` that writes here.
    func logger(level: Logger.Level = .debug) -> Logger {
        var logger = Logger(label: "test") { _ in Handler(capture: self) }
        logger.logLevel = level
        return logger
    }

    /// Everything logged so far, one line per message with its metadata.
    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return lines.joined(separator: "\n")
    }

    fileprivate func append(_ line: String) {
        lock.lock()
        lines.append(line)
        lock.unlock()
    }

    private struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .debug

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { $1 }
            let fields = all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            capture.append("\(event.level) \(fields) \(event.message)")
        }
    }
}
