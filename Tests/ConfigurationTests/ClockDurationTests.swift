import Configuration
import Testing

/// `hh:mm:ss`, the form of every Genesys time option.
@Suite struct ClockDurationTests {
    static let good: [(String, Int64)] = [
        ("00:00:00", 0), ("00:00:30", 30), ("00:05:00", 300), ("01:00:00", 3600), ("23:59:59", 86399),
        ("24:00:00", 86400), ("99:59:59", 359_999),
    ]

    @Test(arguments: good)
    func wellFormedDurations(_ text: String, _ seconds: Int64) {
        #expect(ClockDuration.parse(text) == .seconds(seconds))
        #expect(ClockDuration.format(.seconds(seconds)) == text)
    }

    static let bad = [
        "", "30", "5:00", "0:05:00", "00:5:00", "00:05:0", "00:60:00", "00:00:60", "-0:05:00", "00:05:00 ",
        " 00:05:00", "00-05-00", "00:05:00.5", "000:05:00", "１２:00:00", "aa:bb:cc", "00:05", "00:00:00:00",
    ]

    @Test(arguments: bad)
    func malformedDurationsAreRefused(_ text: String) {
        #expect(ClockDuration.parse(text) == nil)
    }

    @Test func formattingDropsFractionsAndWidensLongHours() {
        #expect(ClockDuration.format(.milliseconds(1500)) == "00:00:01")
        #expect(ClockDuration.format(.seconds(100 * 3600 + 61)) == "100:01:01")
    }
}
