import MessageModel
import Testing

/// Encoded words are decoded by `EncodedWords.decode`; these tests check that the
/// parser hands it the right text and keeps encoded words whole.

/// What the decoder makes of `text`, whatever decoder is built in.
func decodedByEncodedWords(_ text: String) -> String {
    var ignored: [Defect] = []
    return EncodedWords.decode(text, location: "To", defects: &ignored)
}

@Test(
    "an encoded word holding specials stays one display name",
    arguments: [
        "=?utf-8?Q?Smith,_John?=", "=?utf-8?Q?Dr.Smith?=", "=?utf-8?Q?a<b>c@d?=", "=?utf-8?Q?\"Quoted\"?=",
    ])
func encodedWordWithSpecialsIsOneDisplayName(_ word: String) {
    let (list, defects) = parseTo("\(word) <j@x>, k@y")
    #expect(list.entries == [mailbox(decodedByEncodedWords(word), "j", "x"), mailbox(nil, "k", "y")])
    #expect(defects.isEmpty)
}

@Test func phraseTextReachesTheDecoderWithSingleSpaces() {
    let phrase = "=?utf-8?q?J=C3=B6rg?=   =?utf-8?q?_M=C3=BCller?="
    let (list, _) = parseTo("\(phrase) <j@x>")
    #expect(
        list.addresses.first?.displayName == decodedByEncodedWords("=?utf-8?q?J=C3=B6rg?= =?utf-8?q?_M=C3=BCller?="))
}

@Test func notAnEncodedWordIsLeftAlone() {
    let (list, _) = parseTo("=?not really <j@x>")
    #expect(list.addresses.first?.displayName == "=?not really")
}

/// These need the RFC 2047 decoder of `EncodedWords.swift`; they fail while it is a stub.
let decodedDisplayNames: [(value: String, displayName: String)] = [
    ("=?utf-8?q?J=C3=B6rg?= <j@x>", "Jörg"),
    (#""=?utf-8?q?J=C3=B6rg?=" <j@x>"#, "Jörg"),
    ("=?utf-8?Q?Smith,_John?= <j@x>", "Smith, John"),
    // Corpus: error_emails/header_fields_with_empty_values.eml
    ("=?iso-8859-1?Q?J=F8rn_St=F8ylen?= <jorn@prikkprikkprikk.no>", "Jørn Støylen"),
    // Corpus: error_emails/invalid_subject_characters.eml
    (#""=?Windows-1252?B?Rm9ybWHn428gRnJlbmV0aWtwb2xpcw==?=" <info@formacaofrenetik.info>"#, "Formação Frenetikpolis"),
    // Corpus: mime_emails/raw_email_encoded_stack_level_too_deep.eml
    ("=?ISO-8859-1?Q?Nicolas_Fouch=E9?= <a.b@gmail.com>", "Nicolas Fouché"),
    // Corpus: multi_charset/japanese.eml
    ("=?UTF-8?B?44G/44GR44KL?= <raasdnil@gmail.com>", "みける"),
    // Corpus: plain_emails/raw_email_bad_time.eml
    (#""=?windows-1251?B?wPLo6u7iYQ==?=" <yusuf75thu@auracom.net>"#, "Атиковa"),
    // Corpus: error_emails/bad_subject.eml. Python: "MySurvey .com & C arol Ada ms"; RFC 2047
    // section 6.2 drops the white space between adjacent encoded words.
    (
        "=?UTF-8?B?TXlTdXJ2ZXk=?= =?UTF-8?B?LmNvbSAmIEM=?= =?UTF-8?B?YXJvbCBBZGE=?= =?UTF-8?B?bXM=?= <carol@mysurvey.com>",
        "MySurvey.com & Carol Adams"
    ),
]

@Test("display names with RFC 2047 encoded words are decoded", arguments: decodedDisplayNames)
func encodedDisplayNamesAreDecoded(_ value: String, _ displayName: String) {
    let (list, _) = parseTo(value)
    #expect(list.addresses.count == 1)
    #expect(list.addresses.first?.displayName == displayName)
}

@Test func encodedCommentsAreDecoded() {
    let (list, _) = parseTo("j@x (=?utf-8?q?J=C3=B6rg?=)")
    #expect(list.addresses.first?.displayName == nil)
    #expect(list.addresses.first?.comment == "Jörg")
}

@Test func encodedGroupNameIsDecoded() {
    let (list, _) = parseTo("=?utf-8?q?Vertrieb_M=C3=BCnchen?=: a@x;")
    #expect(list.entries == [.group(name: "Vertrieb München", members: [member(nil, "a", "x")])])
}
