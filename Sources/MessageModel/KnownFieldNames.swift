import Glibc

/// Field names that nearly every message writes, spelled as mailers spell
/// them, each with its lower-case form.
///
/// A field whose name is written exactly like one of these takes both
/// strings from here: reading a header then makes no name strings, and the
/// names are literals, which reference counting never touches, so threads
/// that share them never contend for them.
enum KnownFieldNames {
    /// The name as written and in lower case.
    typealias Names = (name: String, lowercased: String)

    /// The names for `bytes`, when they spell a known name exactly (case included).
    static func names(for bytes: UnsafeBufferPointer<UInt8>) -> Names? {
        guard let base = bytes.baseAddress else { return nil }
        func spells(_ name: StaticString) -> Bool {
            name.utf8Start.pointee == base.pointee && memcmp(name.utf8Start, base, bytes.count) == 0
        }
        switch bytes.count {
        case 2:
            if spells("Cc") { return ("Cc", "cc") }
            if spells("To") { return ("To", "to") }
        case 3:
            if spells("Bcc") { return ("Bcc", "bcc") }
        case 4:
            if spells("Date") { return ("Date", "date") }
            if spells("From") { return ("From", "from") }
        case 6:
            if spells("Sender") { return ("Sender", "sender") }
        case 7:
            if spells("List-Id") { return ("List-Id", "list-id") }
            if spells("Subject") { return ("Subject", "subject") }
        case 8:
            if spells("ARC-Seal") { return ("ARC-Seal", "arc-seal") }
            if spells("Comments") { return ("Comments", "comments") }
            if spells("Keywords") { return ("Keywords", "keywords") }
            if spells("Received") { return ("Received", "received") }
            if spells("Reply-To") { return ("Reply-To", "reply-to") }
            if spells("X-Mailer") { return ("X-Mailer", "x-mailer") }
        case 9:
            if spells("Errors-To") { return ("Errors-To", "errors-to") }
            if spells("List-Help") { return ("List-Help", "list-help") }
            if spells("List-Post") { return ("List-Post", "list-post") }
            if spells("Resent-To") { return ("Resent-To", "resent-to") }
        case 10:
            if spells("Content-ID") { return ("Content-ID", "content-id") }
            if spells("Importance") { return ("Importance", "importance") }
            if spells("Message-ID") { return ("Message-ID", "message-id") }
            if spells("Message-Id") { return ("Message-Id", "message-id") }
            if spells("Precedence") { return ("Precedence", "precedence") }
            if spells("References") { return ("References", "references") }
            if spells("User-Agent") { return ("User-Agent", "user-agent") }
            if spells("X-Priority") { return ("X-Priority", "x-priority") }
            if spells("X-Received") { return ("X-Received", "x-received") }
        case 11:
            if spells("Feedback-ID") { return ("Feedback-ID", "feedback-id") }
            if spells("In-Reply-To") { return ("In-Reply-To", "in-reply-to") }
            if spells("Resent-Date") { return ("Resent-Date", "resent-date") }
            if spells("Resent-From") { return ("Resent-From", "resent-from") }
            if spells("Return-Path") { return ("Return-Path", "return-path") }
            if spells("X-Spam-Flag") { return ("X-Spam-Flag", "x-spam-flag") }
        case 12:
            if spells("Content-Type") { return ("Content-Type", "content-type") }
            if spells("Delivered-To") { return ("Delivered-To", "delivered-to") }
            if spells("List-Archive") { return ("List-Archive", "list-archive") }
            if spells("MIME-Version") { return ("MIME-Version", "mime-version") }
            if spells("Mime-Version") { return ("Mime-Version", "mime-version") }
            if spells("Organization") { return ("Organization", "organization") }
            if spells("Received-SPF") { return ("Received-SPF", "received-spf") }
            if spells("Thread-Index") { return ("Thread-Index", "thread-index") }
            if spells("Thread-Topic") { return ("Thread-Topic", "thread-topic") }
            if spells("X-Spam-Level") { return ("X-Spam-Level", "x-spam-level") }
            if spells("X-Spam-Score") { return ("X-Spam-Score", "x-spam-score") }
        case 13:
            if spells("X-Original-To") { return ("X-Original-To", "x-original-to") }
            if spells("X-Spam-Status") { return ("X-Spam-Status", "x-spam-status") }
        case 14:
            if spells("Auto-Submitted") { return ("Auto-Submitted", "auto-submitted") }
            if spells("DKIM-Signature") { return ("DKIM-Signature", "dkim-signature") }
            if spells("List-Subscribe") { return ("List-Subscribe", "list-subscribe") }
            if spells("X-Forwarded-To") { return ("X-Forwarded-To", "x-forwarded-to") }
        case 16:
            if spells("Content-Language") { return ("Content-Language", "content-language") }
            if spells("List-Unsubscribe") { return ("List-Unsubscribe", "list-unsubscribe") }
            if spells("X-Originating-IP") { return ("X-Originating-IP", "x-originating-ip") }
        case 17:
            if spells("Resent-Message-ID") { return ("Resent-Message-ID", "resent-message-id") }
            if spells("Return-Receipt-To") { return ("Return-Receipt-To", "return-receipt-to") }
        case 19:
            if spells("Content-Description") { return ("Content-Description", "content-description") }
            if spells("Content-Disposition") { return ("Content-Disposition", "content-disposition") }
        case 21:
            if spells("ARC-Message-Signature") { return ("ARC-Message-Signature", "arc-message-signature") }
            if spells("List-Unsubscribe-Post") { return ("List-Unsubscribe-Post", "list-unsubscribe-post") }
        case 22:
            if spells("Authentication-Results") { return ("Authentication-Results", "authentication-results") }
        case 24:
            if spells("X-Auto-Response-Suppress") { return ("X-Auto-Response-Suppress", "x-auto-response-suppress") }
        case 25:
            if spells("Content-Transfer-Encoding") { return ("Content-Transfer-Encoding", "content-transfer-encoding") }
        case 26:
            if spells("ARC-Authentication-Results") { return ("ARC-Authentication-Results", "arc-authentication-results") }
        case 27:
            if spells("Disposition-Notification-To") { return ("Disposition-Notification-To", "disposition-notification-to") }
        default: break
        }
        return nil
    }
}
