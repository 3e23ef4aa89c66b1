import Pipeline
@testable import QueueStore
import Testing
import XMLDocuments

/// The sidecar writer's fast paths (eight bytes scanned at a time, runs
/// copied whole, digits without a `String`, trace entries streamed) give
/// exactly the bytes of the plain byte-by-byte definition.
@Suite struct JSONTextTests {
    /// JSON string content the plain way: one byte at a time.
    static func plain(_ text: String) -> [UInt8] {
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case 0x22: out += Array(#"\""#.utf8)
            case 0x5C: out += Array(#"\\"#.utf8)
            case 0x0A: out += Array(#"\n"#.utf8)
            case 0x0D: out += Array(#"\r"#.utf8)
            case 0x09: out += Array(#"\t"#.utf8)
            case 0..<0x20, 0x7F: out += Array(#"\u00"#.utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        return out
    }

    static func written(_ text: String) -> [UInt8] {
        var json = JSONText(capacity: 0)
        json.write(text)
        return json.bytes
    }

    /// Every ASCII byte (and non-ASCII text) at every position around the
    /// eight-byte words, in strings of every length up to 40.
    @Test func everyByteAtEveryPositionIsEscapedAsThePlainWay() {
        let specials = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) } + ["é", "🎉", "\u{80}", "\u{FFFF}"]
        for length in 0...40 {
            for position in 0..<max(length, 1) {
                for special in specials {
                    var text = String(repeating: "a", count: position) + special
                    text += String(repeating: "b", count: max(length - position - 1, 0))
                    #expect(Self.written(text) == Self.plain(text), "\(Array(text.utf8))")
                }
            }
        }
    }

    @Test(arguments: [
        "", "\"", "\\", "\"\"\\\\", "plain text without escapes", "\u{0}\u{1}\u{1F}\u{7F}", "tab\there\r\nline",
        "Grüße aus Köln — ünïcödé 🎉", String(repeating: "long \"quoted\" text\\ ", count: 500), String(repeating: "x", count: 4096),
        "ends with a quote\"", "\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}", "~~~~~~~~!!!!!!!!        ########",
    ])
    func samplesAreEscapedAsThePlainWay(_ text: String) {
        #expect(Self.written(text) == Self.plain(text))
    }

    @Test func digitsAreTheDecimalText() {
        var values: [Int64] = [0, 1, -1, 9, -9, Int64.max, Int64.min, Int64.max - 1, Int64.min + 1]
        var power: Int64 = 1
        while power <= Int64.max / 10 {
            power *= 10
            values += [power - 1, power, power + 1, -(power - 1), -power, -(power + 1)]
        }
        for value in values {
            var json = JSONText(capacity: 0)
            json.digits(value)
            #expect(json.bytes == Array(String(value).utf8))
        }
    }

    /// A trace entry streamed into a sidecar is its description, escaped.
    @Test func traceEntriesStreamTheirDescription() {
        let location = SourceLocation(file: "r\"ules\\.xml", line: 9, column: 5)
        let entries = [
            TraceEntry(stage: "pipeline", note: "no queue decided; the mailbox's default queue inbound"),
            TraceEntry(
                stage: "routing", ruleID: "invoice", location: location, matched: true, decidingElement: "header",
                decidingLocation: SourceLocation(file: "r.xml", line: 11, column: 7), captured: ["T-42", "", "a\"b\nc", "ü🎉"],
                actions: ["route queue billing", "tag x\ty"], note: "n\u{1F}"),
            TraceEntry(stage: "tagging", ruleID: "r\u{7F}", matched: false),
            TraceEntry(stage: "", actions: ["a"]),
        ]
        for entry in entries {
            var json = JSONText(capacity: 0)
            entry.write(to: &json)
            #expect(json.bytes == Self.plain(entry.description))
        }
    }

    /// Keys in order, nulls, numbers, nested objects and arrays, one line.
    @Test func anObjectIsWrittenInOrderOnOneLine() {
        var json = JSONWriter(capacity: 0)
        json.integer("format", 1)
        json.string("id") { id in
            id.write("a/\"b\"")
            id.raw(UInt8(ascii: "/"))
            id.digits(12)
        }
        json.string("none", nil)
        json.integer("nothing", nil)
        json.bool("yes", true)
        json.strings("list", ["x", "y\n"])
        json.strings("empty", [String]())
        json.object("inner") { inner in
            inner.integer("n", -5)
            inner.bool("no", false)
        }
        json.objects("items", [1, 2]) { item, number in item.integer("n", Int64(number)) }
        let expected = #"{"format":1,"id":"a/\"b\"/12","none":null,"nothing":null,"yes":true,"list":["x","y\n"],"empty":[],"#
            + #""inner":{"n":-5,"no":false},"items":[{"n":1},{"n":2}]}"# + "\n"
        #expect(json.finish() == Array(expected.utf8))
    }
}
