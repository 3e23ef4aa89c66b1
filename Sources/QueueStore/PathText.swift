/// Names and paths joined from a few pieces in one allocation.
///
/// Every stored message needs about ten of them (its Maildir names, staging
/// names, destinations). String interpolation and `+` cost a few thousand
/// instructions each (measured with callgrind); this writes the bytes once.
enum PathText {
    /// The pieces `write` appends, joined. `write` is called twice: once to
    /// count the bytes, once to write them, so it must append the same both
    /// times.
    static func join(_ write: (inout Writer) -> Void) -> String {
        var counter = Writer(buffer: nil)
        write(&counter)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: counter.count) { buffer in
            var writer = Writer(buffer: buffer)
            write(&writer)
            precondition(writer.count == counter.count, "PathText.join: the pieces changed between the two passes")
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<writer.count]), as: UTF8.self)
        }
    }

    /// Appends pieces; without a buffer it only counts their bytes.
    struct Writer {
        private let buffer: UnsafeMutableBufferPointer<UInt8>?
        private(set) var count = 0

        fileprivate init(buffer: UnsafeMutableBufferPointer<UInt8>?) {
            self.buffer = buffer
        }

        mutating func append(_ text: String) {
            // In place, without the copy (and retain) of a mutable String that `withUTF8` needs.
            if text.utf8.withContiguousStorageIfAvailable({ append(bytes: $0) }) != nil { return }
            Array(text.utf8).withUnsafeBufferPointer { append(bytes: $0) }
        }

        mutating func append(_ text: StaticString) {
            text.withUTF8Buffer { append(bytes: $0) }
        }

        /// `number` in decimal, as `String(number)` writes it.
        mutating func append(_ number: Int64) {
            if number < 0 { append("-" as StaticString) }
            append(number.magnitude)
        }

        /// `number` in decimal, as `String(number)` writes it.
        mutating func append(_ number: UInt64) {
            let digits = DecimalDigits.count(number)
            if let buffer {
                precondition(count + digits <= buffer.count, "PathText.join: the pieces changed between the two passes")
                DecimalDigits.write(number, into: UnsafeMutableBufferPointer(rebasing: buffer[count...]))
            }
            count += digits
        }

        private mutating func append(bytes: UnsafeBufferPointer<UInt8>) {
            if let buffer {
                precondition(count + bytes.count <= buffer.count, "PathText.join: the pieces changed between the two passes")
                _ = UnsafeMutableBufferPointer(rebasing: buffer[count...]).initialize(fromContentsOf: bytes)
            }
            count += bytes.count
        }
    }
}
