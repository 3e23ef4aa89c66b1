import Testing
import XMLDocuments

@Suite struct ConcurrentParsingTests {
    /// Each task parses its own document, half of them malformed; if libxml2's
    /// per-thread error handlers leaked between threads, a task would see
    /// another's errors or lose its own.
    @Test func parallelParsesKeepTheirOwnResultsAndErrors() async {
        let outcomes = await withTaskGroup(of: (Int, String).self) { group in
            for index in 0..<40 {
                group.addTask {
                    let name = "doc\(index).xml"
                    if index.isMultiple(of: 2) {
                        let text = "<r n='\(index)'>" + String(repeating: "<item/>", count: 200) + "</r>"
                        let parsed = try? parse(text, name: name)
                        return (index, "\(parsed?.root[attribute: "n"] ?? "?") \(parsed?.root.children.count ?? 0)")
                    }
                    let diagnostics = malformedDiagnostics("<r>\n<open\(index)>\n</r>", name: name) ?? []
                    return (index, diagnostics.map(\.description).joined(separator: "|"))
                }
            }
            var collected: [Int: String] = [:]
            for await (index, outcome) in group { collected[index] = outcome }
            return collected
        }
        for index in 0..<40 {
            if index.isMultiple(of: 2) {
                #expect(outcomes[index] == "\(index) 200")
            } else {
                #expect(
                    outcomes[index]
                        == "doc\(index).xml:3:5: error: Opening and ending tag mismatch: open\(index) line 2 and r|"
                        + "doc\(index).xml:3:5: error: Premature end of data in tag r line 1")
            }
        }
    }

    @Test func oneSchemaValidatesFromManyTasks() async throws {
        let schema = try XMLSchema(contentsOf: Fixtures.path("routing.rng"))
        let counts = await withTaskGroup(of: Int.self) { group in
            for index in 0..<16 {
                group.addTask {
                    let file = index.isMultiple(of: 2) ? "valid-rules.xml" : "invalid-rules.xml"
                    return (try? schema.validate(contentsOf: Fixtures.path(file)).count) ?? -1
                }
            }
            var counts: [Int] = []
            for await count in group { counts.append(count) }
            return counts.sorted()
        }
        #expect(counts == Array(repeating: 0, count: 8) + Array(repeating: 4, count: 8))
    }
}
