import MessageModel
import Rules
import XMLDocuments

/// `<size-check/>`: applies the mailbox's size options. An oversized message
/// is replaced by a header-only version when stripping is on; otherwise it is
/// not processed and stays on the server (or is deleted with `delete-big-msg`).
/// A size the server reports as unknown is processed only with `allow-bad-msg-size`.
public struct SizeCheckStage: Stage {
    /// The element name.
    public static let elementName = "size-check"
    /// Attribute marking a stripped interaction.
    public static let strippedAttribute = "mailroute-stripped"
    /// Attribute holding the size as received, in bytes.
    public static let originalSizeAttribute = "mailroute-original-size"
    /// Attribute saying why the message was stripped.
    public static let reasonAttribute = "mailroute-strip-reason"

    /// Where the element is written.
    public let location: SourceLocation
    /// The stage holds no rules.
    public var rules: [Rule] { [] }

    /// Reads `<size-check/>`, which takes no content.
    public static func read(from element: XMLElement, reader: inout StageReader) -> SizeCheckStage? {
        reader.expectEmpty(element)
        return SizeCheckStage(location: element.location)
    }

    /// Strips or refuses oversized messages, per interaction's mailbox.
    public func run(_ interactions: consuming [Interaction], context: StageContext) -> StageOutput {
        var output: [Interaction] = []
        for var interaction in interactions {
            let profile = interaction.mailbox
            let size = context.reportedSize ?? interaction.message.size
            if size < 0 {
                guard profile.allowBadMessageSize else {
                    return StageOutput([], fetchAction: .leave)
                }
                interaction.note(
                    "size unknown; processed because allow-bad-msg-size is true",
                    stage: Self.elementName, at: location, context: context)
            } else if size > profile.maximumMessageSize {
                guard profile.enableBigMessageStripping else {
                    return StageOutput([], fetchAction: profile.deleteBigMessage ? .delete : .leave)
                }
                interaction.message = Self.stripped(interaction.message)
                interaction.isStripped = true
                interaction.attributes[Self.strippedAttribute] = "true"
                interaction.attributes[Self.originalSizeAttribute] = String(size)
                interaction.attributes[Self.reasonAttribute] = "larger than \(profile.maximumMessageSize) bytes"
                interaction.note(
                    "\(size) bytes is larger than \(profile.maximumMessageSize) bytes; body stripped",
                    stage: Self.elementName, at: location, context: context)
            } else {
                interaction.note(
                    "\(size) bytes is within \(profile.maximumMessageSize) bytes",
                    stage: Self.elementName, at: location, context: context)
            }
            output.append(interaction)
        }
        return StageOutput(output)
    }

    /// The message's header fields with an empty body.
    static func stripped(_ message: Message) -> Message {
        let headerEnd = min(message.root.bodyRange.lowerBound, message.bytes.count)
        var bytes = Array(message.bytes[..<headerEnd])
        if !bytes.isEmpty && bytes.last != UInt8(ascii: "\n") { bytes += Array("\r\n\r\n".utf8) }
        return Message(bytes: bytes, scope: .header)
    }
}
