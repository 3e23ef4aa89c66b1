/// How much of each message file a directory reader reads.
public enum MessageReading: Sendable, Hashable {
    /// The whole file.
    case whole
    /// Only up to the end of the header section (the first empty line), for
    /// work that looks at header fields alone: a message with a 5 MB
    /// attachment then costs a few kilobytes of reading. The entry still
    /// carries the size of the whole message. Mbox files and standard input
    /// are streams and are always read whole.
    case headerSection
}
