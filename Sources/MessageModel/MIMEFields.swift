/// Where the fields that shape a MIME part are in its header, found in one
/// pass: each part's header is looked at for three names, and comparing a
/// field's lower-case name with these literals usually settles at once
/// (common names are literals too, see ``KnownFieldNames``).
struct MIMEFields {
    /// The first Content-Type field, and how many there are.
    var contentType: Int?
    var contentTypeCount = 0
    /// The first Content-Transfer-Encoding field.
    var transferEncoding: Int?
    /// The first Content-Disposition field.
    var disposition: Int?

    init(_ header: Header) {
        let fields = header.fields
        for index in fields.indices {
            // Lengths first: 12, 25 and 19 bytes; most names have none of them.
            switch fields[index].lowercasedName.utf8.count {
            case 12 where fields[index].lowercasedName == "content-type":
                contentTypeCount += 1
                if contentType == nil { contentType = index }
            case 25 where transferEncoding == nil && fields[index].lowercasedName == "content-transfer-encoding":
                transferEncoding = index
            case 19 where disposition == nil && fields[index].lowercasedName == "content-disposition":
                disposition = index
            default:
                break
            }
        }
    }
}
