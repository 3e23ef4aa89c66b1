/// Durations written as Genesys writes them: `hh:mm:ss`, two digits each,
/// minutes and seconds below 60 (`00:05:00` is five minutes, `36:00:00` a day
/// and a half).
public enum ClockDuration {
    /// The duration `text` stands for; nil unless it is exactly `hh:mm:ss`
    /// (no signs, spaces, fractions or missing fields).
    public static func parse(_ text: String) -> Duration? {
        let bytes = Array(text.utf8)
        guard bytes.count == 8, bytes[2] == UInt8(ascii: ":"), bytes[5] == UInt8(ascii: ":") else { return nil }
        func field(_ start: Int) -> Int? {
            let tens = bytes[start], ones = bytes[start + 1]
            guard (48...57).contains(tens), (48...57).contains(ones) else { return nil }
            return Int(tens - 48) * 10 + Int(ones - 48)
        }
        guard let hours = field(0), let minutes = field(3), let seconds = field(6), minutes < 60, seconds < 60 else {
            return nil
        }
        return .seconds(hours * 3600 + minutes * 60 + seconds)
    }

    /// `duration` as `hh:mm:ss`, fractions of a second dropped; hours beyond
    /// 99 take more digits.
    public static func format(_ duration: Duration) -> String {
        let total = max(duration.components.seconds, 0)
        func twoDigits(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(twoDigits(total / 3600)):\(twoDigits(total / 60 % 60)):\(twoDigits(total % 60))"
    }
}
