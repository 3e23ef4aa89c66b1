import COpenSSL

/// OpenSSL's per-thread error queue, read right after a failing call on the
/// same thread.
enum OpenSSLErrorQueue {
    /// Forgets errors left by earlier calls, so they are not blamed on the next one.
    static func clear() {
        ERR_clear_error()
    }

    /// Empties the queue and returns its messages, oldest first, plus whether
    /// one of them says a private key does not match its certificate.
    ///
    /// The messages are OpenSSL's error strings (library, reason); they never
    /// carry key material or passwords. Repeats are dropped; at most 16 are kept.
    static func drain() -> (messages: [String], reportsKeyMismatch: Bool) {
        var messages: [String] = []
        var reportsKeyMismatch = false
        var buffer = [CChar](repeating: 0, count: 256)
        while case let code = ERR_get_error(), code != 0 {
            if mailroute_err_is_key_mismatch(code) != 0 { reportsKeyMismatch = true }
            guard messages.count < 16 else { continue }
            let message = buffer.withUnsafeMutableBufferPointer { characters -> String in
                guard let base = characters.baseAddress else { return "" }
                ERR_error_string_n(code, base, characters.count)
                return String(cString: base)
            }
            if !messages.contains(message) { messages.append(message) }
        }
        return (messages, reportsKeyMismatch)
    }
}
