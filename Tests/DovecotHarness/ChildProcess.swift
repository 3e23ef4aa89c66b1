#if canImport(Glibc)
import Glibc
#endif

/// Starts programs with `posix_spawn` so that the harness controls exactly
/// what they inherit: no descriptor of the test process (another test's
/// socket kept open by Dovecot would never close), default SIGPIPE, and a
/// process group of the caller's choosing, so a whole server can be signalled.
enum ChildProcess {
    /// Where a program's standard input comes from.
    enum Input {
        case null
        case descriptor(Int32)
    }

    /// Starts `executable` with `arguments`, standard output and error appended
    /// to `outputFile`. `processGroup` 0 makes the child lead a new group.
    static func spawn(
        _ executable: String, _ arguments: [String], input: Input = .null, outputFile: String,
        processGroup: pid_t = 0
    ) throws(HarnessError) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        switch input {
        case .null: posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        case .descriptor(let descriptor): posix_spawn_file_actions_adddup2(&actions, descriptor, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 1, outputFile, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        closeInheritedDescriptors(&actions)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, processGroup)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaultSignals = sigset_t()
        sigemptyset(&defaultSignals)
        sigaddset(&defaultSignals, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let environment = [strdup("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"), nil]
        defer { (argv + environment).forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, environment)
        guard result == 0 else {
            throw .commandFailed(command: executable, status: "could not start", output: String(cString: strerror(result)))
        }
        return pid
    }

    /// Runs a helper to completion (at most `timeout`, then it is killed) and
    /// returns what it printed; throws if it did not exit with status 0.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], outputFile: String, timeout: Duration = .seconds(60))
        throws(HarnessError) -> String
    {
        unlink(outputFile)
        let pid = try spawn(executable, arguments, outputFile: outputFile)
        var status = wait(pid, timeout: timeout)
        if status == nil {
            Glibc.kill(-pid, SIGKILL)
            status = wait(pid, timeout: .seconds(5))
        }
        let output = FileTail.read(outputFile, lines: 40)
        let command = ([executable] + arguments).joined(separator: " ")
        guard let status else { throw .commandFailed(command: command, status: "did not exit", output: output) }
        guard status == 0 else { throw .commandFailed(command: command, status: describe(status), output: output) }
        return output
    }

    /// Reaps `pid` once it exits, waiting at most `timeout`; its wait status,
    /// or nil if it is still running. A pid that is not our child counts as gone.
    static func wait(_ pid: pid_t, timeout: Duration) -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while true {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { return status }
            if result < 0 && errno != EINTR { return 0 }
            if ContinuousClock.now >= deadline { return nil }
            usleep(5_000)
        }
    }

    /// "exited with status N" or "was killed by signal N", for error messages.
    static func describe(_ status: Int32) -> String {
        status & 0x7f == 0 ? "exited with status \((status >> 8) & 0xff)" : "was killed by signal \(status & 0x7f)"
    }

    /// The first of `directories` holding an executable `name`.
    static func find(_ name: String, in directories: [String]) throws(HarnessError) -> String {
        for directory in directories where access(directory + "/" + name, X_OK) == 0 {
            return directory + "/" + name
        }
        throw .programMissing(name: name, searched: directories)
    }

    /// glibc 2.34 and later close everything from 3 up in one action; Swift's
    /// Glibc module does not import it, so it is looked up by name. Older
    /// systems get one close action per descriptor open now (the rest are
    /// close-on-exec, as every descriptor the harness opens is).
    private static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") {
            _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
            return
        }
        for descriptor in Int32(3)..<Int32(1024) where fcntl(descriptor, F_GETFD) >= 0 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
    }
}
