import Rules
import Testing

@Suite struct ConditionTests {
    static let cases: [(String, Bool)] = [
        (#"<header name="Subject" contains="Facture n°"/>"#, true),
        (#"<header name="subject" regex="^Facture" />"#, true),
        (#"<header name="Subject" value="raw" starts-with="=?utf-8?Q?"/>"#, true),
        (#"<header name="Subject" value="raw" contains="Facture n°"/>"#, false),
        (#"<header name="X-Missing" regex=".*"/>"#, false),
        (#"<header name="X-Priority" equals="1"/>"#, true),
        (#"<header name="X-Priority" occurrence="all" equals="1"/>"#, false),
        (#"<header name="X-Priority" occurrence="all" regex="^[13]$"/>"#, true),
        (#"<address field="From" equals="Jane.Doe@Customer.example"/>"#, true),
        (#"<address field="From" part="normalized" equals="jane.doe@customer.example"/>"#, true),
        (#"<address field="From" part="domain" equals="customer.example" flags="i"/>"#, true),
        (#"<address field="From" part="local-part" equals="Jane.Doe"/>"#, true),
        (#"<address field="From" part="display-name" equals="Doe, Jane"/>"#, true),
        (#"<address field="To Cc" equals="billing@acme.example"/>"#, true),
        (#"<address field="To" equals="billing@acme.example"/>"#, false),
        (#"<address field="To Cc" occurrence="all" ends-with="@acme.example"/>"#, true),
        (#"<address field="Reply-To" regex=".*"/>"#, false),
        (#"<body contains="pay invoice 4711"/>"#, true),
        (#"<body contains="JVBERi0"/>"#, false),
        (#"<size greater-than="100B"/>"#, true),
        (#"<size less-than="1KB"/>"#, true),
        (#"<size greater-than="1MB"/>"#, false),
        (#"<size greater-than="100B" less-than="200B"/>"#, false),
        (#"<attachment-name ends-with=".pdf"/>"#, true),
        (#"<attachment-name ends-with=".doc"/>"#, false),
        (#"<attachment-type equals="application/pdf"/>"#, true),
        (#"<exists header="message-id"/>"#, true),
        (#"<exists header="List-Id"/>"#, false),
        (#"<mailbox equals="support"/>"#, true),
        (#"<mailbox equals="sales"/>"#, false),
        (#"<tagged name="vip"/>"#, true),
        (#"<tagged name="spam"/>"#, false),
        (#"<all><mailbox equals="support"/><tagged name="vip"/></all>"#, true),
        (#"<all><mailbox equals="support"/><tagged name="spam"/></all>"#, false),
        (#"<any><tagged name="spam"/><exists header="To"/></any>"#, true),
        (#"<any><tagged name="spam"/><exists header="List-Id"/></any>"#, false),
        (#"<not><tagged name="spam"/></not>"#, true),
        (#"<not><tagged name="vip"/></not>"#, false),
        (#"<any/>"#, false),
        (#"<all/>"#, true),
    ]

    @Test(arguments: cases)
    func condition(_ xml: String, _ expected: Bool) throws {
        #expect(try Support.matches(xml, Support.invoice, tags: ["vip"]) == expected)
    }

    /// `Rule.holds`, the yes-or-no path of runs without a trace, decides
    /// every case as the explaining evaluation does, with and without tags.
    @Test(arguments: cases)
    func holdingAgreesWithEvaluating(_ xml: String, _ expected: Bool) throws {
        let rule = try #require(try Support.rule("<rule id=\"t\"><when>\(xml)</when></rule>").0)
        for tags in [TagList(["vip"]), TagList()] {
            let facts = Support.facts(Support.invoice)
            let quick = try rule.holds(facts, tags: tags)
            #expect(quick == rule.evaluate(Support.facts(Support.invoice), tags: tags).matched, "\(xml)")
            #expect(quick == rule.evaluate(facts, tags: tags, explaining: false).matched, "\(xml)")
        }
    }

    /// A pattern that gives up makes `holds` throw the failure evaluation records.
    @Test func holdingThrowsTheFailureEvaluationRecords() throws {
        let message = "Subject: " + String(repeating: "a", count: 40) + "!\n\nbody\n"
        let rule = try #require(try Support.rule(#"<rule id="boom"><when><header name="Subject" regex="(a+)+$"/></when></rule>"#).0)
        let recorded = try #require(rule.evaluate(Support.facts(message), tags: TagList()).failure)
        #expect(throws: RuleEvaluationError.self) { try rule.holds(Support.facts(message), tags: TagList()) }
        do {
            _ = try rule.holds(Support.facts(message), tags: TagList())
        } catch {
            #expect(error.description == recorded.description)
        }
    }

    /// Tags keep their order and drop repeats, searched in order or hashed alike.
    @Test func tagListsKeepFirstAdditions() {
        let names = (0..<40).map { "t\($0 % 23)" } + ["e\u{301}", "\u{E9}"]
        var tags = TagList()
        var seen: [String] = []
        for name in names {
            let isNew = !seen.contains(name)
            if isNew { seen.append(name) }
            #expect(tags.insert(name) == isNew, "\(name)")
            #expect(tags.contains(name))
        }
        #expect(tags.names == seen)
        #expect(!tags.contains("t23"))
        #expect(TagList(names) == tags)
        #expect(TagList(Array(names.prefix(5))).names == ["t0", "t1", "t2", "t3", "t4"])
    }

    @Test func noConditionsMeansAlways() throws {
        let (rule, _) = try Support.rule(#"<rule id="always"><do><tag name="x"/></do></rule>"#)
        let outcome = try #require(rule).evaluate(Support.facts(Support.invoice), tags: TagList())
        #expect(outcome.matched)
        #expect(outcome.decidedBy == nil)
    }

    @Test func theFirstFailingConditionDecides() throws {
        let xml = """
            <rule id="r"><when>
              <exists header="To"/>
              <header name="Subject" contains="nothing like it"/>
              <exists header="From"/>
            </when></rule>
            """
        let rule = try #require(try Support.rule(xml).0)
        let outcome = rule.evaluate(Support.facts(Support.invoice), tags: TagList())
        #expect(!outcome.matched)
        #expect(outcome.decidedBy?.label == "<header> at test.xml:3:3")
    }

    @Test func catastrophicPatternGivesUpAndTheRuleDoesNotMatch() throws {
        let message = "Subject: " + String(repeating: "a", count: 40) + "!\n\nbody\n"
        let rule = try #require(try Support.rule(#"<rule id="boom"><when><header name="Subject" regex="(a+)+$"/></when></rule>"#).0)
        let outcome = rule.evaluate(Support.facts(message), tags: TagList())
        #expect(!outcome.matched)
        let failure = try #require(outcome.failure)
        #expect(failure.isMatchLimit)
        #expect(failure.ruleID == "boom")
        #expect(failure.location.description == "test.xml:1:23")
        #expect(failure.description.hasPrefix("rule \"boom\" treated as not matching"))
    }

    static let badConditions: [(String, String)] = [
        (#"<address field="To Bogus" equals="x"/>"#, #"test.xml:1:29: error: "Bogus" is not an address field; use From Sender Reply-To To Cc Bcc Resent-From Resent-To Resent-Cc"#),
        (#"<size greater-than="5 MB"/>"#, #"test.xml:1:26: error: greater-than is "5 MB"; write a whole number with a unit B, KB or MB, such as 5MB"#),
        (#"<not><exists header="A"/><exists header="B"/></not>"#, "test.xml:1:20: error: <not> takes exactly one condition; it has 2"),
        (#"<exists/>"#, "test.xml:1:20: error: <exists> needs a header attribute"),
        (#"<header name="S" value="cooked" equals="x"/>"#, #"test.xml:1:37: error: value is "cooked", which <header> does not know"#),
    ]

    @Test(arguments: badConditions)
    func badCondition(_ xml: String, _ expected: String) throws {
        let (rule, diagnostics) = try Support.rule("<rule id=\"t\"><when>\(xml)</when></rule>")
        #expect(rule == nil)
        #expect(diagnostics.map(\.description) == [expected])
    }
}
