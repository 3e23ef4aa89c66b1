/// The four loopback ports of one test Dovecot.
struct DovecotPorts: Sendable, Hashable {
    var pop3: Int
    var pop3s: Int
    var imap: Int
    var imaps: Int
}

/// The complete `dovecot.conf` of one private Dovecot. Only this file is
/// read (`dovecot -c`), never /etc/dovecot, so the machine's setup is irrelevant.
struct DovecotConfiguration {
    var layout: DovecotLayout
    var ports: DovecotPorts
    /// Whose uid and gid the mail processes take (Dovecot refuses uid 0).
    var mailOwner: HarnessFiles.Owner
    /// When not started as root: the user and group every Dovecot process runs as.
    var serviceAccount: (user: String, group: String)?
    /// Appended last, so its settings win.
    var extraConfig: String

    var text: String {
        let root = layout.root
        return """
            # One private test Dovecot of mailroute's DovecotHarness; nothing else reads this file.
            base_dir = \(layout.runDirectory)
            state_dir = \(layout.stateDirectory)
            instance_name = \(root.split(separator: "/").last ?? "mailroute-dovecot")
            log_path = \(layout.logFile)
            protocols = imap pop3
            listen = 127.0.0.1
            ssl = yes
            ssl_cert = <\(layout.certificateDirectory)/server.pem
            ssl_key = <\(layout.certificateDirectory)/server-key.pem
            disable_plaintext_auth = no
            auth_mechanisms = plain login cram-md5 apop
            auth_username_format = %u
            # Wrong-password tests need not wait the default 2 seconds.
            auth_failure_delay = 0
            auth_verbose = yes
            first_valid_uid = \(mailOwner.uid)
            first_valid_gid = \(mailOwner.gid)
            mail_location = maildir:~/Maildir
            mail_max_userip_connections = 1000
            pop3_uidl_format = %08Xu%08Xv
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u \(layout.passwdFile)
            }
            userdb {
              driver = static
              args = uid=\(mailOwner.uid) gid=\(mailOwner.gid) home=\(root)/home/%u
            }
            namespace inbox {
              inbox = yes
              separator = /
            }
            \(serviceAccountSettings)
            \(loginService("imap", plain: ports.imap, tls: ports.imaps))
            \(loginService("pop3", plain: ports.pop3, tls: ports.pop3s))
            \(extraConfig)

            """
    }

    /// Long-lived login processes, started with the server, so the
    /// authentication process is connected before the first client arrives
    /// (a login process that is not yet connected greets IMAP clients with an
    /// extra "Waiting for authentication process" line).
    private func loginService(_ protocolName: String, plain: Int, tls: Int) -> String {
        """
        service \(protocolName)-login {
          service_count = 0
          process_min_avail = 1
          \(serviceAccount == nil ? "" : "chroot =")
          inet_listener \(protocolName) {
            port = \(plain)
          }
          inet_listener \(protocolName)s {
            port = \(tls)
            ssl = yes
          }
        }
        """
    }

    /// Without root, nothing can chroot or change user: every process runs as the caller.
    private var serviceAccountSettings: String {
        guard let (user, group) = serviceAccount else { return "" }
        return """
            default_login_user = \(user)
            default_internal_user = \(user)
            default_internal_group = \(group)
            service anvil {
              chroot =
            }
            service auth-worker {
              user = \(user)
            }
            """
    }
}
