/// A value written in a rule file that may refer to the message and to the
/// rule's captures: `${1}`, `${name}`, `${header:Subject}`, `${mailbox}`,
/// `${from}`, `${message-id}`. Parsed once when the rules are loaded.
public struct ValueTemplate: Sendable, Hashable {
    /// One piece of the value.
    public enum Segment: Sendable, Hashable {
        /// Text copied as written.
        case literal(String)
        /// A numbered group of the last regex condition that matched.
        case group(Int)
        /// A named group of any regex condition that matched.
        case named(String)
        /// The decoded first occurrence of a header field.
        case header(String)
        /// The mailbox profile's name.
        case mailbox
        /// The addr-spec of the first From mailbox.
        case from
        /// The Message-ID field, decoded.
        case messageID
    }

    /// The pieces in order.
    public let segments: [Segment]
    /// The text as written in the rule file.
    public let source: String

    /// A template of the given pieces.
    public init(segments: [Segment], source: String) {
        self.segments = segments
        self.source = source
    }

    /// A template that is plain text.
    public init(literal text: String) {
        self.init(segments: [.literal(text)], source: text)
    }

    /// The value for one message; references that have nothing to give become empty.
    public func render(captures: Captures, facts: MessageFacts) -> String {
        if segments.count == 1, case .literal(let literal) = segments[0] { return literal }
        var text = ""
        for segment in segments {
            switch segment {
            case .literal(let literal): text += literal
            case .group(let number): text += captures.group(number)
            case .named(let name): text += captures.named[name] ?? ""
            case .header(let name): text += facts.decodedValues(of: name).first ?? ""
            case .mailbox: text += facts.mailbox
            case .from: text += facts.addresses(in: "From").first?.addrSpec ?? ""
            case .messageID: text += facts.decodedValues(of: "Message-ID").first ?? ""
            }
        }
        return text
    }
}
