@testable import POP3
import Testing

@Suite struct ListingTests {
    @Test(arguments: [
        ("1 120", 1, 120, "120"),
        ("7\t0", 7, 0, "0"),
        ("2 -5", 2, nil, "-5"),
        ("3 lots", 3, nil, "lots"),
        ("4", 4, nil, ""),
        ("5 99999999999999999999999", 5, nil, "99999999999999999999999"),
    ] as [(String, Int, Int?, String)])
    func badSizesAreUnknownNotErrors(line: String, number: Int, size: Int?, text: String) throws {
        let listing = try #require(POP3Listing(line: line))
        #expect(listing.number == number)
        #expect(listing.size == size)
        #expect(listing.sizeText == text)
    }

    @Test(arguments: ["", "x 12", "0 12", "-1 12"])
    func linesWithoutAMessageNumberAreRefused(line: String) {
        #expect(POP3Listing(line: line) == nil)
        #expect(POP3UniqueID(line: line) == nil)
    }

    @Test func readsUniqueIDs() throws {
        let entry = try #require(POP3UniqueID(line: "2 QhdPYR:00WBw1Ph7x7"))
        #expect(entry == POP3UniqueID(number: 2, id: "QhdPYR:00WBw1Ph7x7"))
        #expect(POP3UniqueID(line: "3") == nil)
    }

    @Test func readsStatus() {
        #expect(POP3MaildropStatus(replyText: "2 320") == POP3MaildropStatus(messageCount: 2, totalOctets: 320))
        #expect(POP3MaildropStatus(replyText: "2") == nil)
        #expect(POP3MaildropStatus(replyText: "-1 30") == nil)
    }
}
