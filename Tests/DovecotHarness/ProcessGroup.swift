import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Looks at the members of a process group through /proc.
enum ProcessGroup {
    /// Whether a process of group `id` is still alive. Zombies do not count:
    /// they hold no sockets or files, and orphaned ones (Dovecot's children
    /// after the master was killed) are reaped by init only when it gets to it.
    static func hasLiveMembers(_ id: pid_t) -> Bool {
        guard kill(-id, 0) == 0 else { return false }
        guard let processes = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return true }
        for name in processes where name.first?.isNumber == true {
            // "pid (command) state ppid pgrp ...": the command may hold spaces or parentheses.
            guard let stat = FileManager.default.contents(atPath: "/proc/\(name)/stat"),
                let close = stat.lastIndex(of: UInt8(ascii: ")"))
            else { continue }
            let fields = stat[(close + 1)...].split(separator: UInt8(ascii: " "), maxSplits: 4)
            guard fields.count >= 3, let group = pid_t(String(decoding: fields[2], as: UTF8.self)) else { continue }
            if group == id && fields[0].first != UInt8(ascii: "Z") { return true }
        }
        return false
    }
}
