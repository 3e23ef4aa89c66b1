import Rules

/// The processing options a mailbox's rule-file profile also has, as the
/// configuration sets them: nil means not set here, so the profile's value
/// (or its default) applies. ``applied(to:)`` does the merge.
///
/// Values are checked as the rule file checks them (the same reader does it):
/// `maximum-msg-size` in bytes, `inbound-msg-copy-limit` 1...50.
public struct ProcessingOverrides: Sendable, Hashable {
    /// `maximum-msg-size`, in bytes.
    public var maximumMessageSize: Int?
    /// `enable-big-msg-stripping`.
    public var enableBigMessageStripping: Bool?
    /// `delete-big-msg`.
    public var deleteBigMessage: Bool?
    /// `allow-bad-msg-size`.
    public var allowBadMessageSize: Bool?
    /// `copy-message-to-recipients`.
    public var copyMessageToRecipients: Bool?
    /// `copy-message-with-header`.
    public var copyMessageWithHeader: String?
    /// `inbound-msg-copy-limit`.
    public var inboundMessageCopyLimit: Int?
    /// `endpoint`.
    public var endpoint: String?
    /// `force-default-queue` (KANA's Force Routing to Default Queue).
    public var forceDefaultQueue: Bool?

    /// Nothing set.
    public init() {}

    /// Whether no option is set.
    public var isEmpty: Bool { self == ProcessingOverrides() }

    /// `profile` with every option set here replacing the profile's.
    public func applied(to profile: MailboxProfile) -> MailboxProfile {
        var merged = profile
        if let maximumMessageSize { merged.maximumMessageSize = maximumMessageSize }
        if let enableBigMessageStripping { merged.enableBigMessageStripping = enableBigMessageStripping }
        if let deleteBigMessage { merged.deleteBigMessage = deleteBigMessage }
        if let allowBadMessageSize { merged.allowBadMessageSize = allowBadMessageSize }
        if let copyMessageToRecipients { merged.copyMessageToRecipients = copyMessageToRecipients }
        if let copyMessageWithHeader { merged.copyMessageWithHeader = copyMessageWithHeader }
        if let inboundMessageCopyLimit { merged.inboundMessageCopyLimit = inboundMessageCopyLimit }
        if let endpoint { merged.endpoint = endpoint }
        if let forceDefaultQueue { merged.forceDefaultQueue = forceDefaultQueue }
        return merged
    }
}
