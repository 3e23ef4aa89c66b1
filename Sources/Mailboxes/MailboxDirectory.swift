/// Checks on the directory given as a mailbox, shared by the directory readers.
enum MailboxDirectory {
    /// Makes sure `path` leads (through a link, if any) to a directory.
    ///
    /// - Throws: ``MailboxError`` if it does not exist, cannot be examined,
    ///   or is a file or something else, naming `format` as what was wanted.
    static func check(_ path: String, as format: MailboxFormat) throws(MailboxError) {
        switch FileStatus.of(RawPath(path)) {
        case .success(let status) where status.kind == .directory: return
        case .success(let status):
            throw .formatMismatch(path: path, format: format, kind: status.kind.description)
        case .failure(let error): throw MailboxError(path: path, error)
        }
    }

    /// Whether the directory `path` has a `cur/` or `new/` subdirectory, which
    /// is what makes it a Maildir.
    static func hasMaildirSubdirectories(_ path: String) -> Bool {
        let root = RawPath(path)
        return MaildirReader.subdirectories.contains { name in
            (try? FileStatus.of(root.appending(name)).get().kind) == .directory
        }
    }
}
