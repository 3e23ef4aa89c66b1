import Foundation

/// Where the test inputs are, and small process helpers.
enum Paths {
    /// The package root: the folder that holds Package.swift.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// `shared/`, beside the package root.
    static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")
    static let differentialFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Differential")

    /// Every regular file below `folder` whose name ends in `.eml`, sorted by relative path.
    static func messageFiles(under folder: URL) throws -> [(relative: String, url: URL)] {
        let base = folder.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [] }
        var result: [(String, URL)] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasSuffix(".eml") {
                result.append((relative, URL(fileURLWithPath: base + "/" + relative)))
            }
        }
        return result.sorted { $0.0 < $1.0 }
    }

    /// A fresh, empty directory for this test run.
    static func temporaryDirectory(named name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mailroute-tests-\(getpid())-\(name)")
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    struct CommandFailed: Error, CustomStringConvertible {
        var command: [String]
        var status: Int32
        var standardError: String
        var description: String { "\(command.joined(separator: " ")) exited with \(status): \(standardError)" }
    }

    /// Runs a command found on PATH and returns its standard output; throws when it fails.
    @discardableResult
    static func run(_ command: [String]) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONIOENCODING"] = "utf-8"
        process.environment = environment
        let output = Pipe()
        // Standard error goes to a file, so that neither pipe can fill up and block the child.
        let errorFolder = try temporaryDirectory(named: "stderr-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: errorFolder) }
        let errorFile = errorFolder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        let errors = try FileHandle(forWritingTo: errorFile)
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try? errors.close()
        guard process.terminationStatus == 0 else {
            throw CommandFailed(command: command, status: process.terminationStatus,
                                standardError: (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "")
        }
        return Array(data)
    }
}
