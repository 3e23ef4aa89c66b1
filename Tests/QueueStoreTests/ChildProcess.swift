import Foundation
import Glibc

/// This test binary started again as a child process running one test, with
/// its output in a log file, waited for with a deadline.
final class ChildProcess {
    enum Status: Equatable {
        case exited(Int32)
        case killed
        case otherSignal(Int32)
    }

    struct Timeout: Error, CustomStringConvertible {
        let what: String
        var description: String { "the crash child did not \(what) within 120 seconds" }
    }

    private let process = Process()
    private let logPath: String
    private static let deadline: TimeInterval = 120

    /// Starts `/proc/self/exe` running only `CrashTests/childWriter`, with `environment` added.
    init(environment: [String: String], log: String) throws {
        logPath = log
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.executableURL = URL(fileURLWithPath: try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        process.arguments = ["--testing-library", "swift-testing", "--filter", "CrashTests/childWriter"]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try output.close()
    }

    /// Waits until `path` exists (the child got going), or the child ended.
    func waitFor(file path: String) throws {
        let end = Date().addingTimeInterval(Self.deadline)
        while !FileManager.default.fileExists(atPath: path) && process.isRunning {
            guard Date() < end else { throw Timeout(what: "start") }
            usleep(2_000)
        }
    }

    /// Sends SIGKILL.
    func kill() {
        _ = Glibc.kill(process.processIdentifier, SIGKILL)
    }

    /// Waits for the child to end; kills it and throws after the deadline.
    func wait() throws -> Status {
        let end = Date().addingTimeInterval(Self.deadline)
        while process.isRunning {
            guard Date() < end else {
                kill()
                process.waitUntilExit()
                throw Timeout(what: "finish")
            }
            usleep(5_000)
        }
        if process.terminationReason == .exit { return .exited(process.terminationStatus) }
        return process.terminationStatus == SIGKILL ? .killed : .otherSignal(process.terminationStatus)
    }

    /// The end of the child's output, for failure messages.
    func logTail() -> String {
        let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        return String(text.suffix(2000))
    }
}
