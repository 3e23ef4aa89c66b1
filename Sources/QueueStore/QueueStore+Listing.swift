extension QueueStore {
    /// The names of the queues that have a Maildir in the store, sorted.
    public func queueNames() throws(StoreError) -> [String] {
        try FileSystem.names(in: layout.queues).compactMap(DirectoryName.unescape).sorted()
    }

    /// The interactions of `queue`, with their sidecars; empty for a queue
    /// nothing was ever stored in.
    public func interactions(inQueue queue: String) throws(StoreError) -> StoredMessages<InteractionRecord> {
        let escaped = try DirectoryName.escape(queue, kind: "queue")
        let directory = layout.path(StoreLayout.queue(escaped))
        return StoredMessages(
            files: MaildirFiles(FileSystem.exists(.path(directory)) ? directory : nil),
            sidecars: layout.path(StoreLayout.queueSidecars(escaped)),
            read: { path throws(StoreError) in try InteractionRecord(path: path) })
    }

    /// The spool: every stored message as fetched, with its source and where
    /// its interactions went, read from the spool indexes.
    public func spoolEntries() -> SpoolEntries {
        SpoolEntries(layout: layout)
    }

    /// The path of `queue`'s Maildir, for mail tools and readers of Maildirs.
    public func maildirPath(ofQueue queue: String) throws(StoreError) -> String {
        layout.path(StoreLayout.queue(try DirectoryName.escape(queue, kind: "queue")))
    }

    /// The path of the spool Maildir.
    public var spoolPath: String { layout.spool }
}
