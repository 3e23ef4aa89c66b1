import Rules

extension MailboxAccount {
    /// The password, read now from where the configuration says.
    ///
    /// Blocks while reading a file: call it from the thread that polls the mailbox.
    /// - Throws: ``PasswordError`` naming this mailbox and the file or variable, never the password.
    public func resolvePassword(
        environment: (String) -> String? = PasswordSource.processEnvironment
    ) throws(PasswordError) -> Secret {
        try password.resolve(mailbox: name, environment: environment)
    }

    /// The rule file's mailbox profile of this mailbox with the configuration's
    /// options applied: those set here win, and the address is this mailbox's.
    public func effectiveProfile(from profile: MailboxProfile) -> MailboxProfile {
        var merged = processing.applied(to: profile)
        merged.address = address
        merged.addressText = addressText
        return merged
    }

    /// Whether the Message-ID duplicate check is on for messages processed with
    /// `profile` (the effective one): it is off while copying to recipients,
    /// since every copy shares the Message-ID.
    public func checksMessageIDs(with profile: MailboxProfile) -> Bool {
        enableMessageIDCheck && !profile.copyMessageToRecipients
    }
}
