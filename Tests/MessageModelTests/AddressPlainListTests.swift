@testable import MessageModel
import Testing

/// The reading of plain address fields (`readPlainList`) must give exactly
/// what the full reader gives, entries and defects alike, whenever it takes
/// a field; anything else it must leave to the full reader.
@Suite struct AddressPlainListTests {
    /// Every field the other address tests read, and variations on the plain forms.
    static let inputs: [String] = {
        var inputs = (standardForms + brokenForms + groupForms + routeAndObsoleteForms).map(\.input)
        inputs += corpusFields.map(\.value) + decodedDisplayNames.map(\.value) + hostilePatterns.map { String($0.prefix(2_000)) }
        let mailboxes = [
            "a@b", "john.doe@example.com", "J <j@x>", "John Doe <john.doe@example.com>", "\"Doe, John\" <j@x.y>",
            "=?utf-8?Q?Ren=C3=A9?= <r@x>", "=?iso-8859-1?B?Q2hsb+kgTm924Ws=?= <chlo@bigcustomer.example>",
            "=?utf-8?Q?a,b?= <a@b>", "Jörg <j@x>", "<a@b>", "a.b.c@d.e.f", "\"\" <a@b>", "\"a\\\"b\" <a@b>",
            "a @b", "a@ b", "a. b@c", "a .b@c", "a@b .c", "a@b. c", "a@b.", ".a@b", "a..b@c", "a@b..c", "a@[1.2.3.4]",
            "a@b (comment)", "(c) a@b", "J (x) <a@b>", "J <a@b> (x)", "J <a (x)@b>", "J <@r:a@b>", "J <a@b@c>",
            "J <a@b", "J a@b>", "J\t\t<a@b>", "J  K <a@b>", "\"J\"K <a@b>", "J\"K\" <a@b>", "J. K <a@b>", "g: a@b;",
            "a@b;", "undisclosed", "a", "", " ", ",", "a@b,", "a@b, ,c@d", ", a@b", "a@b\t", " a@b ", "a\u{FFFD}@b",
        ]
        inputs += mailboxes
        for first in mailboxes.prefix(12) {
            for (index, second) in mailboxes.enumerated() where index % 6 == first.utf8.count % 6 {
                inputs.append("\(first), \(second)")
            }
            inputs.append("\(first),\(first) ,  \(first)")
        }
        return inputs
    }()

    @Test func plainReadingAgreesWithTheFullReader() {
        var plain = 0
        for input in Self.inputs {
            var text = input
            text.withUTF8 { bytes in
                for limits in [ParseLimits.standard, ParseLimits(maximumAddresses: 1)] {
                    var full = AddressParser.Reader(bytes, field: "To", limits: limits)
                    let expected = full.readList(inGroup: false)
                    var reader = AddressParser.Reader(bytes, field: "To", limits: limits)
                    guard let entries = reader.readPlainList() else {
                        // Left as it was for the full reader.
                        #expect(reader.readList(inGroup: false) == expected, "\(input)")
                        #expect(reader.defects == full.defects, "\(input)")
                        continue
                    }
                    plain += 1
                    #expect(entries.map(AddressList.Entry.mailbox) == expected, "\(input)")
                    #expect(reader.defects == full.defects, "\(input)")
                }
            }
        }
        // The plain forms must be taken, or the test shows nothing.
        #expect(plain > 100)
    }

    /// The tokenizer's shortcut for atom bytes agrees with the class table on every byte.
    @Test func atomBytesAreTheAtomClass() {
        for byte in UInt8.min...UInt8.max {
            var isAtom = false
            if case .atom = AddressParser.byteClass(byte) { isAtom = true }
            #expect(AddressParser.isAtomByte(byte) == isAtom, "\(byte)")
        }
    }

    /// A field reads its value in place when it can; the result is the parse of its unfolded value.
    @Test func fieldsReadTheirAddressesLikeTheParser() {
        for input in Self.inputs + ["a@b,\r\n c@d", "J\r\n <a@b>", "\u{E9}@b"] {
            let message = Message(bytes: Array("To: \(input)\r\n\r\n".utf8) + [0xE9], scope: .header)
            guard let field = message.header.first(named: "To") else { continue }
            var fieldDefects: [Defect] = []
            var parserDefects: [Defect] = []
            let list = field.addressList(defects: &fieldDefects)
            #expect(list == AddressParser.parse(field.unfoldedValue, field: "To", defects: &parserDefects), "\(input)")
            #expect(fieldDefects == parserDefects, "\(input)")
            // The flat reading rules use: the same mailboxes, the same defects.
            var flatDefects: [Defect] = []
            #expect(field.addresses(defects: &flatDefects) == list.addresses, "\(input)")
            #expect(flatDefects == fieldDefects, "\(input)")
        }
    }

    /// An addr-spec is the local part (quoted when it must be), `@` and the domain.
    @Test func addrSpecJoinsItsParts() {
        let cases: [(Address, String)] = [
            (Address(localPart: "john.doe", domain: "example.com"), "john.doe@example.com"),
            (Address(localPart: "john doe", domain: "example.com"), "\"john doe\"@example.com"),
            (Address(localPart: "a\"b", domain: "x"), "\"a\\\"b\"@x"),
            (Address(localPart: "jörg.müller-lüdenscheid", domain: "bücher.example"), "jörg.müller-lüdenscheid@bücher.example"),
            (Address(localPart: "undisclosed", domain: nil), "undisclosed"),
            (Address(localPart: "", domain: nil), "<>"),
            (Address(localPart: "", domain: "x"), "\"\"@x"),
            (Address(localPart: "a", domain: ""), "a@"),
        ]
        for (address, expected) in cases {
            #expect(address.addrSpec == expected)
            #expect(address.addrSpec.utf8.elementsEqual(expected.utf8))
        }
    }
}
