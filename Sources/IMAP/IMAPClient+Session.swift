import Network

/// The greeting, STARTTLS, capabilities, logging in and out.
extension IMAPClient {
    /// Reads the greeting, starts TLS as the configuration asks and learns
    /// the capabilities; closes the connection if any of it fails.
    func start() throws(IMAPError) {
        do throws(IMAPError) {
            try perform { () throws(IMAPError) in try greetAndSecure() }
        } catch {
            close()
            throw error
        }
    }

    private func greetAndSecure() throws(IMAPError) {
        try reader.nextLine()
        guard reader.skip(ASCII.star), reader.skip(ASCII.space),
            let condition = reader.condition(reader.word()), [.ok, .preauth, .bye].contains(condition)
        else { throw reader.violation("expected a greeting (* OK, * PREAUTH or * BYE)") }
        let greeting = try reader.statusResponse(condition)
        if condition == .bye { throw .greetingRejected(host: host, port: port, text: greeting.text) }
        var known = false
        if case .capability(let announced) = greeting.code {
            capabilities = announced
            known = true
        }
        let security = configuration.security
        if security == .startTLS || security == .startTLSRequired {
            // PREAUTH skips the state in which STARTTLS is allowed.
            if condition != .preauth && !known {
                try refreshCapabilities()
                known = true
            }
            if condition != .preauth && capabilities.offersStartTLS {
                try startTLS()
                known = false
            } else if security == .startTLSRequired {
                throw .startTLSNotOffered(host: host, port: port)
            }
        }
        if !known { try refreshCapabilities() }
    }

    /// STARTTLS, then the handshake. Capabilities learnt before are
    /// forgotten (RFC 3501 6.2.1): an attacker could have written them.
    private func startTLS() throws(IMAPError) {
        guard let tls = configuration.tls else {
            throw .tlsNotConfigured(host: host, port: port, security: configuration.security)
        }
        let status = try execute(IMAPCommand("STARTTLS"))
        guard status.condition == .ok else { throw .startTLSRefused(host: host, port: port, text: status.text) }
        do throws(NetworkError) {
            try transport.upgradeToTLS(tls)
        } catch {
            throw .network(error)
        }
        capabilities = IMAPCapabilities([])
    }

    /// Asks for CAPABILITY and keeps the answer.
    func refreshCapabilities() throws(IMAPError) {
        capabilities = IMAPCapabilities([])
        try executeOK(IMAPCommand("CAPABILITY"))
    }

    /// Logs in with the configured method (see ``IMAPAuthenticationMethod``),
    /// then re-reads the capabilities, which may change once logged in.
    ///
    /// The password and the AUTHENTICATE payload are sent as they must be
    /// (quoted string, literal or base64) but never appear in the transcript
    /// or in an error.
    ///
    /// - Throws: `.authenticationUnavailable` before sending anything secret
    ///   when the method cannot be used on this connection;
    ///   `.authenticationFailed` with the server's text when it refuses.
    public func login(user: String, password: String) throws(IMAPError) {
        try perform { () throws(IMAPError) in
            var command: IMAPCommand
            if try authenticationMethod() == .login {
                command = IMAPCommand("LOGIN")
                command.addString(user)
                command.addString(password, secret: true)
            } else {
                let payload = Base64.encode([0] + Array(user.utf8) + [0] + Array(password.utf8))
                command = IMAPCommand("AUTHENTICATE PLAIN")
                if capabilities.offersInitialResponse {
                    command.add(String(decoding: payload, as: UTF8.self), secret: true)
                } else {
                    command.addAfterContinuation(payload)
                }
            }
            let status = try execute(command)
            guard status.condition == .ok else {
                throw .authenticationFailed(host: host, port: port, user: user, text: status.text)
            }
            if case .capability(let announced) = status.code {
                capabilities = announced
            } else {
                try refreshCapabilities()
            }
        }
    }

    /// LOGIN or PLAIN, as configured and as the server allows.
    private func authenticationMethod() throws(IMAPError) -> IMAPAuthenticationMethod {
        let advice = isEncrypted ? "" : "; on an unencrypted connection, use pop-connection-security start-tls or ssl-tls"
        switch configuration.authentication {
        case .automatic:
            if capabilities.offersAuthPlain { return .plain }
            guard !capabilities.disablesLogin else {
                throw .authenticationUnavailable(
                    host: host, port: port, reason: "the server refuses LOGIN (LOGINDISABLED) and offers no AUTH=PLAIN" + advice)
            }
            return .login
        case .login:
            guard !capabilities.disablesLogin else {
                throw .authenticationUnavailable(
                    host: host, port: port, reason: "the server refuses LOGIN on this connection (LOGINDISABLED)" + advice)
            }
            return .login
        case .plain:
            guard capabilities.offersAuthPlain else {
                throw .authenticationUnavailable(
                    host: host, port: port, reason: "the server does not offer AUTHENTICATE PLAIN (AUTH=PLAIN)" + advice)
            }
            return .plain
        }
    }

    /// Sends LOGOUT, reads the server's BYE and completion, and closes the
    /// connection, also when LOGOUT fails.
    public func logout() throws(IMAPError) {
        try perform { () throws(IMAPError) in
            defer { close() }
            do throws(IMAPError) {
                try executeOK(IMAPCommand("LOGOUT"))
            } catch {
                // A server may close right after its BYE; the session ended as asked.
                guard case .network(.closedByPeer) = error, byeText != nil else { throw error }
            }
        }
    }
}
