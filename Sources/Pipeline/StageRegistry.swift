/// Every kind of stage mailroute knows, in one list: the loader reads
/// `<pipeline>` children through it, so a new kind is a new ``Stage`` type,
/// one line here and its element in the schema.
public enum StageRegistry {
    /// The stage kinds.
    public static let kinds: [any Stage.Type] = [
        SizeCheckStage.self,
        RecipientCopiesStage.self,
        TaggingStage.self,
        ForceDefaultQueueStage.self,
        RoutingStage.self,
    ]

    /// The kind whose element is `name`.
    public static func kind(named name: String) -> (any Stage.Type)? {
        kinds.first { $0.elementName == name }
    }
}
