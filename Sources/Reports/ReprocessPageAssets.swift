/// The inline style sheet and script of the HTML report. The script only
/// reads the summary embedded in the page and writes into it: it loads
/// nothing and builds its SVG as markup, so no URL appears anywhere.
enum ReprocessPageAssets {
    static let style = """
        body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:72em;padding:0 1em;color:#1d2430}
        h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #d5dae3;padding-bottom:.2em}
        dl.facts{display:grid;grid-template-columns:max-content auto;gap:.2em 1.5em}dt{color:#5a6475}dd{margin:0}
        .headline{font-size:1.15em}.figure{overflow-x:auto;margin:.5em 0 1em}
        table{border-collapse:collapse}th,td{padding:.25em .6em;border:1px solid #e1e5ec;text-align:left;vertical-align:top}
        table.matrix td.cell{text-align:right;min-width:3.5em;font-variant-numeric:tabular-nums}
        table.matrix td.same{color:#2f5d9e}table.matrix td.moved{color:#8a3200;font-weight:600}
        table.matrix th.corner{color:#5a6475;font-weight:normal}
        table.list tr.queue td:nth-child(4),table.list tr.queue td:nth-child(5){font-weight:600}
        svg text{font:12px system-ui,sans-serif;fill:#1d2430}svg .bar.new{fill:#3d74c4}svg .bar.old{fill:#a9b3c2}
        svg .bar.dead{fill:#d9534f}.legend span{display:inline-block;width:.9em;height:.9em;margin:0 .3em 0 1em;vertical-align:middle}
        .note{color:#5a6475}code{font-size:.95em}
        """

    static let script = """
        (function () {
          "use strict";
          var data = JSON.parse(document.getElementById("report-data").textContent);
          function esc(text) {
            return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
          }
          function drawMatrix(impact) {
            var holder = document.getElementById("matrix");
            if (!holder || !impact) { return; }
            var names = [], counts = {}, most = 0;
            impact.matrix.forEach(function (cell) {
              [cell.from, cell.to].forEach(function (name) { if (names.indexOf(name) < 0) { names.push(name); } });
              counts[cell.from + "\\u0000" + cell.to] = cell.interactions;
              if (cell.from !== cell.to) { most = Math.max(most, cell.interactions); }
            });
            names.sort();
            var html = "<table class=\\"matrix\\"><thead><tr><th class=\\"corner\\">old \\u2193 new \\u2192</th>";
            names.forEach(function (name) { html += "<th>" + esc(name) + "</th>"; });
            html += "</tr></thead><tbody>";
            names.forEach(function (from) {
              html += "<tr><th>" + esc(from) + "</th>";
              names.forEach(function (to) {
                var count = counts[from + "\\u0000" + to] || 0, kind = from === to ? "same" : "moved", style = "";
                if (count > 0 && kind === "moved") {
                  style = " style=\\"background:rgba(230,110,40," + (0.15 + 0.65 * count / most).toFixed(2) + ")\\"";
                } else if (count > 0) {
                  style = " style=\\"background:rgba(61,116,196,0.12)\\"";
                }
                html += "<td class=\\"cell " + kind + "\\" data-from=\\"" + esc(from) + "\\" data-to=\\"" + esc(to)
                  + "\\" data-count=\\"" + count + "\\"" + style + ">" + (count > 0 ? count : "") + "</td>";
              });
              html += "</tr>";
            });
            holder.innerHTML = html + "</tbody></table>";
          }
          function barChart(holderID, title, rows, compare) {
            var holder = document.getElementById(holderID);
            if (!holder) { return; }
            var most = 1, labelWidth = 80;
            rows.forEach(function (row) {
              most = Math.max(most, row.new || 0, row.old || 0);
              labelWidth = Math.max(labelWidth, 7 * row.label.length + 16);
            });
            var barHeight = 14, rowHeight = compare ? 2 * barHeight + 10 : barHeight + 8, plot = 420;
            var width = labelWidth + plot + 60, height = rows.length * rowHeight + 10;
            var svg = "<svg class=\\"chart\\" role=\\"img\\" width=\\"" + width + "\\" height=\\"" + height
              + "\\" viewBox=\\"0 0 " + width + " " + height + "\\"><title>" + esc(title) + "</title>";
            rows.forEach(function (row, index) {
              var y = 5 + index * rowHeight;
              svg += "<text class=\\"label\\" x=\\"" + (labelWidth - 8) + "\\" y=\\"" + (y + barHeight - 3)
                + "\\" text-anchor=\\"end\\">" + esc(row.label) + "</text>";
              var bars = compare ? [["old", row.old], ["new", row.new]] : [["new", row.new]];
              bars.forEach(function (bar, slot) {
                if (bar[1] === undefined) { return; }
                var by = y + slot * (barHeight + 2), length = Math.max(bar[1] > 0 || row.rule ? 3 : 0, plot * bar[1] / most);
                var kind = bar[1] === 0 && row.rule ? "dead" : bar[0];
                svg += "<rect class=\\"bar " + kind + "\\" data-label=\\"" + esc(row.label) + "\\" data-set=\\"" + bar[0]
                  + "\\" data-value=\\"" + bar[1] + "\\" x=\\"" + labelWidth + "\\" y=\\"" + by + "\\" width=\\"" + length.toFixed(1)
                  + "\\" height=\\"" + barHeight + "\\"><title>" + esc(row.label + " (" + bar[0] + "): " + bar[1]) + "</title></rect>";
                svg += "<text class=\\"value\\" x=\\"" + (labelWidth + length + 4).toFixed(1) + "\\" y=\\"" + (by + barHeight - 3) + "\\">"
                  + bar[1] + (kind === "dead" ? " (dead)" : "") + "</text>";
              });
            });
            var legend = compare ? "<p class=\\"legend\\"><span class=\\"old\\" style=\\"background:#a9b3c2\\"></span>old rules"
              + "<span style=\\"background:#3d74c4\\"></span>new rules<span style=\\"background:#d9534f\\"></span>never matched</p>"
              : "<p class=\\"legend\\"><span style=\\"background:#3d74c4\\"></span>interactions<span style=\\"background:#d9534f\\"></span>never matched</p>";
            holder.innerHTML = legend + svg + "</svg>";
          }
          var compare = data.old !== null;
          var queues = Object.keys(data.new.queues);
          if (compare) { Object.keys(data.old.queues).forEach(function (q) { if (queues.indexOf(q) < 0) { queues.push(q); } }); }
          queues.sort();
          barChart("queue-chart", "Interactions per queue", queues.map(function (q) {
            return { label: q, new: data.new.queues[q] || 0, old: compare ? (data.old.queues[q] || 0) : undefined };
          }), compare);
          var rules = [], byKey = {};
          function addRules(tally, set) {
            tally.rules.forEach(function (rule) {
              var key = rule.stage + " " + rule.rule;
              if (!byKey[key]) { byKey[key] = { label: key, rule: true }; rules.push(byKey[key]); }
              byKey[key][set] = rule.hits;
            });
          }
          addRules(data.new, "new");
          if (compare) { addRules(data.old, "old"); }
          barChart("rule-chart", "Rule hits", rules, compare);
          drawMatrix(data.impact);
          document.body.setAttribute("data-rendered", "yes");
        })();
        """
}
