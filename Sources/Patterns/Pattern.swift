import CPCRE2
/// Placeholder; see the Patterns module.
enum PatternsPlaceholder {}
