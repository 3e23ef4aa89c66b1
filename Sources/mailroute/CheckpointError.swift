/// A checkpoint that cannot be used.
enum CheckpointError: Error, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case notACheckpoint(path: String, reason: String)
    /// The checkpoint is of another job; resuming would mix two reports.
    case otherJob(path: String, difference: String)

    var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "cannot read the checkpoint \(path): \(reason)"
        case .notACheckpoint(let path, let reason):
            return "\(path) is not a mailroute reprocess checkpoint (\(reason)); give another --checkpoint file"
        case .otherJob(let path, let difference):
            return "the checkpoint \(path) is of another run: \(difference). Resuming would mix two reports: "
                + "run the same command as before, or delete \(path) and \(path).records to start afresh"
        }
    }
}
