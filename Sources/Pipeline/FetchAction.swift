/// What the server should do with a message after the pipeline ran.
public enum FetchAction: String, Sendable, Hashable {
    /// The message was processed; the interactions say where it goes.
    case process
    /// The message was not processed and stays on the server.
    case leave
    /// The message was not processed and is deleted from the server.
    case delete
}
