import Glibc
import Synchronization

/// The descriptors of one delivery's staged files, kept open from their
/// writing to their `fdatasync` in the batch's commit, so that the commit
/// need not look each file up and open it again.
///
/// At most ``limit`` descriptors are kept in the whole process (several
/// mailboxes commit at once, and `reprocess --apply` stages hundreds of
/// messages a batch); past that a file is closed once written and opened
/// again to be synced. Whatever is not taken for syncing is closed when the
/// delivery is dropped.
final class KeptDescriptors: @unchecked Sendable {
    // @unchecked: a delivery is used by one thread at a time; it may be handed whole to another.

    /// The most descriptors kept open in the process at once.
    static let limit = 256
    private static let kept = Atomic<Int>(0)
    private var files: [(name: String, descriptor: Int32)] = []

    init() {}

    deinit {
        for file in files { Self.release(file.descriptor) }
    }

    /// Keeps `descriptor`, open on staged file `name`, if the limit allows; closes it otherwise.
    func keep(_ descriptor: Int32, for name: String) {
        if Self.kept.add(1, ordering: .relaxed).newValue <= Self.limit {
            files.append((name, descriptor))
        } else {
            Self.kept.subtract(1, ordering: .relaxed)
            _ = close(descriptor)
        }
    }

    /// The descriptor kept for `name`, now the caller's to give back with
    /// ``release(_:)``; -1 when none was kept.
    func take(_ name: String) -> Int32 {
        guard let index = files.firstIndex(where: { $0.name == name }) else { return -1 }
        return files.remove(at: index).descriptor
    }

    /// Closes a descriptor that ``take(_:)`` handed out (nothing for -1).
    static func release(_ descriptor: Int32) {
        guard descriptor >= 0 else { return }
        _ = close(descriptor)
        kept.subtract(1, ordering: .relaxed)
    }
}
