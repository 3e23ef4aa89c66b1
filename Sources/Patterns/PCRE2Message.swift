import CPCRE2

/// PCRE2's own English text for one of its error codes (compile or match).
///
/// PCRE2's messages are at most about 120 bytes; a longer one would be cut
/// short by PCRE2 itself, never overrun.
func pcre2Message(for code: Int32) -> String {
    let capacity = 256
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
        guard let start = buffer.baseAddress else { return "PCRE2 error \(code)" }
        let length = pcre2_get_error_message_8(code, start, capacity)
        // A negative length means either an unknown code or a truncated
        // message; in the second case the buffer still holds usable text.
        let usable = length >= 0 ? Int(length) : strnlen(start, capacity)
        guard usable > 0 else { return "PCRE2 error \(code)" }
        return String(decoding: UnsafeBufferPointer(start: start, count: usable), as: UTF8.self)
    }
}

/// `strlen` bounded by `capacity`, over unsigned bytes.
private func strnlen(_ start: UnsafeMutablePointer<UInt8>, _ capacity: Int) -> Int {
    var length = 0
    while length < capacity, start[length] != 0 { length += 1 }
    return length
}
