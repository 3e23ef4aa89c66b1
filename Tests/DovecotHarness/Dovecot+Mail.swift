import Foundation

extension Dovecot {
    /// The Maildir directory of `user`'s `folder` (`INBOX`, or a `/`-separated
    /// path of ASCII names without dots, such as `Archive/2024`), whether or not it exists yet.
    public func maildir(of user: String, folder: String = "INBOX") -> String {
        layout.maildir(of: user, folder: folder)
    }

    /// Puts `message` into the user's folder as a Maildir delivery agent
    /// would (written in `tmp/`, renamed into `new/` under a unique name),
    /// creating the folder if needed. Dovecot sees it at the next login,
    /// SELECT or NOOP. The bytes are stored as given (LF or CRLF line ends).
    ///
    /// - Throws: ``HarnessError/invalidFolder(name:reason:)`` for a folder name
    ///   with dots, empty parts or non-ASCII characters (Maildir++ would store
    ///   it under another name); ``HarnessError/fileFailed(path:operation:reason:)``.
    public func deliver(_ message: [UInt8], to user: String, folder: String = "INBOX") throws(HarnessError) {
        let parts = folder.split(separator: "/", omittingEmptySubsequences: false)
        guard !parts.contains(where: \.isEmpty), !folder.contains("."), folder.allSatisfy({ $0.isASCII && !$0.isNewline }) else {
            throw .invalidFolder(name: folder, reason: "use '/'-separated ASCII names without dots or empty parts")
        }
        try layout.makeMaildir(of: user, folder: folder, owner: mailOwner)
        let sequence = deliveries.withLock {
            $0 += 1
            return $0
        }
        let now = Date().timeIntervalSince1970
        let seconds = Int(now)
        let microseconds = Int((now - Double(seconds)) * 1_000_000)
        let name = "\(seconds).M\(microseconds)P\(getpid())Q\(sequence).mailroute-test"
        let directory = maildir(of: user, folder: folder)
        try HarnessFiles.write(message, to: directory + "/tmp/" + name, owner: mailOwner)
        try HarnessFiles.rename(directory + "/tmp/" + name, to: directory + "/new/" + name)
    }

    /// How many messages the folder holds on disk now (in `new/` and `cur/`),
    /// counting those flagged \Deleted but not yet expunged. POP3 deletions
    /// count as gone once the server answered QUIT.
    ///
    /// - Throws: ``HarnessError/fileFailed(path:operation:reason:)`` if the folder does not exist.
    public func messageCount(of user: String, folder: String = "INBOX") throws(HarnessError) -> Int {
        let directory = maildir(of: user, folder: folder)
        guard let new = HarnessFiles.entries(of: directory + "/new"), let cur = HarnessFiles.entries(of: directory + "/cur") else {
            throw .fileFailed(path: directory, operation: "count the messages of", reason: "no such Maildir folder")
        }
        return new.count + cur.count
    }

    /// Whether the user's folder exists (as Dovecot would list it).
    public func folderExists(_ folder: String, of user: String) -> Bool {
        HarnessFiles.isDirectory(maildir(of: user, folder: folder) + "/cur")
    }
}
