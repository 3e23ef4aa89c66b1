import Foundation

/// Where one private Dovecot keeps everything, all under one temporary
/// directory: its configuration, passwd-file, certificates, log, runtime and
/// state directories, and each user's Maildir at `home/USER/Maildir`.
struct DovecotLayout: Sendable {
    let root: String
    var configFile: String { root + "/dovecot.conf" }
    var passwdFile: String { root + "/passwd" }
    var logFile: String { root + "/dovecot.log" }
    /// Standard output and error of the processes: where errors before logging starts go.
    var outputFile: String { root + "/dovecot.out" }
    var runDirectory: String { root + "/run" }
    var stateDirectory: String { root + "/state" }
    var certificateDirectory: String { root + "/certificates" }

    func home(of user: String) -> String { root + "/home/" + user }

    /// Folders use Dovecot's default Maildir++ layout: INBOX is the Maildir
    /// itself, `A/B` (the namespace separator is `/`) is the directory `.A.B`.
    func maildir(of user: String, folder: String) -> String {
        let base = home(of: user) + "/Maildir"
        if folder.uppercased() == "INBOX" { return base }
        return base + "/." + folder.replacingOccurrences(of: "/", with: ".")
    }

    /// Makes a fresh directory under /tmp (short, because Dovecot's socket
    /// paths live under it and are limited to 108 bytes), readable by the
    /// unprivileged Dovecot processes.
    static func create() throws(HarnessError) -> DovecotLayout {
        removeAbandoned()
        var template = Array((prefix + "XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw .fileFailed(path: prefix + "XXXXXX", operation: "create", reason: String(cString: strerror(errno)))
        }
        let layout = DovecotLayout(root: String(cString: made))
        chmod(layout.root, 0o755)
        try HarnessFiles.write("\(getpid())\n", to: layout.root + "/owner.pid")
        try HarnessFiles.makeDirectory(layout.stateDirectory)
        try HarnessFiles.makeDirectory(layout.certificateDirectory)
        return layout
    }

    private static let prefix = "/tmp/mailroute-dovecot-"

    /// Removes the directories of test processes that died without cleaning
    /// up (their Dovecots were already killed by the watchdog).
    private static func removeAbandoned() {
        for name in HarnessFiles.entries(of: "/tmp") ?? [] where ("/tmp/" + name).hasPrefix(prefix) {
            guard let owner = FileManager.default.contents(atPath: "/tmp/\(name)/owner.pid"),
                let pid = pid_t(String(decoding: owner, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)),
                kill(pid, 0) == -1 && errno == ESRCH
            else { continue }
            HarnessFiles.removeTree("/tmp/" + name)
        }
    }

    /// Writes the passwd-file (`{PLAIN}` passwords) and an empty INBOX for each user.
    func addUsers(_ users: [MailUser], owner: HarnessFiles.Owner) throws(HarnessError) {
        var lines = ""
        for user in users {
            if let problem = user.problem { throw .invalidUser(name: user.name, reason: problem) }
            lines += "\(user.name):{PLAIN}\(user.password)::::::\n"
            try makeMaildir(of: user.name, folder: "INBOX", owner: owner)
        }
        // Readable by Dovecot's auth process, which runs unprivileged; these are test passwords.
        try HarnessFiles.write(lines, to: passwdFile, mode: 0o644)
    }

    /// Creates the folder's `cur`, `new` and `tmp` (and, for a folder other
    /// than INBOX, the `maildirfolder` marker) if missing.
    func makeMaildir(of user: String, folder: String, owner: HarnessFiles.Owner) throws(HarnessError) {
        let directory = maildir(of: user, folder: folder)
        if HarnessFiles.isDirectory(directory + "/tmp") { return }
        try HarnessFiles.makeDirectory(home(of: user), owner: owner)
        try HarnessFiles.makeDirectory(home(of: user) + "/Maildir", owner: owner)
        try HarnessFiles.makeDirectory(directory, owner: owner)
        for part in ["cur", "new", "tmp"] {
            try HarnessFiles.makeDirectory(directory + "/" + part, owner: owner)
        }
        if directory != maildir(of: user, folder: "INBOX") {
            try HarnessFiles.write([], to: directory + "/maildirfolder", owner: owner)
        }
    }
}
