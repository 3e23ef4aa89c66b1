@testable import IMAP
import Testing

/// Mailbox-name encoding, SASL base64, UID sets, folder paths and command strings.
@Suite struct EncodingTests {
    @Test(arguments: [
        ("INBOX", "INBOX"),
        ("Entwürfe", "Entw&APw-rfe"),
        ("Tom & Jerry", "Tom &- Jerry"),
        ("~peter/mail/台北/日本語", "~peter/mail/&U,BTFw-/&ZeVnLIqe-"),  // RFC 3501 5.1.3
        ("😀", "&2D3eAA-"),
    ])
    func modifiedUTF7RoundTrips(name: String, encoded: String) {
        #expect(ModifiedUTF7.encode(name) == encoded)
        #expect(ModifiedUTF7.decode(Array(encoded.utf8)) == name)
    }

    @Test func invalidModifiedUTF7IsRefused() {
        #expect(ModifiedUTF7.decode(Array("a&Jjo".utf8)) == nil)
        #expect(ModifiedUTF7.decode(Array("a&!!-".utf8)) == nil)
    }

    @Test func saslPlainPayloadIsStandardBase64() {
        let payload = [0] + Array("alice".utf8) + [0] + Array("wonderland".utf8)
        #expect(String(decoding: Base64.encode(payload), as: UTF8.self) == "AGFsaWNlAHdvbmRlcmxhbmQ=")
        #expect(String(decoding: Base64.encode(Array("ab".utf8)), as: UTF8.self) == "YWI=")
        #expect(String(decoding: Base64.encode(Array("abc".utf8)), as: UTF8.self) == "YWJj")
    }

    @Test func uidSetsAreSortedRanges() {
        #expect(IMAPUIDSet([9, 1, 2, 3, 5, 10, 3, 0]).description == "1:3,5,9:10")
        #expect(IMAPUIDSet.from(7).description == "7:*")
        #expect(IMAPUIDSet.from(7).contains(700))
        #expect(!IMAPUIDSet.from(7).contains(6))
        #expect(IMAPUIDSet([UInt32.max, UInt32.max - 1]).description == "4294967294:4294967295")
        #expect(IMAPUIDSet([]).isEmpty)
    }

    @Test func longUIDSetsAreCutIntoCommandSizedChunks() {
        let set = IMAPUIDSet(stride(from: 1, to: 20_000, by: 2).map(UInt32.init))
        let chunks = set.chunks(maximumLength: 1000)
        #expect(chunks.count > 1)
        #expect(chunks.allSatisfy { $0.utf8.count <= 1000 })
        #expect(chunks.joined(separator: ",") == set.description)
    }

    @Test func folderPathsUseTheServersDelimiter() throws {
        #expect(try IMAPFolderPath("Support/Claims", separator: "/").serverName(delimiter: ".") == "Support.Claims")
        #expect(try IMAPFolderPath("Support.Claims", separator: ".").serverName(delimiter: "/") == "Support/Claims")
        #expect(try IMAPFolderPath("inbox/Claims", separator: "/").serverName(delimiter: "/") == "INBOX/Claims")
        #expect(try IMAPFolderPath("Support//Entwürfe/", separator: "/").serverName(delimiter: ".") == "Support.Entw&APw-rfe")
        #expect(try IMAPFolderPath("inbox").serverName(delimiter: nil) == "INBOX")
    }

    @Test func folderPathsThatCannotBeNamedAreErrors() {
        #expect(throws: IMAPError.self) { try IMAPFolderPath("v1.2/Claims", separator: "/").serverName(delimiter: ".") }
        #expect(throws: IMAPError.self) { try IMAPFolderPath("Support/Claims").serverName(delimiter: nil) }
        #expect(throws: IMAPError.self) { try IMAPFolderPath("//").serverName(delimiter: "/") }
    }

    @Test func stringsAreQuotedWithEscapesOrSentAsLiterals() {
        var command = IMAPCommand("LOGIN")
        command.addString("a\"b\\c")
        command.addString("pässword", secret: true)
        #expect(command.summary == #"LOGIN "a\"b\\c" <redacted>"#)
        guard case .text(let quoted, false) = command.parts[1] else {
            Issue.record("expected a quoted string")
            return
        }
        #expect(String(decoding: quoted, as: UTF8.self) == #" "a\"b\\c""#)
        guard case .literal(let bytes, true) = command.parts[3] else {
            Issue.record("expected a secret literal")
            return
        }
        #expect(bytes == Array("pässword".utf8))
    }
}
