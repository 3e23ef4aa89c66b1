import Glibc
import Mailboxes

/// Reads an input as a mailbox, with ``MboxReader`` on a file and one other
/// reader (see ``Variant/SecondReader``), and compares what each yields with
/// ``ReferenceReading``.
///
/// The readers stream through a reused buffer and take lines in bulk; the
/// reference reads the whole input at once, line by line. Agreeing on every
/// entry (bytes, envelope sender, position, truncation, problem) for every
/// input, and for every way of cutting a stream into reads, is the check.
enum MailboxChecks {
    static func run(_ bytes: [UInt8], variant: Variant) {
        let limit = variant.messageSizeLimit
        let file = ScratchFile.shared
        file.replaceContents(with: bytes)
        let mbox = ReferenceReading.mbox(bytes, mailbox: "-", limit: limit)
        for item in mbox {
            if case .message(let entry, _, _) = item.content {
                require(entry.count <= bytes.count, "an mbox entry of \(entry.count) bytes from \(bytes.count)")
            }
        }

        file.rewind()
        compare(
            read(MboxReader(fileDescriptor: file.descriptor, maximumMessageSize: limit)), mbox,
            "MboxReader on a file")

        switch variant.secondReader {
        case .singleMessage:
            file.rewind()
            compare(
                read(StandardInputReader(fileDescriptor: file.descriptor, framing: .singleMessage, maximumMessageSize: limit)),
                ReferenceReading.singleMessage(bytes, mailbox: "-", limit: limit),
                "StandardInputReader(.singleMessage) on a file")

        case .stream:
            // The same bytes as a stream whose reads return a few bytes at a time.
            let framing = variant.framing
            let streamed = ChunkedStream.withDescriptor(reading: bytes, pieceSize: variant.pieceSize) { descriptor in
                read(StandardInputReader(fileDescriptor: descriptor, framing: framing, maximumMessageSize: limit))
            }
            let expected = framing == .mbox || ReferenceReading.startsWithEnvelope(bytes)
                ? mbox : ReferenceReading.singleMessage(bytes, mailbox: "-", limit: limit)
            compare(streamed, expected, "StandardInputReader(\(framing)) on a stream read \(variant.pieceSize) bytes at a time")

        case .detected:
            // An mbox if the file starts with `From `, else one message.
            let path = file.path
            let detected: [ReadItem]
            do {
                detected = read(try Mailbox.open(path, maximumMessageSize: limit))
            } catch {
                fatalError("invariant broken: Mailbox.open(\(path)) failed on a regular file: \(error)")
            }
            let expected = ReferenceReading.startsWithEnvelope(bytes)
                ? ReferenceReading.mbox(bytes, mailbox: path, limit: limit)
                : ReferenceReading.singleMessage(bytes, mailbox: path, limit: limit)
            compare(detected, expected, "Mailbox.open on a file")
        }
    }

    /// Every item of `reader`, in order, each also described as the command would show it.
    private static func read(_ reader: some MailboxReader) -> [ReadItem] {
        var items: [ReadItem] = []
        for item in reader {
            _ = item.position.description
            if case .problem(let problem) = item { _ = problem.description }
            items.append(ReadItem(item))
        }
        return items
    }

    private static func compare(_ actual: [ReadItem], _ expected: [ReadItem], _ reader: String) {
        guard actual != expected else { return }
        var report = "\(reader) yields \(actual.count) items, the reference \(expected.count)"
        for (number, (got, want)) in zip(actual, expected).enumerated() where got != want {
            report += "\nfirst difference, item \(number + 1):\n  reader:    \(got)\n  reference: \(want)"
            break
        }
        fatalError("invariant broken: \(report)")
    }
}

/// A mailbox item reduced to what can be compared: positions in full, entries by content.
struct ReadItem: Equatable, CustomStringConvertible {
    enum Content: Equatable {
        case message(bytes: [UInt8], envelopeSender: String?, mayBeTruncated: Bool)
        case problem(MailboxProblem.Reason)
    }

    var position: SourcePosition
    var content: Content

    init(position: SourcePosition, content: Content) {
        self.position = position
        self.content = content
    }

    init(_ item: MailboxItem) {
        switch item {
        case .message(let entry):
            require(entry.maildirFlags == nil, "an entry outside a Maildir has Maildir flags")
            self.init(
                position: entry.position,
                content: .message(bytes: entry.bytes, envelopeSender: entry.envelopeSender, mayBeTruncated: entry.mayBeTruncated))
        case .problem(let problem):
            self.init(position: problem.position, content: .problem(problem.reason))
        }
    }

    var description: String {
        switch content {
        case .message(let bytes, let sender, let truncated):
            let excerpt = String(decoding: bytes.prefix(80), as: UTF8.self).debugDescription
            return "\(position) message of \(bytes.count) bytes \(excerpt), sender \(sender ?? "none"), truncated \(truncated)"
        case .problem(let reason):
            return "\(position) problem: \(reason)"
        }
    }
}

/// The temporary file that holds the current input, made once and reused.
///
/// In `/dev/shm` where there is one, so the rewrites never touch a disk; unlinked
/// at once, so nothing is left behind however the run ends. The readers reach it
/// by its descriptor or by its `/proc/self/fd` path.
final class ScratchFile: Sendable {
    static let shared = ScratchFile()

    let descriptor: Int32
    /// A path that opens the file anew, for readers that take a path.
    let path: String

    private init() {
        var descriptor: Int32 = -1
        for directory in ["/dev/shm", "/tmp"] {
            var template = Array("\(directory)/mailroute-fuzz-XXXXXX".utf8CString)
            descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            if descriptor >= 0 {
                _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
                break
            }
        }
        guard descriptor >= 0 else { fatalError("cannot make a temporary file: \(String(cString: strerror(errno)))") }
        self.descriptor = descriptor
        path = "/proc/self/fd/\(descriptor)"
    }

    func replaceContents(with bytes: [UInt8]) {
        guard ftruncate(descriptor, 0) == 0 else { fatalError("ftruncate: \(String(cString: strerror(errno)))") }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(written)) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { fatalError("pwrite: \(String(cString: strerror(errno)))") }
            written += count
        }
    }

    /// Moves the shared offset back to the start, for the next reader of the descriptor.
    func rewind() {
        guard lseek(descriptor, 0, SEEK_SET) == 0 else { fatalError("lseek: \(String(cString: strerror(errno)))") }
    }
}
