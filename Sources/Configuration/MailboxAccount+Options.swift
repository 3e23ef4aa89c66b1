extension MailboxAccount {
    /// Every option `<mailbox>` knows, as attribute names; any other attribute
    /// is a warning that names the nearest of these.
    public static let optionNames: [String] = [
        "name", "enable-client", "type", "server", "port", "mailbox", "password", "address",
        "pop-connection-security", "authentication", "ca-file", "connect-timeout", "protocol-timeout",
        "cycle-time", "maximum-msg-number", "leave-msg-on-server", "delete-bad-formatted-msg", "folder-path",
        "folder-separator", "processed-items-folder-name", "failed-items-folder-name", "move-failed-ews-item",
        "enable-debug", "enable-message-id-check",
    ] + ProcessingOverrides.optionNames

    /// The options that apply to IMAP mailboxes only.
    public static let imapOnlyOptionNames: [String] = [
        "folder-path", "folder-separator", "processed-items-folder-name", "failed-items-folder-name",
        "move-failed-ews-item",
    ]

    /// Valid values of `port`.
    public static let portRange = 1...65535
    /// Valid values of `connect-timeout` and `protocol-timeout`: a wait of
    /// zero would fail every connection, and one beyond an hour is a hang.
    public static let timeoutRange = Duration.seconds(1)...Duration.seconds(3600)
    /// Valid values of `cycle-time`: at least a second, at most a day.
    public static let cycleTimeRange = Duration.seconds(1)...Duration.seconds(24 * 3600)
    /// Valid values of `maximum-msg-number`.
    public static let maximumMessageNumberRange = 1...100_000
}
