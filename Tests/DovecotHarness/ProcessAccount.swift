#if canImport(Glibc)
import Glibc
#endif

/// Which accounts a test Dovecot uses, depending on who runs the tests.
enum ProcessAccount {
    /// As root: mail processes run as `nobody` (Dovecot refuses uid 0 for
    /// mail) and Dovecot's own service users (dovecot, dovenull) serve the
    /// rest. Otherwise every process runs as the caller.
    static func current() throws(HarnessError) -> (mailOwner: HarnessFiles.Owner, serviceAccount: (user: String, group: String)?) {
        let uid = getuid()
        if uid == 0 {
            guard let nobody = getpwnam("nobody") else {
                throw .invalidUser(name: "nobody", reason: "this system has no 'nobody' account for Dovecot's mail processes")
            }
            return (HarnessFiles.Owner(uid: nobody.pointee.pw_uid, gid: nobody.pointee.pw_gid), nil)
        }
        let gid = getgid()
        guard let user = getpwuid(uid), let group = getgrgid(gid) else {
            throw .invalidUser(name: "uid \(uid)", reason: "the current user has no name in the passwd or group database")
        }
        return (
            HarnessFiles.Owner(uid: uid, gid: gid),
            (String(cString: user.pointee.pw_name), String(cString: group.pointee.gr_name))
        )
    }
}
