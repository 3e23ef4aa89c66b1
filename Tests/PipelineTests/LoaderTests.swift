import Pipeline
import Rules
import Testing

@Suite struct LoaderTests {
    @Test func routingFixtureLoads() throws {
        let result = Support.load("routing.xml")
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
        let pipeline = try #require(result.pipeline)
        #expect(pipeline.stages.map { type(of: $0).elementName }
            == ["size-check", "recipient-copies", "tagging", "force-default-queue", "routing"])
        #expect(pipeline.mailboxes.count == 10)
        #expect(pipeline.needs == [.structure, .body])
        #expect(pipeline.messageScope == .structure)
        #expect(result.diagnostics.map(\.description) == [
            Support.fixtures + "routing.xml:16:3: warning: endpoint \"nowhere\" of mailbox \"sales\" is not defined; its messages go to queue \"support\""
        ])
    }

    @Test func everyLintProblemIsReportedInFileOrder() {
        let file = Support.fixtures + "lint-errors.xml"
        let result = Support.load("lint-errors.xml")
        #expect(result.pipeline == nil)
        let expected = [
            "3:3: error: cannot include \(Support.fixtures)missing.xml: No such file or directory",
            "4:11: error: default-inbound names queue \"nowhere\", which is not defined; the queues are support",
            "8:5: error: endpoint \"default\" names queue \"ghost\", which is not defined; the queues are support",
            "10:46: error: inbound-msg-copy-limit is 60; valid values are 1 to 50",
            "11:3: error: mailbox \"a\" is already defined at \(file):10:3",
            "12:21: error: mailbox address a@acme.example is already used by mailbox \"a\" at \(file):10:3",
            "15:50: error: pattern \"(unclosed\" does not compile at offset 9: missing closing parenthesis",
            "16:25: error: <route> in rule \"r2\" runs in <tagging> at \(file):14:5; only rules in <routing> can route (use <force-default-queue/> or a tag here)",
            "17:12: error: rule set \"absent\" is not defined; no <rule-set> is defined",
            "21:46: error: ${what} is not a known reference: no regex of rule \"r2\" has a group named what",
            "22:7: warning: rule \"r3\" is never reached in <routing>: rule \"stopper\" at \(file):20:7 has no conditions and stops",
            "22:25: error: endpoint \"nobody\" is not defined; the endpoints are default",
            "23:7: error: rule id \"stopper\" is already used at \(file):20:7; rule ids must be unique",
            "23:7: warning: rule \"stopper\" is never reached in <routing>: rule \"stopper\" at \(file):20:7 has no conditions and stops",
        ].map { "\(file):\($0)" }
        #expect(result.diagnostics.map(\.description) == expected)
    }

    @Test func includeCycleNamesTheChain() {
        let result = Support.load("cycle-a.xml")
        let a = Support.fixtures + "cycle-a.xml", b = Support.fixtures + "cycle-b.xml"
        #expect(result.diagnostics.map(\.description) == ["\(b):2:12: error: include cycle: \(a) -> \(b) -> \(a)"])
        #expect(result.pipeline == nil)
    }

    static let broken: [(String, [String])] = [
        ("empty.xml", ["1:1: error: the rule file has no <pipeline>, so no message would be routed; add <pipeline> with the stages to run, such as <routing>",
                       "1:1: error: the rules define no <mailbox>; every message needs a mailbox profile for its default queue"]),
        ("version2.xml", ["1:8: error: version is \"2\"; this mailroute reads rule files of version 1"]),
        ("nowhere.xml", ["3:3: error: mailbox \"m\" has nowhere to route: it has no default-queue, the endpoint \"default\" "
                         + "is not defined, and <queues> has no default-inbound"]),
    ]

    @Test(arguments: broken)
    func brokenFile(_ name: String, _ expected: [String]) {
        let result = Support.load(name)
        #expect(result.pipeline == nil)
        #expect(result.diagnostics.map(\.description) == expected.map { Support.fixtures + name + ":" + $0 })
    }

    @Test func malformedXMLIsReportedWithItsLine() {
        let result = Support.load("malformed.xml")
        #expect(result.pipeline == nil)
        let file = Support.fixtures + "malformed.xml"
        #expect(result.diagnostics.map(\.description) == [
            "\(file):3:9: error: Opening and ending tag mismatch: pipeline line 2 and rules",
            "\(file):4:1: error: Premature end of data in tag rules line 1",
        ])
    }

    @Test func missingRootFile() {
        let result = Support.load("does-not-exist.xml")
        #expect(result.pipeline == nil)
        #expect(result.diagnostics.map(\.description)
            == ["\(Support.fixtures)does-not-exist.xml:1:1: error: cannot read the rule file: No such file or directory"])
    }
}
