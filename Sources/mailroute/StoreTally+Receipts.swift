import QueueStore
import Reports

extension StoreTally {
    /// Counts what a commit did with each message.
    mutating func add(_ receipts: [DeliveryReceipt]) {
        for receipt in receipts {
            switch receipt.outcome {
            case .stored:
                stored += 1
                interactions += receipt.interactions.count
            case .alreadyStored: alreadyStored += 1
            case .duplicateMessageID: duplicateMessageIDs += 1
            case .notProcessed: notProcessed += 1
            }
        }
    }
}
