#!/usr/bin/env python3
"""Writes the Swift files that carry the schemas inside mailroute, so that it validates
rule files and configuration files wherever it is installed:

  mailroute-rules.rng  -> Sources/mailroute/EmbeddedRuleSchema.swift
  mailroute-config.rng -> Sources/Configuration/EmbeddedConfigurationSchema.swift

Run from anywhere; tests fail when a schema and its Swift copy differ."""
import os

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))

RULES_HEADER = """\
// The rule-file schema, built into the binary so that `mailroute` validates
// rule files wherever it is installed. Generated from Rules/schema/mailroute-rules.rng;
// a test fails when the two differ. To regenerate:
//   python3 Rules/schema/embed.py
enum EmbeddedRuleSchema {
    static let fileName = "mailroute-rules.rng"
    static let text = #\"\"\"
"""

CONFIG_HEADER = """\
// The configuration-file schema, built into the Configuration module so that
// mailroute validates configuration files wherever it is installed. Generated
// from Rules/schema/mailroute-config.rng; a test fails when the two differ.
// To regenerate:
//   python3 Rules/schema/embed.py

/// The RelaxNG schema of configuration files, as shipped in `Rules/schema`.
public enum EmbeddedConfigurationSchema {
    /// The name the schema's own problems are reported under.
    public static let fileName = "mailroute-config.rng"
    /// The schema text, byte for byte the file `Rules/schema/mailroute-config.rng`.
    public static let text = #\"\"\"
"""

EMBEDDINGS = [
    ("mailroute-rules.rng", RULES_HEADER, "Sources/mailroute/EmbeddedRuleSchema.swift"),
    ("mailroute-config.rng", CONFIG_HEADER, "Sources/Configuration/EmbeddedConfigurationSchema.swift"),
]

for schema_name, header, target in EMBEDDINGS:
    schema = open(os.path.join(here, schema_name), encoding="utf-8").read()
    assert '"""#' not in schema
    with open(os.path.join(root, target), "w", encoding="utf-8") as out:
        out.write(header + schema + "\"\"\"#\n}\n")
