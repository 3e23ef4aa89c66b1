import MessageModel

extension InspectedMessage {
    /// The message as one line of JSON (no line break), in the stable format documented in README.md:
    /// `position`, `size`, `message_id`, `date`, `subject`, `from`, `sender`, `reply_to`, `to`, `cc`,
    /// `parts` and `defects`, always in this order. Absent values are `null`; address fields are arrays
    /// of `{"name": display name or null, "address": addr-spec, "comment": comment or null}`.
    public func jsonLine() -> [UInt8] {
        var json = JSONText()
        json.raw("{")
        json.key("position", first: true)
        json.string(position)
        json.key("size")
        json.raw(String(size))
        json.key("message_id")
        json.optionalString(messageID)
        json.key("date")
        json.optionalString(date)
        json.key("subject")
        json.optionalString(subject)
        for (name, list) in [("from", from), ("sender", sender), ("reply_to", replyTo), ("to", to), ("cc", cc)] {
            json.key(name)
            json.array(list.addresses) { json, address in
                json.raw("{")
                json.key("name", first: true)
                json.optionalString(address.displayName)
                json.key("address")
                json.string(address.addrSpec)
                json.key("comment")
                json.optionalString(address.comment)
                json.raw("}")
            }
        }
        json.key("parts")
        json.array(parts) { json, part in
            json.raw("{")
            json.key("path", first: true)
            json.string(part.path)
            json.key("type")
            json.string(part.mimeType)
            json.key("charset")
            json.optionalString(part.charset)
            json.key("encoding")
            json.string(part.transferEncoding)
            json.key("disposition")
            json.optionalString(part.disposition)
            json.key("filename")
            json.optionalString(part.filename)
            json.key("size")
            json.raw(String(part.size))
            json.raw("}")
        }
        json.key("defects")
        json.array(defects) { json, defect in
            json.raw("{")
            json.key("kind", first: true)
            json.string(defect.kind.rawValue)
            json.key("location")
            json.optionalString(defect.location)
            json.key("detail")
            json.string(defect.detail)
            json.raw("}")
        }
        json.raw("}")
        return json.bytes
    }
}
