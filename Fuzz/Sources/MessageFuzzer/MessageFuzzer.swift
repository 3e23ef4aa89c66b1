import Mailboxes

// The libFuzzer target over mailroute's message parser and mailbox readers.
//
// Each input is read the ways mailroute reads mail: as one message (header
// and structure scopes, standard and tight limits, inspected and rendered as
// JSON and text, every body decoded) and as a mailbox (an mbox from a file,
// then a stream that arrives in small pieces, a single message, or the format
// detected from a path). Besides crashes and ASan reports, the checks in
// `MessageChecks` and `MailboxChecks` stop the run on any broken invariant,
// so that a logic error shows up as a crash with its input.

/// Called by libFuzzer once per input; returns 0, as libFuzzer requires.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let variant = Variant(bytes)
    MessageChecks.run(bytes)
    MailboxChecks.run(bytes, variant: variant)
    return 0
}

/// The reading options that one input is tried with.
///
/// They come from the input itself, so that a run is repeatable: the size limit,
/// the framing and the size of the streamed reads from the first byte, which
/// stays part of the input (seeds remain real messages and mailboxes, and a
/// mutation of the first byte tries the same input another way); the second
/// reader from the length, so that every reader sees every kind of input.
struct Variant {
    /// The reader that runs besides ``MboxReader`` on a file: one, not all three,
    /// because each costs a 256 KiB buffer and the fuzzer's speed is its reach.
    enum SecondReader: CaseIterable {
        /// ``StandardInputReader`` on a stream that returns ``Variant/pieceSize`` bytes per read.
        case stream
        /// ``StandardInputReader`` with `.singleMessage` framing on a file.
        case singleMessage
        /// ``Mailbox/open(_:as:maximumMessageSize:)`` detecting the format from a path.
        case detected
    }

    let secondReader: SecondReader
    /// How many bytes each read of the streamed copy returns at most.
    let pieceSize: Int
    /// The readers' `maximumMessageSize`.
    let messageSizeLimit: Int
    /// How the streamed copy is framed: `.mbox` or `.detect`.
    let framing: StandardInputReader.Framing

    init(_ bytes: [UInt8]) {
        secondReader = SecondReader.allCases[bytes.count % SecondReader.allCases.count]
        let selector = Int(bytes.first ?? 0)
        // Small pieces put read boundaries inside `From ` lines, quote runs and CRLFs.
        let pieceSizes = [1, 2, 3, 5, 7, 16, 64, 4096]
        // Bounded so that a large input is not sent as tens of thousands of one-byte reads.
        pieceSize = max(pieceSizes[selector & 7], bytes.count / 1024 + 1)
        switch (selector >> 3) & 7 {
        case 4: messageSizeLimit = 0
        case 5: messageSizeLimit = 1
        case 6: messageSizeLimit = 64
        case 7: messageSizeLimit = bytes.count / 2
        default: messageSizeLimit = Mailbox.defaultMaximumMessageSize
        }
        framing = selector & 0x80 == 0 ? .mbox : .detect
    }
}

/// Stops the run with `message` when `condition` is false.
///
/// `fatalError` rather than `precondition`: optimised builds drop the message
/// of a failed precondition, and the message is what says which invariant broke.
func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("invariant broken: \(message())") }
}
