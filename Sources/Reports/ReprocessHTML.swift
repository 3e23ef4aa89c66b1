/// The reprocessing report as one self-contained HTML page: inline CSS and
/// script, no network resource of any kind (a Content-Security-Policy forbids
/// them too), readable from a file or an e-mail attachment.
///
/// The text of the report is static HTML; the script draws the from -> to
/// matrix as a heat map and the queue and per-rule counts as SVG bar charts
/// from the summary embedded in the page.
public enum ReprocessHTML {
    /// The most changed messages and bad entries the page lists; the JSON report has them all.
    public static let listLimit = 1000

    /// The page.
    /// - Parameters:
    ///   - changed: the first changed messages, at most ``listLimit``.
    ///   - bad: the first bad entries, at most ``listLimit``.
    ///   - badCount: how many bad entries there are in all.
    public static func page(
        header: ReportHeader, summary: ReprocessSummary, changed: [ChangedMessage], bad: [BadEntry], badCount: Int
    ) -> [UInt8] {
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>mailroute reprocess: \(e(header.rules.path))</title>
            <style>\(ReprocessPageAssets.style)</style>
            </head>
            <body>
            <h1>Reprocessing report</h1>

            """
        out += facts(header: header, summary: summary)
        if let impact = summary.impact {
            out += "<section id=\"impact\">\n<h2>Impact of the change</h2>\n"
            out += "<p class=\"headline\"><strong>\(impact.changedMessages)</strong> of \(summary.messages) messages changed; "
                + "<strong>\(impact.changedQueue)</strong> changed queue.</p>\n"
            out += "<h3>From (old rules, rows) to (new rules, columns), in interactions</h3>\n"
            out += "<div id=\"matrix\" class=\"figure\"></div>\n"
            out += "<h3>Tags</h3>\n<ul class=\"tags\">\n"
            out += "<li>added: \(e(ReprocessTable.countsText(impact.tagsAdded)))</li>\n"
            out += "<li>removed: \(e(ReprocessTable.countsText(impact.tagsRemoved)))</li>\n</ul>\n</section>\n"
        }
        out += "<section id=\"queues\">\n<h2>Interactions per queue</h2>\n<div id=\"queue-chart\" class=\"figure\"></div>\n</section>\n"
        out += "<section id=\"rules\">\n<h2>Rule hits (interactions matched)</h2>\n<div id=\"rule-chart\" class=\"figure\"></div>\n"
        out += deadRules(summary.new, title: header.compare == nil ? "Dead rules" : "Dead rules of the new rules")
        if let old = summary.old { out += deadRules(old, title: "Dead rules of the old rules") }
        out += "</section>\n"
        if let impact = summary.impact { out += changedTable(changed, total: impact.changedMessages) }
        out += badTable(bad, total: badCount)
        out += "<script type=\"application/json\" id=\"report-data\">"
            + HTMLText.scriptSafe(summary.jsonObject()) + "</script>\n"
        out += "<script>\(ReprocessPageAssets.script)</script>\n</body>\n</html>\n"
        return Array(out.utf8)
    }

    private static func e(_ text: String) -> String { HTMLText.escaped(text) }

    private static func facts(header: ReportHeader, summary: ReprocessSummary) -> String {
        var rows: [(String, String)] = [("rules", header.rules.path)]
        if let compare = header.compare { rows.append(("compared with (old rules)", compare.path)) }
        if let mailbox = header.mailbox { rows.append(("mailbox profile", mailbox)) }
        rows.append(("sources", header.sources.joined(separator: ", ")))
        if let shard = header.shard { rows.append(("shard", shard.description)) }
        rows.append(("messages", String(summary.messages)))
        rows.append(("unreadable entries", String(summary.unreadable)))
        rows.append(("messages on which a rule failed", String(summary.ruleErrorMessages)))
        return "<dl class=\"facts\">\n" + rows.map { "<dt>\(e($0.0))</dt><dd>\(e($0.1))</dd>\n" }.joined() + "</dl>\n"
    }

    private static func deadRules(_ tally: RuleSetTally, title: String) -> String {
        let dead = tally.deadRules
        let items = dead.isEmpty ? "<li>none</li>" : dead.map { "<li><code>\(e($0.rule))</code> (\(e($0.stage)))</li>" }.joined()
        return "<h3>\(e(title))</h3>\n<ul class=\"dead\">\(items)</ul>\n"
    }

    private static func changedTable(_ changed: [ChangedMessage], total: Int) -> String {
        var out = "<section id=\"changed\">\n<h2>Changed messages (\(total))</h2>\n"
        out += "<table class=\"list\">\n<thead><tr><th>position</th><th>message id</th><th>subject</th><th>old decision</th><th>new decision</th></tr></thead>\n<tbody>\n"
        for message in changed {
            let kind = message.changesQueue ? "queue" : "other"
            out += "<tr class=\"\(kind)\"><td>\(e(message.position))</td><td>\(e(message.messageID ?? "-"))</td>"
                + "<td>\(e(message.subject ?? ""))</td><td>\(e(message.old.summaryText))</td><td>\(e(message.new.summaryText))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        if total > changed.count { out += "<p class=\"note\">The first \(changed.count) of \(total); the JSON report lists them all.</p>\n" }
        return out + "</section>\n"
    }

    private static func badTable(_ bad: [BadEntry], total: Int) -> String {
        var out = "<section id=\"bad\">\n<h2>Bad entries (\(total))</h2>\n"
        guard total > 0 else { return out + "<p>None.</p>\n</section>\n" }
        out += "<table class=\"list\">\n<thead><tr><th>position</th><th>kind</th><th>reason</th></tr></thead>\n<tbody>\n"
        for entry in bad {
            out += "<tr><td>\(e(entry.position))</td><td>\(e(entry.kind.rawValue))</td><td>\(e(entry.reason))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        if total > bad.count { out += "<p class=\"note\">The first \(bad.count) of \(total); the JSON report lists them all.</p>\n" }
        return out + "</section>\n"
    }
}
