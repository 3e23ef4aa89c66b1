import MessageModel
import Pipeline
@testable import QueueStore
import Testing

/// Header edits are applied to the raw bytes with the rule language's
/// meaning, keeping everything else as it was.
@Suite struct HeaderEditorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let input: String
        let edits: [HeaderEdit]
        let output: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "add goes at the end of the header, with LF line ends",
            input: "From: a@x\nSubject: s\n\nbody\n", edits: [.add(name: "X-A", value: "1")],
            output: "From: a@x\nSubject: s\nX-A: 1\n\nbody\n"),
        Case(
            name: "set replaces every occurrence, folded ones included, ignoring case; CRLF kept",
            input: "X-A: 1\r\nFrom: a@x\r\nx-a: 2\r\n  folded\r\n\r\nbody\r\n", edits: [.set(name: "X-A", value: "3")],
            output: "From: a@x\r\nX-A: 3\r\n\r\nbody\r\n"),
        Case(
            name: "remove drops every occurrence and nothing else",
            input: "A: 1\nB: 2\nA: 3\n\nA: not a header\n", edits: [.remove(name: "a")],
            output: "B: 2\n\nA: not a header\n"),
        Case(
            name: "edits apply in order: a later remove takes an earlier add",
            input: "A: 1\n\nb\n", edits: [.add(name: "X", value: "1"), .remove(name: "X"), .add(name: "Y", value: "2")],
            output: "A: 1\nY: 2\n\nb\n"),
        Case(
            name: "a header-only message without a final newline",
            input: "Subject: s", edits: [.add(name: "X", value: "1")],
            output: "Subject: s\r\nX: 1\r\n"),
        Case(
            name: "line breaks in a value become spaces",
            input: "A: 1\n\nb", edits: [.add(name: "X", value: "one\r\ntwo\nthree")],
            output: "A: 1\nX: one  two three\n\nb"),
        Case(
            name: "no edits: the same bytes",
            input: "A: 1\r\n\r\nb", edits: [],
            output: "A: 1\r\n\r\nb"),
    ]

    @Test(arguments: cases) func editsApplyToTheRawHeader(_ testCase: Case) {
        let result = HeaderEditor.apply(testCase.edits, to: Array(testCase.input.utf8))
        #expect(String(decoding: result, as: UTF8.self) == testCase.output)
    }

    /// A long value outside ASCII becomes several encoded words, folded, that
    /// decode back to the text, without splitting a character.
    @Test func nonASCIIValuesBecomeEncodedWords() {
        let value = String(repeating: "Grüße, 東京 ", count: 8)
        let result = HeaderEditor.apply([.add(name: "X-Note", value: value)], to: Array("A: 1\r\n\r\nb\r\n".utf8))
        let text = String(decoding: result, as: UTF8.self)
        #expect(text.contains("X-Note: =?UTF-8?B?") && text.contains("?=\r\n =?UTF-8?B?"))
        for line in text.split(separator: "\r\n") { #expect(line.utf8.count <= 78) }
        let header = Message(bytes: result).header
        #expect(header.first(named: "X-Note")?.decodedValue == value)
    }
}
