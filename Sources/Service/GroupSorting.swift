/// Where the messages of one committed group go on the server, as the
/// storing thread decided: the fetching thread removes them only after the
/// group's commit returned.
struct GroupSorting: Sendable {
    /// Stored, or found stored before: removed (deleted or moved to the processed folder).
    var processed: [RemoteMessage] = []
    /// Not processed, and deleted as the options say.
    var deleted: [RemoteMessage] = []
    /// Not retrievable, and moved to the failed-items folder.
    var failed: [RemoteMessage] = []
    /// Left on the server, and not asked for again while the options and rules stay as they are.
    var left: [RemoteMessage] = []
}
