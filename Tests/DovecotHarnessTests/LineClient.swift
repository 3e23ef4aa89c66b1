import Foundation
import TLS
@testable import DovecotHarness

/// A raw line-based client for the tests, built on the harness's own peer
/// type (the same code reads lines on either side of a loopback connection).
struct LineClient {
    let peer: ScriptedServer.Peer

    /// Connects to 127.0.0.1:`port`.
    init(port: Int) throws {
        peer = ScriptedServer.Peer(socket: try LoopbackSocket.connect(port: port, timeout: .seconds(10)), port: port, registry: nil)
    }

    /// The next line, or "(closed)" once the server has closed the connection.
    func line() throws -> String {
        try peer.readLine() ?? "(closed)"
    }

    /// Sends `command` with CRLF and returns the first line of the reply.
    func ask(_ command: String) throws -> String {
        try peer.send(command + "\r\n")
        return try line()
    }

    /// Sends an IMAP command tagged `tag` and returns every line up to and including the tagged one.
    func imap(_ tag: String, _ command: String) throws -> [String] {
        try peer.send("\(tag) \(command)\r\n")
        var lines: [String] = []
        while lines.count < 1000 {
            let line = try line()
            lines.append(line)
            if line.hasPrefix(tag + " ") || line == "(closed)" { break }
        }
        return lines
    }

    /// Reads a POP3 multi-line answer's body, up to the lone ".".
    func multiline() throws -> [String] {
        var lines: [String] = []
        while lines.count < 10_000 {
            let line = try line()
            if line == "." || line == "(closed)" { break }
            lines.append(line)
        }
        return lines
    }
}

/// Runs a command-line program (openssl) with `input` on its standard input;
/// its exit status and what it printed.
func runProgram(_ path: String, _ arguments: [String], input: String = "") throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let stdin = Pipe()
    let output = Pipe()
    process.standardInput = stdin
    process.standardOutput = output
    process.standardError = output
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    let printed = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: printed, as: UTF8.self))
}

/// Two messages of the shared corpus.
let twoMessages = [
    "plain_emails/basic_email.eml", "rfc2822/example01.eml",
]
