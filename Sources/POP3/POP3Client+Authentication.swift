extension POP3Client {
    /// Logs in as `user` (RFC 1939 section 7), then asks CAPA again, since a
    /// server may offer more (PIPELINING, say) once it knows who is asking.
    ///
    /// With ``POP3AuthenticationMethod/automatic`` the password never crosses a
    /// plain connection in clear when the server offers APOP; see there.
    /// - Throws: ``POP3Error/authenticationFailed(host:port:user:command:reply:)``
    ///   with the server's reply (after which the session has ended),
    ///   ``POP3Error/apopNotOffered(host:port:)``, ``POP3Error/unsendableCredential(host:port:user:field:)``,
    ///   or a connection failure. No error contains the password or the digest.
    public func authenticate(user: String, password: String, method: POP3AuthenticationMethod = .automatic)
        throws(POP3Error)
    {
        for (field, value) in [("login", user), ("password", password)] where value.utf8.contains(where: Self.isUnsendable) {
            throw .unsendableCredential(host: host, port: port, user: user, field: field)
        }
        let challenge = APOPChallenge(greeting: greeting.text)
        if let challenge, method == .apop || (method == .automatic && !isEncrypted) {
            try login(user: user, with: .apop(user: user, digest: challenge.digest(password: password)))
        } else if method == .apop {
            throw .apopNotOffered(host: host, port: port)
        } else {
            try login(user: user, with: POP3Command("USER " + user))
            try login(user: user, with: .pass(password))
        }
        if capabilities.isKnown { try refreshCapabilities() }
    }

    /// Sends one login command; `-ERR` ends the session with ``POP3Error/authenticationFailed(host:port:user:command:reply:)``.
    private func login(user: String, with command: POP3Command) throws(POP3Error) {
        let reply = try exchange(command)
        guard reply.isPositive else {
            throw end(.authenticationFailed(host: host, port: port, user: user, command: command.shown, reply: reply))
        }
    }

    /// CR and LF would end the command early (and inject another); NUL is refused by servers.
    private static func isUnsendable(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n") || byte == 0
    }
}
