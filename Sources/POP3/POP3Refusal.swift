/// A command about one message that the server refused, such as a DELE of a
/// message another session already deleted.
public struct POP3Refusal: Sendable, Hashable {
    /// The message the command was about.
    public let number: Int
    /// The server's `-ERR` reply.
    public let reply: POP3ServerReply

    /// A refusal from its parts.
    public init(number: Int, reply: POP3ServerReply) {
        self.number = number
        self.reply = reply
    }
}
