/// Collects the warnings and errors of a command and prints them on standard error as they happen.
final class Diagnostics {
    private let stream = OutputStream(descriptor: 2, capacity: 0)
    private(set) var count = 0

    func warning(_ text: String) {
        count += 1
        stream.write("mailroute: warning: \(text)\n")
    }

    /// A line that already says what it is (`file:line:col: error: text`), printed as it is.
    func raw(_ text: String) {
        stream.write(text + "\n")
    }

    func error(_ text: String) {
        count += 1
        stream.write("mailroute: error: \(text)\n")
    }

    /// Ends with a count, so that problems scrolled away in a long run are not missed.
    func summarize(messages: Int) {
        guard count > 0 else { return }
        stream.write("mailroute: \(messages) message\(messages == 1 ? "" : "s") read, \(count) problem\(count == 1 ? "" : "s") reported\n")
    }
}

extension Diagnostics {
    /// Something worth knowing that is neither a warning nor an error.
    func note(_ text: String) {
        raw("mailroute: \(text)")
    }
}
