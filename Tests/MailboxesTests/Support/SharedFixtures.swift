import Foundation

/// The shared read-only fixtures beside the worktree: `../shared` from the package root.
enum SharedFixtures {
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        // Drop the file name, then Support/, MailboxesTests/ and Tests/.
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let shared = packageRoot + "/../shared"
    static let mailGemCorpus = shared + "/corpus/mail-gem"
    static let generator = shared + "/bench/gen-corpus"

    /// Runs the corpus generator: `gen-corpus --count --seed --format --out [--big-every]`.
    static func generate(count: Int, seed: Int, format: String, bigEvery: Int, to output: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: generator)
        process.arguments = [
            "--count", String(count), "--seed", String(seed), "--format", format,
            "--big-every", String(bigEvery), "--out", output,
        ]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw GeneratorFailed(status: process.terminationStatus)
        }
    }

    struct GeneratorFailed: Error {
        let status: Int32
    }
}
