enum MailboxesPlaceholder {}
