import Mailboxes
import Testing

/// The messages a person reads when a mailbox is broken: each says what and where.
@Suite struct DescriptionTests {
    @Test(arguments: [
        (SourcePosition(mailbox: "inbox.mbox", index: 3, location: .mbox(line: 120, byteOffset: 4096)),
         "inbox.mbox:120 (message 3)"),
        (SourcePosition(mailbox: "inbox.mbox", index: 0, location: .mbox(line: 1, byteOffset: 0)),
         "inbox.mbox:1 (before message 1)"),
        (SourcePosition(mailbox: "Maildir", index: 7, location: .file("Maildir/cur/1700000000.M1P2.host:2,S")),
         "Maildir/cur/1700000000.M1P2.host:2,S"),
        (SourcePosition(mailbox: "-", index: 1, location: .file("-")), "<stdin>"),
        (SourcePosition(mailbox: "-", index: 2, location: .mbox(line: 9, byteOffset: 80)), "<stdin>:9 (message 2)"),
    ])
    func positions(position: SourcePosition, expected: String) {
        #expect(position.description == expected)
    }

    @Test func problems() {
        let position = SourcePosition(mailbox: "in.mbox", index: 0, location: .mbox(line: 1, byteOffset: 0))
        let problem = MailboxProblem(position: position, reason: .textBeforeFirstMessage(byteCount: 312, lineCount: 7))
        #expect(problem.description
            == "in.mbox:1 (before message 1): 312 bytes (7 lines) before the first \"From \" line, skipped: "
            + "an mbox starts with a \"From \" line")
        #expect(MailboxProblem.Reason.notARegularFile(kind: "a directory").description
            == "skipped: a directory, not a regular file (links inside a mailbox are not followed)")
        #expect(MailboxProblem.Reason.unreadable(reason: "Input/output error").description
            == "cannot read: Input/output error")
    }

    @Test func errors() {
        #expect(MailboxError.unreadable(path: "/srv/mail/inbox", reason: "Permission denied").description
            == "cannot read mailbox /srv/mail/inbox: Permission denied")
        #expect(MailboxError.formatMismatch(path: "/srv/mail", format: .mbox, kind: "a directory").description
            == "not a mailbox: /srv/mail is a directory, which cannot be read as an mbox")
        #expect(MailboxError.unsupportedFileKind(path: "/run/x.sock", kind: "a socket or block device").description
            == "not a mailbox: /run/x.sock is a socket or block device; give an mbox or message file, "
            + "a Maildir, a directory of .eml files, or - for standard input")
    }
}
