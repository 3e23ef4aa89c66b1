import MessageModel
import XMLDocuments

/// One test a rule makes on a message, with where it is written, so the
/// trace can say which condition decided.
public final class Condition: Sendable {
    /// What is tested.
    public indirect enum Kind: Sendable {
        /// A header field's value, decoded or raw, any or all occurrences.
        case header(name: String, form: HeaderValueForm, occurrence: Occurrence, matcher: Matcher)
        /// The mailboxes of the listed address fields (groups flattened).
        case address(fields: [String], part: AddressPart, occurrence: Occurrence, matcher: Matcher)
        /// The decoded text of the text parts, joined with line breaks.
        case body(Matcher)
        /// The message size in bytes: larger than `greaterThan` and smaller than `lessThan`, where given.
        case size(greaterThan: Int?, lessThan: Int?)
        /// The file name of any attachment.
        case attachmentName(Matcher)
        /// The lower-case `type/subtype` of any attachment.
        case attachmentType(Matcher)
        /// The header field is present.
        case exists(header: String)
        /// The name of the mailbox profile the message came through.
        case mailbox(Matcher)
        /// The interaction carries the tag.
        case tagged(String)
        /// Every condition holds (true when empty).
        case all([Condition])
        /// At least one condition holds.
        case any([Condition])
        /// The condition does not hold.
        case not(Condition)
    }

    /// What is tested.
    public let kind: Kind
    /// The element it was written as (`header`, `any`, ...).
    public let elementName: String
    /// Where the element starts.
    public let location: SourceLocation
    /// The lower-case names of the fields the condition reads: the header of
    /// `<header>` and `<exists>`, the fields of `<address>`; lower-cased once
    /// here rather than for every message.
    let fieldKeys: [String]

    /// Creates a condition.
    public init(_ kind: Kind, elementName: String, location: SourceLocation) {
        self.kind = kind
        self.elementName = elementName
        self.location = location
        switch kind {
        case .header(let name, _, _, _), .exists(let name): fieldKeys = [ASCIICase.lowercased(name)]
        case .address(let fields, _, _, _): fieldKeys = fields.map(ASCIICase.lowercased)
        default: fieldKeys = []
        }
    }

    /// `<header> at file:line:col`, as traces name a condition.
    public var label: String { "<\(elementName)> at \(location)" }
}
