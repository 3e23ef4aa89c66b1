@testable import POP3
import Testing

@Suite struct DotStuffingTests {
    /// Appends `line` after some earlier content and settles it, as the client does.
    func settle(_ line: String) -> (DotStuffing.Line, String) {
        var buffer = Array("Earlier\r\n".utf8)
        let start = buffer.count
        buffer += Array(line.utf8)
        let result = DotStuffing.settle(&buffer, lineStart: start)
        return (result, String(decoding: buffer[start...], as: UTF8.self))
    }

    @Test(arguments: [
        (".\r\n", DotStuffing.Line.terminator, ""),
        (".\n", .terminator, ""),
        ("..\r\n", .content, ".\r\n"),
        ("...and more\r\n", .content, "..and more\r\n"),
        (".hidden\r\n", .content, "hidden\r\n"),
        ("plain line\r\n", .content, "plain line\r\n"),
        ("\r\n", .content, "\r\n"),
        (". \r\n", .content, " \r\n"),
    ])
    func unstuffsOneLine(line: String, kind: DotStuffing.Line, left: String) {
        let (result, rest) = settle(line)
        #expect(result == kind)
        #expect(rest == left)
    }

    @Test func earlierContentIsUntouched() {
        var buffer = Array("a\r\n..b\r\n".utf8)
        #expect(DotStuffing.settle(&buffer, lineStart: 3) == .content)
        #expect(buffer == Array("a\r\n.b\r\n".utf8))
    }
}
