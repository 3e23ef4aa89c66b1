import MessageModel
import Rules
import XMLDocuments

/// Builds rules, conditions and messages from short texts for the tests.
enum Support {
    /// The root element of `xml`, located in a file called `test.xml`.
    static func element(_ xml: String) throws -> XMLElement {
        try XMLDocument(bytes: Array(xml.utf8), displayName: "test.xml").root
    }

    /// Reads a `<rule>` and returns it with the diagnostics.
    static func rule(_ xml: String) throws -> (Rule?, [RuleDiagnostic]) {
        var log = DiagnosticLog()
        let rule = Rule.read(from: try element(xml), log: &log)
        return (rule, log.diagnostics)
    }

    /// Facts for a message written with LF line ends.
    static func facts(_ text: String, mailbox: String = "support") -> MessageFacts {
        MessageFacts(message: Message(bytes: Array(text.utf8)), mailbox: mailbox)
    }

    /// Whether `<rule id="t"><when>CONDITION</when></rule>` matches `message`.
    static func matches(_ condition: String, _ message: String, tags: [String] = []) throws -> Bool {
        let (rule, diagnostics) = try rule("<rule id=\"t\"><when>\(condition)</when></rule>")
        guard let rule, diagnostics.isEmpty else { throw ReadFailure(diagnostics: diagnostics) }
        return rule.evaluate(facts(message), tags: TagList(tags)).matched
    }

    struct ReadFailure: Error {
        let diagnostics: [RuleDiagnostic]
    }

    static let invoice = """
        From: "Doe, Jane" <Jane.Doe@Customer.example>
        To: Acme Support <support@acme.example>, sales@acme.example
        Cc: billing@acme.example
        Subject: =?utf-8?Q?Facture_n=C2=B0_4711?=
        Message-ID: <abc@customer.example>
        X-Priority: 1
        X-Priority: 3
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="b"

        --b
        Content-Type: text/plain; charset=utf-8

        Please pay invoice 4711 by Friday.
        --b
        Content-Type: application/pdf; name="invoice-4711.pdf"
        Content-Disposition: attachment; filename="invoice-4711.pdf"
        Content-Transfer-Encoding: base64

        JVBERi0xLjQK
        --b--

        """
}
