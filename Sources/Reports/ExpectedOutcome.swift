/// What a regression case expects of its message: the `NAME.expect` file
/// described in Rules/README.md ("Regression cases").
public struct ExpectedOutcome: Sendable, Equatable {
    /// One expected interaction.
    public struct Interaction: Sendable, Equatable {
        public var queue: String?
        /// Exactly these tags, in any order.
        public var tags: Set<String> = []
        /// These attributes at least, with these values.
        public var attributes: [(name: String, value: String)] = []
        public var stripped = false
        public var copyRecipient: String?

        public static func == (lhs: Self, rhs: Self) -> Bool {
            lhs.queue == rhs.queue && lhs.tags == rhs.tags && lhs.stripped == rhs.stripped
                && lhs.copyRecipient == rhs.copyRecipient
                && lhs.attributes.map { [$0.name, $0.value] } == rhs.attributes.map { [$0.name, $0.value] }
        }
    }

    /// The mailbox profile to use, when the file names one.
    public var mailbox: String?
    /// `leave` or `delete` for a message that is not processed; nil when it is.
    public var action: String?
    public var interactions: [Interaction] = []

    /// A mistake in an `.expect` file, with its line.
    public struct SyntaxError: Error, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var message: String
        public var description: String { "\(file):\(line): \(message)" }
    }

    /// Reads the text of an `.expect` file named `file` (for error messages).
    public init(text: String, file: String) throws(SyntaxError) {
        var current: Interaction? = nil
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.trimmingCharacters(in: " \t\r")
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line == "---" {
                guard let finished = current else {
                    throw SyntaxError(file: file, line: lineNumber, message: "\"---\" with no interaction before it")
                }
                interactions.append(finished)
                current = nil
                continue
            }
            guard let colon = line.firstIndex(of: ":") else {
                throw SyntaxError(file: file, line: lineNumber, message: "expected \"key: value\", found \"\(line)\"")
            }
            let key = String(line[..<colon]).trimmingCharacters(in: " \t")
            let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: " \t")
            switch key {
            case "mailbox":
                mailbox = value
            case "action":
                guard value == "leave" || value == "delete" else {
                    throw SyntaxError(file: file, line: lineNumber, message: "action is \"leave\" or \"delete\", not \"\(value)\"")
                }
                action = value
            case "queue":
                if current?.queue != nil {
                    throw SyntaxError(file: file, line: lineNumber, message: "a second queue in one block; separate interactions with \"---\"")
                }
                current = current ?? Interaction()
                current?.queue = value
            case "tags":
                current = current ?? Interaction()
                current?.tags = Set(value.split(separator: " ").map(String.init))
            case "attribute":
                guard let equals = value.firstIndex(of: "=") else {
                    throw SyntaxError(file: file, line: lineNumber, message: "attribute is \"Name=value\", found \"\(value)\"")
                }
                current = current ?? Interaction()
                current?.attributes.append((String(value[..<equals]), String(value[value.index(after: equals)...])))
            case "stripped":
                guard value == "yes" || value == "no" else {
                    throw SyntaxError(file: file, line: lineNumber, message: "stripped is \"yes\" or \"no\", not \"\(value)\"")
                }
                current = current ?? Interaction()
                current?.stripped = value == "yes"
            case "copy-recipient":
                current = current ?? Interaction()
                current?.copyRecipient = value
            default:
                throw SyntaxError(file: file, line: lineNumber,
                    message: "unknown key \"\(key)\"; the keys are mailbox, action, queue, tags, attribute, stripped, copy-recipient")
            }
        }
        if let last = current { interactions.append(last) }
        if action != nil && !interactions.isEmpty {
            throw SyntaxError(file: file, line: lineNumber, message: "a message with an action is not processed, so it has no interactions")
        }
        if action == nil && interactions.isEmpty {
            throw SyntaxError(file: file, line: lineNumber, message: "no interaction and no action: say what should happen")
        }
        for (index, interaction) in interactions.enumerated() where interaction.queue == nil {
            throw SyntaxError(file: file, line: lineNumber, message: "interaction \(index + 1) has no queue")
        }
    }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        let characters = Set(set)
        guard let start = firstIndex(where: { !characters.contains($0) }) else { return "" }
        let end = lastIndex(where: { !characters.contains($0) }) ?? start
        return String(self[start...end])
    }
}
