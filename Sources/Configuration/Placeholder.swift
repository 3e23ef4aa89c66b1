/// Placeholder until the module's first type lands; delete it then.
enum ConfigurationPlaceholder {}
