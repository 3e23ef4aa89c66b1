/// The timestamp a server puts in its greeting when it accepts APOP
/// (RFC 1939 section 7), such as `<1896.697170952@dbc.mtview.ca.us>`, and
/// the digest that proves the password without sending it.
struct APOPChallenge: Hashable {
    /// The timestamp with its angle brackets, exactly as greeted.
    let timestamp: String

    /// Finds the timestamp in a greeting's text; `nil` when the greeting has
    /// none, or has something in brackets that is not a message-id-like
    /// `<...@...>` token.
    init?(greeting: String) {
        guard let open = greeting.firstIndex(of: "<"),
            let close = greeting[open...].firstIndex(of: ">")
        else { return nil }
        let token = greeting[open...close]
        guard token.contains("@"), !token.contains(" "), token.count > 3 else { return nil }
        timestamp = String(token)
    }

    /// The lowercase hexadecimal MD5 of the timestamp followed by the password.
    func digest(password: String) -> String {
        MD5.hexDigest(Array((timestamp + password).utf8))
    }
}
