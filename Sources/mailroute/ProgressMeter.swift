import Glibc

/// Shows how far a long run is on standard error: entries done out of the
/// total (or bytes, for an mbox, whose message count is unknown until read),
/// the rate and the time left.
///
/// On a terminal the line is rewritten in place (`\r`) a few times a second;
/// otherwise (a log file, a pipe) a plain line is written every few seconds;
/// with `--quiet` nothing at all.
final class ProgressMeter {
    enum Style {
        /// A terminal: one line rewritten in place.
        case terminal
        /// Plain lines, at most every `interval` seconds (0: at every entry, for tests).
        case lines(interval: Double)
        /// Nothing.
        case silent
    }

    private let style: Style
    private let totalEntries: Int?
    private let totalBytes: Int?
    private let stream = OutputStream(descriptor: 2, capacity: 0)
    private let started = MonotonicClock.now
    private let startingEntries: Int
    private let startingBytes: Int
    private var lastShown: Double
    private var shownOnTerminal = false

    /// - Parameters:
    ///   - totalEntries: the entries the run will deliver, when known.
    ///   - totalBytes: the bytes of the sources, when progress is measured in bytes (an mbox among them).
    ///   - entries, bytes: what a checkpoint says was done before this process.
    init(style: Style, totalEntries: Int?, totalBytes: Int?, entries: Int, bytes: Int) {
        self.style = style
        self.totalEntries = totalEntries
        self.totalBytes = totalBytes
        startingEntries = entries
        startingBytes = bytes
        lastShown = started
    }

    /// The style for standard error: in place on a terminal, lines otherwise, nothing when quiet.
    static func style(quiet: Bool, everyEntry: Bool) -> Style {
        if quiet { return .silent }
        if everyEntry { return .lines(interval: 0) }
        return isatty(2) == 1 ? .terminal : .lines(interval: 5)
    }

    /// Notes that `entries` entries and `bytes` bytes are done in all.
    func update(entries: Int, bytes: Int) {
        let interval: Double
        switch style {
        case .silent: return
        case .terminal: interval = 0.25
        case .lines(let every): interval = every
        }
        if interval > 0 {
            // The clock is read once in a while, not for every message.
            guard entries & 63 == 0 else { return }
            let now = MonotonicClock.now
            guard now - lastShown >= interval else { return }
            lastShown = now
        }
        show(line(entries: entries, bytes: bytes, now: MonotonicClock.now))
    }

    /// The last word: what was done, in how long.
    func finish(entries: Int, unreadable: Int) {
        if case .silent = style { return }
        let seconds = MonotonicClock.now - started
        let done = entries - startingEntries
        var text = "reprocess: done: \(Self.grouped(entries)) entr\(entries == 1 ? "y" : "ies")"
        if unreadable > 0 { text += " (\(Self.grouped(unreadable)) unreadable)" }
        text += ", \(Self.grouped(done)) in this run in \(Self.seconds(seconds))"
        if seconds > 0 { text += ", \(Self.grouped(Int(Double(done) / seconds))) msgs/s" }
        show(text)
        if shownOnTerminal { stream.write("\n") }
    }

    private func show(_ text: String) {
        if case .terminal = style {
            // Clear to the end of the line: the new text may be shorter than the old.
            stream.write("\r" + text + "\u{1B}[K")
            shownOnTerminal = true
        } else {
            stream.write(text + "\n")
        }
    }

    private func line(entries: Int, bytes: Int, now: Double) -> String {
        let elapsed = max(now - started, 1e-6)
        let rate = Double(entries - startingEntries) / elapsed
        var text = "reprocess: \(Self.grouped(entries))"
        var remaining: Double?
        if let totalBytes, totalBytes > 0 {
            text += " \(entries == 1 ? "entry" : "entries"), \(Self.size(bytes, of: totalBytes)) (\(Self.percent(bytes, totalBytes)))"
            let byteRate = Double(bytes - startingBytes) / elapsed
            if byteRate > 0 { remaining = Double(max(0, totalBytes - bytes)) / byteRate }
        } else if let totalEntries, totalEntries > 0 {
            text += "/\(Self.grouped(totalEntries)) entries (\(Self.percent(entries, totalEntries)))"
            if rate > 0 { remaining = Double(max(0, totalEntries - entries)) / rate }
        } else {
            text += entries == 1 ? " entry" : " entries"
        }
        text += ", \(Self.grouped(Int(rate))) msgs/s"
        if let remaining { text += ", ETA \(Self.clock(remaining))" }
        return text
    }

    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return (number < 0 ? "-" : "") + out
    }

    private static func percent(_ part: Int, _ whole: Int) -> String {
        "\(min(100, part * 100 / max(1, whole)))%"
    }

    /// `12.3/2,048.0 MB`, or in KB when the total is under a megabyte.
    private static func size(_ bytes: Int, of total: Int) -> String {
        let (unit, name) = total >= 1_000_000 ? (100_000, "MB") : (100, "KB")
        func tenths(_ value: Int) -> String { "\(grouped(value / unit / 10)).\(value / unit % 10)" }
        return "\(tenths(bytes))/\(tenths(total)) \(name)"
    }

    private static func seconds(_ value: Double) -> String {
        value < 60 ? "\(Int(value * 10) / 10).\(Int(value * 10) % 10) s" : clock(value)
    }

    private static func clock(_ value: Double) -> String {
        let total = Int(value.rounded())
        let (hours, minutes, seconds) = (total / 3600, total / 60 % 60, total % 60)
        let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return hours > 0 ? "\(hours):\(two(minutes)):\(two(seconds))" : "\(minutes):\(two(seconds))"
    }
}
