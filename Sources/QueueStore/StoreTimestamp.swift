import Glibc

/// A moment in UTC to the millisecond: when a message was received.
public struct StoreTimestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public let unixMilliseconds: Int64

    /// The moment `unixMilliseconds` after the epoch.
    public init(unixMilliseconds: Int64) {
        self.unixMilliseconds = unixMilliseconds
    }

    /// The current time of the system clock.
    public static func now() -> StoreTimestamp {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return StoreTimestamp(unixMilliseconds: Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000)
    }

    /// Whole seconds since the epoch, as Maildir file names start.
    public var unixSeconds: Int64 {
        unixMilliseconds >= 0 ? unixMilliseconds / 1000 : (unixMilliseconds - 999) / 1000
    }

    /// Earlier first.
    public static func < (lhs: StoreTimestamp, rhs: StoreTimestamp) -> Bool {
        lhs.unixMilliseconds < rhs.unixMilliseconds
    }

    /// RFC 3339 in UTC with milliseconds: `2024-05-01T09:30:00.250Z`.
    /// (Written digit by digit: every stored message's sidecar carries one.)
    public var description: String {
        let seconds = unixSeconds
        let milliseconds = unixMilliseconds - seconds * 1000
        var days = seconds / 86_400
        var secondOfDay = seconds % 86_400
        if secondOfDay < 0 {
            secondOfDay += 86_400
            days -= 1
        }
        let (year, month, day) = Self.civilDate(daysSinceEpoch: days)
        guard (0...9999).contains(year) else {
            // Outside four-digit years (never a real receipt time), the plain form.
            func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
            return "\(year)-\(two(month))-\(two(day))T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):"
                + "\(two(secondOfDay % 60)).\(String(milliseconds + 1000).dropFirst())Z"
        }
        var text: [UInt8] = Array("0000-00-00T00:00:00.000Z".utf8)
        func put(_ value: Int64, at end: Int, width: Int) {
            var value = value
            for index in stride(from: end, to: end - width, by: -1) {
                text[index] += UInt8(value % 10)
                value /= 10
            }
        }
        put(year, at: 3, width: 4)
        put(month, at: 6, width: 2)
        put(day, at: 9, width: 2)
        put(secondOfDay / 3600, at: 12, width: 2)
        put(secondOfDay / 60 % 60, at: 15, width: 2)
        put(secondOfDay % 60, at: 18, width: 2)
        put(milliseconds, at: 22, width: 3)
        return String(decoding: text, as: UTF8.self)
    }

    /// The proleptic Gregorian date of a day count (Howard Hinnant's `civil_from_days`).
    private static func civilDate(daysSinceEpoch: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
