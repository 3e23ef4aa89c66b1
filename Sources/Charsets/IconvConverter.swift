import Glibc

/// One glibc iconv conversion descriptor from a charset to UTF-8, owned and closed.
///
/// An `iconv_t` keeps shift state and must not be used by two threads at
/// once, so each decode opens its own (about half a microsecond) and closes
/// it when done; nothing is shared between threads.
struct IconvConverter: ~Copyable {
    private let handle: UnsafeMutableRawPointer

    /// Opens a conversion from `charset`, or nil when iconv does not know it.
    init?(from charset: String) {
        guard let handle = iconv_open("UTF-8", charset), handle != UnsafeMutableRawPointer(bitPattern: -1) else {
            return nil
        }
        self.handle = handle
    }

    deinit {
        iconv_close(handle)
    }

    /// Converts all of `input` to UTF-8 bytes.
    ///
    /// iconv stops at a byte sequence it cannot convert (EILSEQ) or that is
    /// cut off at the end (EINVAL); each such place becomes U+FFFD, the
    /// conversion skips `unitSize` bytes and goes on, so one bad byte never
    /// costs the rest of the text. Linear in the input, also when every byte is bad.
    ///
    /// - Returns: the UTF-8 bytes, and whether any replacement was made.
    func convert(_ input: UnsafeBufferPointer<UInt8>, unitSize: Int) -> (utf8: [UInt8], replaced: Bool) {
        guard let base = input.baseAddress, !input.isEmpty else { return ([], false) }
        // Three output bytes per input byte covers every charset mailroute
        // names (a 2-byte CJK character becomes 3 bytes); E2BIG grows it otherwise.
        var output = [UInt8](repeating: 0, count: input.count * 3 + 16)
        var produced = 0
        var next = UnsafeMutableRawPointer(mutating: base).assumingMemoryBound(to: CChar.self)
        var remaining = input.count
        var replaced = false
        while remaining > 0 {
            let failure: Int32 = output.withUnsafeMutableBytes { out in
                var outPointer: UnsafeMutablePointer<CChar>? =
                    out.baseAddress.map { ($0 + produced).assumingMemoryBound(to: CChar.self) }
                var outLeft = out.count - produced
                var inPointer: UnsafeMutablePointer<CChar>? = next
                let result = iconv(handle, &inPointer, &remaining, &outPointer, &outLeft)
                let failure = result == -1 ? errno : 0
                produced = out.count - outLeft
                if let inPointer { next = inPointer }
                return failure
            }
            switch failure {
            case 0:
                continue
            case E2BIG:
                output.append(contentsOf: repeatElement(0, count: output.count))
            default:
                // EILSEQ, EINVAL or anything unexpected: replace and skip one unit.
                if output.count - produced < 3 { output.append(contentsOf: repeatElement(0, count: 16)) }
                output[produced] = 0xEF
                output[produced + 1] = 0xBF
                output[produced + 2] = 0xBD
                produced += 3
                replaced = true
                let skipped = min(unitSize, remaining)
                next += skipped
                remaining -= skipped
            }
        }
        output.removeLast(output.count - produced)
        return (output, replaced)
    }
}
