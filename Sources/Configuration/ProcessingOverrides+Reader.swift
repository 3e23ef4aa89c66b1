import Rules
import XMLDocuments

extension ProcessingOverrides {
    /// The options of `<mailbox>` that the rule file's `<mailbox>` profile also has.
    public static let optionNames: [String] = [
        "maximum-msg-size", "enable-big-msg-stripping", "delete-big-msg", "allow-bad-msg-size",
        "copy-message-to-recipients", "copy-message-with-header", "inbound-msg-copy-limit", "endpoint",
        "force-default-queue",
    ]

    /// Reads the options set on `element`, checked by the rule file's own
    /// reader (``MailboxProfile/read(from:log:)``), so that a value means and
    /// is refused the same in both files. `profile` is what that reader made
    /// of the element's options; an option that is set takes its value there.
    static func read(from element: XMLElement, profile: MailboxProfile) -> ProcessingOverrides {
        let set = Set(element.attributes.map(\.name))
        func value<Value>(_ name: String, _ read: (MailboxProfile) -> Value) -> Value? {
            set.contains(name) ? read(profile) : nil
        }
        var overrides = ProcessingOverrides()
        overrides.maximumMessageSize = value("maximum-msg-size") { $0.maximumMessageSize }
        overrides.enableBigMessageStripping = value("enable-big-msg-stripping") { $0.enableBigMessageStripping }
        overrides.deleteBigMessage = value("delete-big-msg") { $0.deleteBigMessage }
        overrides.allowBadMessageSize = value("allow-bad-msg-size") { $0.allowBadMessageSize }
        overrides.copyMessageToRecipients = value("copy-message-to-recipients") { $0.copyMessageToRecipients }
        overrides.copyMessageWithHeader = value("copy-message-with-header") { $0.copyMessageWithHeader }
        overrides.inboundMessageCopyLimit = value("inbound-msg-copy-limit") { $0.inboundMessageCopyLimit }
        overrides.endpoint = value("endpoint") { $0.endpoint }
        overrides.forceDefaultQueue = value("force-default-queue") { $0.forceDefaultQueue }
        return overrides
    }
}
