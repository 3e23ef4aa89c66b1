import QueueStore

/// Why a reprocessing run stopped before its report: a checkpoint or spool
/// file could not be written, or the queue store refused a write.
enum ReprocessRunError: Error, CustomStringConvertible {
    case file(FileError)
    case store(StoreError)

    var description: String {
        switch self {
        case .file(let error):
            "\(error)"
        case .store(let error):
            "\(error). The messages committed before are stored; run the same command again to store the rest"
        }
    }
}
