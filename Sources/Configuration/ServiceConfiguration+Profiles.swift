import Rules

extension ServiceConfiguration {
    /// The problems between these mailboxes and the mailbox profiles of the
    /// rule file (`profiles`, as loaded from ``ruleFile``), located in the
    /// configuration: a mailbox without a profile of its name is an error, as
    /// its messages would have no default queue; a profile whose address is
    /// not the mailbox's is a warning, as the configuration's address is used
    /// (``MailboxAccount/effectiveProfile(from:)``).
    public func check(against profiles: [MailboxProfile]) -> [RuleDiagnostic] {
        var diagnostics: [RuleDiagnostic] = []
        for mailbox in mailboxes {
            guard let profile = profiles.first(where: { $0.name == mailbox.name }) else {
                let names = profiles.map(\.name).sorted().joined(separator: ", ")
                diagnostics.append(
                    RuleDiagnostic(
                        .error, at: mailbox.location,
                        "mailbox \"\(mailbox.name)\" has no mailbox profile in the rule file \(ruleFile); "
                            + (names.isEmpty ? "it defines none" : "its profiles are \(names)")))
                continue
            }
            if profile.address.normalized != mailbox.address.normalized {
                diagnostics.append(
                    RuleDiagnostic(
                        .warning, at: mailbox.location,
                        "mailbox \"\(mailbox.name)\" has address \(mailbox.address.normalized), but its profile "
                            + "at \(profile.location) has \(profile.address.normalized); the configuration's is used"))
            }
        }
        return diagnostics
    }
}
