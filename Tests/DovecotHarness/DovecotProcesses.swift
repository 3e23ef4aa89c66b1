#if canImport(Glibc)
import Glibc
#endif

/// One running Dovecot: the master (`dovecot -F`, leading its own process
/// group, which all its children share) and a watchdog shell in that group.
///
/// The watchdog reads a pipe whose only writer is the test process; when the
/// test process ends in any way, even SIGKILL, the pipe closes and the
/// watchdog kills the whole group, so no Dovecot outlives its tests. It
/// ignores SIGTERM so that the group exists until the harness has finished
/// with it (a process group id cannot be reused while a member lives).
struct DovecotProcesses: Sendable {
    let master: pid_t
    let watchdog: pid_t
    /// The write end of the watchdog's pipe.
    let lifeline: Int32

    /// Starts `executable -F -c CONFIG` and waits until it serves every port.
    static func launch(_ executable: String, layout: DovecotLayout, ports: DovecotPorts) throws(HarnessError) -> DovecotProcesses {
        unlink(layout.runDirectory + "/master.pid")  // a stale one, after a kill, would stop the new master
        var pipeEnds: [Int32] = [-1, -1]
        // No pipe2 in Swift's Glibc; spawned programs close inherited descriptors anyway.
        guard pipe(&pipeEnds) == 0, fcntl(pipeEnds[0], F_SETFD, FD_CLOEXEC) == 0, fcntl(pipeEnds[1], F_SETFD, FD_CLOEXEC) == 0 else {
            throw .serverFailed(reason: "cannot make the watchdog pipe: \(String(cString: strerror(errno)))", log: "")
        }
        defer { close(pipeEnds[0]) }
        let master: pid_t
        do {
            master = try ChildProcess.spawn(executable, ["-F", "-c", layout.configFile], outputFile: layout.outputFile)
        } catch {
            close(pipeEnds[1])
            throw error
        }
        let watchdog: pid_t
        do {
            watchdog = try ChildProcess.spawn(
                "/bin/sh", ["-c", "trap '' TERM; read -r line; kill -KILL 0"], input: .descriptor(pipeEnds[0]),
                outputFile: layout.outputFile, processGroup: master)
        } catch {
            // Joining the master's group fails when the master has already exited.
            DovecotProcesses(master: master, watchdog: 0, lifeline: pipeEnds[1]).end(gracefully: false)
            throw .serverFailed(reason: "exited at once (\(error))", log: DovecotReadiness.logTail(layout))
        }
        let processes = DovecotProcesses(master: master, watchdog: watchdog, lifeline: pipeEnds[1])
        do {
            try DovecotReadiness(layout: layout, ports: ports, master: master).wait(timeout: .seconds(30))
        } catch {
            processes.end(gracefully: false)
            throw error
        }
        return processes
    }

    /// Ends every process of the server: with `gracefully`, SIGTERM first and
    /// up to 10 seconds for the master to shut down (Dovecot says goodbye to
    /// its clients); then SIGKILL for anything left, watchdog included.
    func end(gracefully: Bool) {
        if gracefully {
            kill(-master, SIGTERM)
            _ = ChildProcess.wait(master, timeout: .seconds(10))
        }
        kill(-master, SIGKILL)
        close(lifeline)
        _ = ChildProcess.wait(master, timeout: .seconds(10))
        if watchdog > 0 { _ = ChildProcess.wait(watchdog, timeout: .seconds(10)) }
        waitUntilGroupIsGone(timeout: .seconds(5))
    }

    /// The children die a moment after the master; until then a login
    /// process may still hold a listening socket and accept connections.
    private func waitUntilGroupIsGone(timeout: Duration) {
        let deadline = ContinuousClock.now + timeout
        while ProcessGroup.hasLiveMembers(master) && ContinuousClock.now < deadline {
            usleep(5_000)
        }
    }
}
