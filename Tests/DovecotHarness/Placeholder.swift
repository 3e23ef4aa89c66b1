/// Placeholder until the harness lands; delete it then.
enum DovecotHarnessPlaceholder {}
