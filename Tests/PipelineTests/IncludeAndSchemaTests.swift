import Pipeline
import Rules
import Testing
import XMLDocuments

@Suite struct IncludeAndSchemaTests {
    @Test func schemaViolationsAreReportedOnceAndOtherChecksStillRun() throws {
        let schema = try XMLSchema(contentsOf: Support.fixtures + "schema.rng")
        let result = RuleSetLoader(schema: schema).load(Support.fixtures + "schema-invalid.xml")
        #expect(result.pipeline == nil)
        // The schema's complaint about the nameless queue stands in for the loader's own on
        // line 2; the range check on line 3 is the loader's.
        let file = Support.fixtures + "schema-invalid.xml"
        #expect(result.diagnostics.map(\.description) == [
            "\(file):2:60: error: Element queue failed to validate attributes",
            "\(file):3:46: error: inbound-msg-copy-limit is 99; valid values are 1 to 50",
        ])
    }

    @Test func includedFilesAreMergedOnceAndTheirPipelineIgnored() throws {
        let result = Support.load("with-library.xml")
        let library = Support.fixtures + "shared/library.xml"
        #expect(result.diagnostics.map(\.description) == [
            "\(library):6:3: warning: this <pipeline> is ignored: only the pipeline of the file named on the command line runs"
        ])
        let pipeline = try #require(result.pipeline)
        let decision = pipeline.process(message: Support.message("X-Lib: 1\nSubject: x\n\nbody\n"))
        #expect(decision.interactions.first?.queue == "from-library")
    }

    @Test func zeroByteFileIsAnErrorNotACrash() {
        let result = Support.load("zero-bytes.xml")
        #expect(result.pipeline == nil)
        #expect(result.diagnostics.contains { $0.severity == .error })
    }
}

@Suite struct LintSeveralFilesTests {
    @Test func sharedIncludesAreReportedOnce() {
        let loader = RuleSetLoader()
        let diagnostics = loader.lint([Support.fixtures + "with-library.xml", Support.fixtures + "with-library.xml", Support.fixtures + "version2.xml"])
        #expect(diagnostics.map { "\($0.location.file.split(separator: "/").last ?? ""):\($0.location.line):\($0.severity)" }
            == ["library.xml:6:warning", "version2.xml:1:error"])
    }
}
