import MessageModel
import XMLDocuments

extension MailboxProfile {
    /// The attributes of `<mailbox>`.
    public static let attributeNames: Set<String> = [
        "name", "address", "default-queue", "maximum-msg-size", "enable-big-msg-stripping", "delete-big-msg",
        "allow-bad-msg-size", "copy-message-to-recipients", "copy-message-with-header", "inbound-msg-copy-limit",
        "endpoint", "force-default-queue",
    ]

    /// Reads a `<mailbox>` element, checking each option's range. An invalid
    /// option is reported and read as its default, so that the profile still
    /// takes part in the duplicate and queue checks; nil only without a name
    /// or a readable address.
    public static func read(from element: XMLElement, log: inout DiagnosticLog) -> MailboxProfile? {
        log.rejectUnknownAttributes(of: element, known: attributeNames)
        let name = log.required("name", of: element)
        let addressText = log.required("address", of: element)
        var address: Address?
        if let addressText {
            var defects: [Defect] = []
            let list = AddressParser.parse(addressText, field: "address", defects: &defects).addresses
            if list.count == 1, list[0].domain != nil, defects.isEmpty {
                address = list[0]
            } else {
                log.error(
                    "address \"\(addressText)\" is not one RFC 5322 address such as "
                        + "\"Acme Support <support@acme.example>\"", at: log.location(of: "address", in: element))
            }
        }
        guard let name, let addressText, let address else { return nil }
        var profile = MailboxProfile(name: name, addressText: addressText, address: address, location: element.location)
        profile.defaultQueue = element[attribute: "default-queue"]
        profile.maximumMessageSize = readMaximumSize(element, log: &log)
        profile.enableBigMessageStripping = log.boolean("enable-big-msg-stripping", of: element, default: true)
        profile.deleteBigMessage = log.boolean("delete-big-msg", of: element, default: false)
        profile.allowBadMessageSize = log.boolean("allow-bad-msg-size", of: element, default: false)
        profile.copyMessageToRecipients = log.boolean("copy-message-to-recipients", of: element, default: false)
        profile.inboundMessageCopyLimit = log.integer("inbound-msg-copy-limit", of: element, in: 1...50, default: 10)
        profile.endpoint = element[attribute: "endpoint"] ?? "default"
        profile.forceDefaultQueue = log.boolean("force-default-queue", of: element, default: false)
        if let header = element[attribute: "copy-message-with-header"] {
            if !header.isEmpty, header.utf8.allSatisfy({ $0 > 32 && $0 < 127 && $0 != 58 }) {
                profile.copyMessageWithHeader = header
            } else {
                log.error(
                    "copy-message-with-header is \"\(header)\", which is not a header field name "
                        + "(printable ASCII without spaces or colons)",
                    at: log.location(of: "copy-message-with-header", in: element))
            }
        }
        return profile
    }

    /// `maximum-msg-size`: megabytes 1..2047, or an exact byte count written with `B`.
    private static func readMaximumSize(_ element: XMLElement, log: inout DiagnosticLog) -> Int {
        let fallback = 5 * 1024 * 1024
        guard let text = element[attribute: "maximum-msg-size"] else { return fallback }
        let location = log.location(of: "maximum-msg-size", in: element)
        if text.hasSuffix("B") {
            if let bytes = ByteSize.parse(text), text.dropLast().allSatisfy(\.isNumber), bytes > 0 {
                return bytes
            }
            log.error("maximum-msg-size is \(text); write a byte count above 0 such as 5242880B", at: location)
            return fallback
        }
        guard let megabytes = Int(text), (1...2047).contains(megabytes) else {
            log.error(
                "maximum-msg-size is \(text); valid values are 1 to 2047 (megabytes) or a byte count such as 5242880B",
                at: location)
            return fallback
        }
        return megabytes * 1024 * 1024
    }
}
