/// One listed item of a reprocessing report, in entry order: a changed
/// message or a bad entry. Records are written as they come, so a report
/// of any size is made and merged in constant memory.
public enum ReportRecord: Sendable, Equatable {
    case changed(ChangedMessage)
    case bad(BadEntry)

    /// Where the record's entry stands in the run; merged reports are in this order.
    public var ordinal: EntryOrdinal {
        switch self {
        case .changed(let message): message.ordinal
        case .bad(let entry): entry.ordinal
        }
    }
}
