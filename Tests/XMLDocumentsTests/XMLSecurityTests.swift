import Testing
import XMLDocuments

@Suite struct XMLSecurityTests {
    static let entityRefusal = "entity declarations are not allowed in mailroute files"

    @Test func externalEntityIsRefusedAndNeverRead() throws {
        let text = "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>"
        let diagnostics = try #require(malformedDiagnostics(text, name: "xxe.xml"))
        #expect(diagnostics.map(\.description) == ["xxe.xml:1:14: error: \(Self.entityRefusal)"])
        #expect(!diagnostics.description.contains("root:"))
    }

    @Test func externalParameterEntityIsRefused() throws {
        let text = "<!DOCTYPE r [\n  <!ENTITY % p SYSTEM \"file:///etc/passwd\">\n  %p;\n]>\n<r/>"
        let diagnostics = try #require(malformedDiagnostics(text, name: "pe.xml"))
        #expect(diagnostics.map(\.description) == ["pe.xml:2:3: error: \(Self.entityRefusal)"])
    }

    @Test func externalDTDIsRefused() throws {
        let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE r SYSTEM \"file:///etc/passwd\">\n<r/>"
        let diagnostics = try #require(malformedDiagnostics(text, name: "dtd.xml"))
        #expect(diagnostics.map(\.description) == [
            "dtd.xml:2:1: error: document type declarations (DOCTYPE) are not allowed in mailroute files"
        ])
    }

    @Test func billionLaughsIsRefused() throws {
        var lines = ["<?xml version=\"1.0\"?>", "<!DOCTYPE lolz [", " <!ENTITY lol \"lol\">"]
        var previous = "lol"
        for level in 1...9 {
            lines.append(" <!ENTITY lol\(level) \"\(String(repeating: "&\(previous);", count: 10))\">")
            previous = "lol\(level)"
        }
        lines += ["]>", "<lolz>&lol9;</lolz>"]
        let diagnostics = try #require(malformedDiagnostics(lines.joined(separator: "\n"), name: "lol.xml"))
        #expect(diagnostics.map(\.description) == ["lol.xml:3:2: error: \(Self.entityRefusal)"])
    }

    @Test func quadraticBlowupIsRefused() throws {
        let entity = String(repeating: "a", count: 50_000)
        let text = "<!DOCTYPE r [<!ENTITY a \"\(entity)\">]>\n<r>\(String(repeating: "&a;", count: 50_000))</r>"
        let diagnostics = try #require(malformedDiagnostics(text, name: "quad.xml"))
        #expect(diagnostics.map(\.description) == ["quad.xml:1:14: error: \(Self.entityRefusal)"])
    }

    @Test func documentsAboveTheSizeLimitAreRefusedBeforeParsing() {
        #expect(XMLParsingLimits.standard.maximumDocumentBytes == 16 * 1024 * 1024)
        let small = XMLParsingLimits(maximumDocumentBytes: 64)
        let text = "<r>" + String(repeating: "x", count: 62) + "</r>"
        #expect(throws: XMLError.tooLarge(file: "big.xml", byteCount: 69, limit: 64)) {
            try parse(text, name: "big.xml", limits: small)
        }
        let path = Fixtures.path("rules.xml")
        let error = #expect(throws: XMLError.self) { try XMLDocument(contentsOf: path, limits: small) }
        guard case .tooLarge(path, let byteCount, 64) = error else {
            Issue.record("expected tooLarge naming the file, got \(String(describing: error))")
            return
        }
        #expect(byteCount > 64)
    }

    @Test func standardLimitRefusesSeventeenMebibytes() {
        let bytes = [UInt8](repeating: UInt8(ascii: " "), count: 17 * 1024 * 1024)
        let error = #expect(throws: XMLError.self) {
            try XMLDocument(bytes: bytes, displayName: "huge.xml")
        }
        guard case .tooLarge(let file, let byteCount, _) = error else {
            Issue.record("expected tooLarge, got \(String(describing: error))")
            return
        }
        #expect(file == "huge.xml" && byteCount == bytes.count)
    }
}
