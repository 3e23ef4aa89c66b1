/// What one `mailroute fetch` did.
public struct DownloadReport: Sendable, Hashable {
    /// Messages the server listed.
    public var listed = 0
    /// Messages written to the Maildir.
    public var written = 0
    /// Their bytes, as written.
    public var octets = 0
    /// Messages not written: larger than the limit, or refused by the server.
    public var skipped = 0

    /// An empty report.
    public init() {}
}
