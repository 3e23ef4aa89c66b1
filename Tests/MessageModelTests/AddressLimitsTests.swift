import MessageModel
import Testing

/// Hostile and oversized fields: the parser must finish, keep what the limits
/// allow, and say so in a bounded number of defects.

/// The parser lists at most this many `.invalidAddress` defects per field (the last one says more were found).
let problemsListedPerField = 50

func invalidAddressDefects(_ defects: [Defect]) -> [Defect] {
    defects.filter { $0.kind == .invalidAddress }
}

func numberedAddresses(_ count: Int) -> String {
    (0..<count).map { "\"User \($0)\" <user\($0)@example\($0 % 97).com>" }.joined(separator: ", ")
}

@Test func hundredThousandAddressesAreAllKeptWhenTheLimitAllows() {
    let (list, defects) = parseTo(numberedAddresses(100_000), limits: ParseLimits(maximumAddresses: 100_000))
    #expect(list.addresses.count == 100_000)
    #expect(list.addresses.last == Address(displayName: "User 99999", localPart: "user99999", domain: "example89.com"))
    #expect(defects.isEmpty)
}

@Test func addressesBeyondTheLimitAreDroppedWithOneDefect() {
    let (list, defects) = parseTo(numberedAddresses(100_000))
    #expect(list.addresses.count == ParseLimits.standard.maximumAddresses)
    #expect(list.addresses.last?.localPart == "user9999")
    #expect(defects.map(\.kind) == [.tooManyAddresses])
}

@Test func groupsCountTowardTheLimit() {
    let (list, defects) = parseTo("a@x, Team: b@x, c@x;, d@x", limits: ParseLimits(maximumAddresses: 3))
    #expect(list.entries == [mailbox(nil, "a", "x"), .group(name: "Team", members: [member(nil, "b", "x")])])
    #expect(defects.map(\.kind) == [.tooManyAddresses])
}

@Test func aFieldAtTheLimitRaisesNoDefect() {
    let (list, defects) = parseTo("a@x, b@x", limits: ParseLimits(maximumAddresses: 2))
    #expect(list.addresses.count == 2)
    #expect(defects.isEmpty)
}

@Test func hundredThousandNestedParenthesesDoNotExhaustTheStack() {
    let depth = 100_000
    let open = String(repeating: "(", count: depth)
    let close = String(repeating: ")", count: depth)

    let closed = parseTo(open + "x" + close + " a@b")
    #expect(closed.list.entries == [mailbox(nil, "a", "b")])
    #expect(closed.defects.isEmpty)

    let unclosed = parseTo(open + "a@b")
    #expect(unclosed.list.isEmpty)
    #expect(invalidAddressDefects(unclosed.defects).count == 1)

    let asComment = parseTo("a@b " + open + "x" + close)
    let name = asComment.list.addresses.first?.comment ?? ""
    #expect(name.utf8.count == 2 * depth - 1)
    #expect(name.hasPrefix(String(repeating: "(", count: depth - 1) + "x"))
}

@Test func tenMegabytesOfRandomBytesEndWithBoundedDefects() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    var block: [UInt8] = []
    for _ in 0..<65_536 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        block.append(UInt8(truncatingIfNeeded: state >> 33))
    }
    let junk = String(repeating: String(decoding: block, as: UTF8.self), count: 10_000_000 / block.count)
    #expect(junk.utf8.count >= 10_000_000)
    let (list, defects) = parseTo(junk)
    #expect(list.addresses.count <= ParseLimits.standard.maximumAddresses)
    #expect(invalidAddressDefects(defects).count == problemsListedPerField)
}

@Test func tenMegabytesOfSpecialsGiveNoAddress() {
    let chunk = "]>)@.\u{1}\\<>@@ ;"
    let junk = String(repeating: chunk, count: 10_000_000 / chunk.utf8.count)
    let (list, defects) = parseTo(junk)
    #expect(list.isEmpty)
    #expect(invalidAddressDefects(defects).count == problemsListedPerField)
    #expect(defects.last?.detail.contains("not listed") == true)
}

@Test func addressesInsideJunkAreRecognised() {
    let chunk = "]]> @@ <<x@y>> \u{1} "
    let (list, _) = parseTo(String(repeating: chunk, count: 1_000))
    #expect(list.addresses.count == 1_000)
    #expect(list.addresses.allSatisfy { $0.addrSpec == "x@y" })
}

/// Patterns that make naive parsers quadratic or deeply recursive, 256 KB each:
/// enough that a quadratic parser would not finish.
let hostilePatterns: [String] = [
    "a@", "a.", "a ", "a, ", "<", "\\\"", "\"a\" ", "=?", "=?a?q?", "[", ")", ":", "a:;", "@,",
]

@Test("256 KB of one hostile pattern", arguments: hostilePatterns)
func hostilePatternRepeated(_ pattern: String) {
    let value = String(repeating: pattern, count: 262_144 / pattern.utf8.count)
    let (list, defects) = parseTo(value)
    #expect(list.entries.count <= ParseLimits.standard.maximumAddresses)
    #expect(invalidAddressDefects(defects).count <= problemsListedPerField)
    #expect(defects.filter { $0.kind == .tooManyAddresses }.count <= 1)
    #expect(defects.allSatisfy { $0.location == "To" })
}
