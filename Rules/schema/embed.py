#!/usr/bin/env python3
"""Writes Sources/mailroute/EmbeddedRuleSchema.swift from mailroute-rules.rng, so the
binary carries the schema it validates rule files with. Run from anywhere."""
import os

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
schema = open(os.path.join(here, "mailroute-rules.rng"), encoding="utf-8").read()
assert '"""#' not in schema
swift = (
    "// The rule-file schema, built into the binary so that `mailroute` validates\n"
    "// rule files wherever it is installed. Generated from Rules/schema/mailroute-rules.rng;\n"
    "// a test fails when the two differ. To regenerate:\n"
    "//   python3 Rules/schema/embed.py\n"
    "enum EmbeddedRuleSchema {\n"
    "    static let fileName = \"mailroute-rules.rng\"\n"
    "    static let text = #\"\"\"\n" + schema + "\"\"\"#\n}\n"
)
with open(os.path.join(root, "Sources", "mailroute", "EmbeddedRuleSchema.swift"), "w", encoding="utf-8") as out:
    out.write(swift)
