/// What a stage returns: the interactions that go on, and, when the message
/// is not to be processed, what to do with it on the server.
public struct StageOutput: Sendable {
    /// The interactions for the next stage.
    public var interactions: [Interaction]
    /// Set when the stage refused the message (`leave` or `delete`).
    public var fetchAction: FetchAction?

    /// The interactions go on.
    public init(_ interactions: [Interaction], fetchAction: FetchAction? = nil) {
        self.interactions = interactions
        self.fetchAction = fetchAction
    }
}
