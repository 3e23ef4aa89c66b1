#!/usr/bin/env python3
"""Benchmark: fetching a mailbox from a local Dovecot over POP3 and IMAP,
plain and TLS (ssl-tls), leaving the messages on the server: `mailroute
fetch` (download-only, into a Maildir) side by side with mpop, fetchmail and
mbsync (isync) doing the same download, in the same run; again through
../shared/bench/latency-proxy --delay-ms 1 (a 2.2 ms round trip) for the
plain cells; then `mailroute run --once` with the durable queue store and
server-side deletion, taking turns with a download-only `mailroute fetch`
from the same freshly filled mailbox, to compare the two.

The corpus is `gen-corpus --count 5000 --seed 2 --big-every 0` (about 20 KB
a message). The private Dovecot is set up as Tests/DovecotHarness sets up
its test servers (fetchbench_dovecot.py). Every tool runs as a whole
process, several runs each after one warm-up, interleaved run by run so
that the machine's load falls on all of them alike; the median wall time
counts. Every run is checked: all messages delivered, none left missing
from the server. A "raw" row per cell is the server's ceiling: a client
that pipelines every RETR (or sends one `UID FETCH 1:* BODY.PEEK[]`) and
throws the bytes away.

Deliveries go to --into (default /dev/shm, a tmpfs): this machine's ext4
root has no journal, and creating a file there costs 0.3-0.5 ms of kernel
time after many files were deleted (ext4 skips recently deleted inodes), so
any Maildir delivery measures the disk, not the tool. --disk-rows adds rows
that deliver to --disk instead.

Peers: `apt-get install -y mpop fetchmail isync`; a missing one is skipped.
Peak RSS is measured with /usr/bin/time (Debian package `time`).
Run as root or as a user (Dovecot's processes then run as that user).

  python3 Benchmarks/fetch-benchmark.py [--count 5000] [--seed 2] [--runs 5] [--once-runs 3] [--disk-rows]
"""
import argparse
import os
import shutil
import signal
import socket
import ssl
import statistics
import subprocess
import sys
import tempfile
import time

from benchlib import ROOT, SHARED, build_release, corpus, size_of
from fetchbench_dovecot import HOST, PASSWORD, USER, Dovecot

PROXY = os.path.join(SHARED, "bench", "latency-proxy")
RULES = os.path.join(ROOT, "Rules", "bench", "acme.xml")
# The best peers' rates in the issue, measured on this kind of machine.
ISSUE_BEST = {
    "POP3 plain": ("mpop", 12300), "POP3 TLS": ("mpop", 7400),
    "IMAP plain": ("mbsync", 16700), "IMAP TLS": ("mbsync", 12300),
    "POP3 plain +2.2ms": ("mpop", 7500), "IMAP plain +2.2ms": ("mbsync", 13700),
}


# --- one run of one tool --------------------------------------------------------------------------

def timed(command, env=None, stdout=subprocess.DEVNULL):
    """Wall seconds and peak RSS (KiB) of one run; exits on failure, with the tool's stderr.

    The peak RSS comes from /usr/bin/time, not from this process's wait4: Linux counts the
    memory of the forked Python process, before exec, in a child's ru_maxrss."""
    errors = tempfile.TemporaryFile()
    with tempfile.NamedTemporaryFile(mode="r") as peak:
        start = time.perf_counter()
        status = subprocess.call(["/usr/bin/time", "-f", "%M", "-o", peak.name, *command],
                                 stdout=stdout, stderr=errors, env=env)
        wall = time.perf_counter() - start
        text = peak.read().split()
    if status != 0:
        errors.seek(0)
        sys.exit(f"{' '.join(command)} failed with status {status}:\n{errors.read().decode(errors='replace')[-2000:]}")
    return wall, int(text[-1])


def maildir_count(path):
    return sum(len(os.listdir(os.path.join(path, part))) for part in ("new", "cur") if os.path.isdir(os.path.join(path, part)))


class Tool:
    """A way to download the mailbox: prepares a fresh destination, gives the command, counts what arrived."""

    def __init__(self, name, command, prepare, count, env=None, runs=None, peer=True):
        self.name, self.command, self.prepare, self.count = name, command, prepare, count
        self.env, self.runs, self.peer = env, runs, peer


def write(path, text, mode=0o600):
    with open(path, "w") as f:
        f.write(text)
    os.chmod(path, mode)


def fresh(path):
    shutil.rmtree(path, ignore_errors=True)
    if os.path.exists(path):
        os.unlink(path)


def mailroute_config(path, protocol, port, tls, ca_file, store, delete=False, count=5000):
    security = "ssl-tls" if tls else "none"
    ca = f' ca-file="{ca_file}"' if tls else ""
    write(path, f"""<?xml version="1.0" encoding="UTF-8"?>
<configuration version="1">
  <rule-file href="{RULES}"/>
  <queue-store directory="{store}"/>
  <mailbox name="acme" enable-client="true" type="{protocol.upper()}" server="{HOST}" port="{port}"
           pop-connection-security="{security}"{ca} mailbox="{USER}" password="{PASSWORD}"
           address="Acme &lt;support@acme.example&gt;" maximum-msg-number="{max(count, 1)}"
           leave-msg-on-server="{'false' if delete else 'true'}" connect-timeout="00:00:30" protocol-timeout="00:00:30"/>
</configuration>
""")


def tools_for(cell, protocol, port, tls, ca_file, binary, scratch, dest_root, count, slow_runs):
    """The tools of one cell, each delivering under dest_root."""
    tag = cell.replace(" ", "-").replace("+", "").replace(".", "")
    tools = []
    config = os.path.join(scratch, f"mailroute-{tag}.xml")
    mailroute_config(config, protocol, port, tls, ca_file, os.path.join(dest_root, "unused-store"))
    dest = os.path.join(dest_root, f"mailroute-{tag}")
    tools.append(Tool("mailroute fetch", [binary, "fetch", "--config", config, "--mailbox", "acme", "--into", dest],
                      lambda d=dest: fresh(d), lambda d=dest: maildir_count(d), peer=False))
    if protocol == "pop3" and shutil.which("mpop"):
        rc = os.path.join(scratch, f"mpoprc-{tag}")
        dest = os.path.join(dest_root, f"mpop-{tag}")
        uidls = os.path.join(scratch, f"mpop-uidls-{tag}")
        tls_lines = f"tls on\ntls_starttls off\ntls_trust_file {ca_file}\n" if tls else "tls off\n"
        write(rc, f"defaults\naccount bench\nhost {HOST}\nport {port}\n{tls_lines}auth user\nuser {USER}\n"
                  f"password {PASSWORD}\nkeep on\nreceived_header off\nuidls_file {uidls}\ndelivery maildir {dest}\n")

        def prepare(d=dest, u=uidls):
            fresh(d)
            fresh(u)
            for part in ("new", "cur", "tmp"):
                os.makedirs(os.path.join(d, part))
        tools.append(Tool("mpop", ["mpop", "-q", "-C", rc, "bench"], prepare, lambda d=dest: maildir_count(d)))
    if protocol == "imap" and shutil.which("mbsync"):
        rc = os.path.join(scratch, f"mbsyncrc-{tag}")
        dest = os.path.join(dest_root, f"mbsync-{tag}")
        # mbsync checks DNS names only; the certificate is for localhost too.
        write(rc, f"IMAPAccount bench\nHost {'localhost' if tls else HOST}\nPort {port}\nUser {USER}\nPass {PASSWORD}\n"
                  f"SSLType {'IMAPS' if tls else 'None'}\nCertificateFile {ca_file}\nAuthMechs LOGIN\n\n"
                  f"IMAPStore remote\nAccount bench\n\nMaildirStore local\nPath {dest}/\nInbox {dest}/INBOX\n\n"
                  "Channel bench\nFar :remote:\nNear :local:\nPatterns INBOX\nSync Pull New\nCreate Near\n"
                  "Expunge None\nSyncState *\n")

        def prepare(d=dest):
            fresh(d)
            os.makedirs(d)
        tools.append(Tool("mbsync", ["mbsync", "-q", "-c", rc, "bench"], prepare,
                          lambda d=dest: maildir_count(os.path.join(d, "INBOX"))))
    if shutil.which("fetchmail"):
        rc = os.path.join(scratch, f"fetchmailrc-{tag}")
        out = os.path.join(dest_root, f"fetchmail-{tag}.bsmtp")
        home = os.path.join(scratch, f"fetchmail-home-{tag}")
        os.makedirs(home, exist_ok=True)
        # sslproto "" turns off opportunistic STLS/STARTTLS on the plain ports.
        security = f'ssl sslcertfile "{ca_file}" sslcertck' if tls else 'sslproto ""'
        write(rc, f"set no syslog\npoll {'localhost' if tls else HOST} port {port} protocol {protocol.upper()}\n"
                  f'  user "{USER}" with password "{PASSWORD}" is "root" here\n'
                  f"  keep fetchall {security}\n  bsmtp {out}\n")

        def count_bsmtp(o=out):
            with open(o, "rb") as f:
                return sum(1 for line in f if line.startswith(b"MAIL FROM"))
        env = dict(os.environ, HOME=home)
        tools.append(Tool("fetchmail (bsmtp file)",
                          ["fetchmail", "-N", "-s", "--pidfile", os.path.join(home, "pid"), "-f", rc],
                          lambda o=out: fresh(o), count_bsmtp, env=env, runs=slow_runs))
    tools.append(Tool("raw client, bytes dropped (server ceiling)",
                      [sys.executable, os.path.abspath(__file__), "--raw", protocol, str(port), "1" if tls else "0", ca_file],
                      lambda: None, lambda: count, peer=False))
    return tools


# --- the raw client: the server's ceiling ----------------------------------------------------------

def raw_client(protocol, port, tls, ca_file):
    """Downloads every message with one pipelined burst and drops the bytes."""
    sock = socket.create_connection((HOST, port))
    if tls:
        context = ssl.create_default_context(cafile=ca_file)
        sock = context.wrap_socket(sock, server_hostname=HOST)

    def line():
        data = bytearray()
        while not data.endswith(b"\r\n"):
            data += sock.recv(1)
        return bytes(data)
    line()
    if protocol == "pop3":
        sock.sendall(f"USER {USER}\r\n".encode())
        line()
        sock.sendall(f"PASS {PASSWORD}\r\n".encode())
        line()
        sock.sendall(b"STAT\r\n")
        count = int(line().split()[1])
        sock.sendall(b"".join(b"RETR %d\r\n" % n for n in range(1, count + 1)) + b"QUIT\r\n")
    else:
        sock.sendall(f"a LOGIN {USER} {PASSWORD}\r\nb SELECT INBOX\r\nc UID FETCH 1:* BODY.PEEK[]\r\nd LOGOUT\r\n".encode())
    while True:
        try:
            if not sock.recv(1 << 20):
                break
        except (ssl.SSLEOFError, ConnectionResetError):
            break


# --- the benchmark ---------------------------------------------------------------------------------

class LatencyProxy:
    def __init__(self, targets):
        from fetchbench_dovecot import free_ports
        self.ports = free_ports(len(targets))
        pairs = [f"{listen}:{target}" for listen, target in zip(self.ports, targets)]
        self.process = subprocess.Popen([sys.executable, PROXY, "--delay-ms", "1", *pairs],
                                        stdout=subprocess.PIPE, text=True)
        self.process.stdout.readline()  # "latency-proxy pid N: ..." once it listens

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait()


def run_cell(cell, tools, runs, dovecot, count, megabytes):
    """Warm-up, then the runs interleaved tool by tool; one result row per tool."""
    samples = {tool.name: [] for tool in tools}
    peaks = {tool.name: 0 for tool in tools}
    for tool in tools:
        if (tool.runs or runs) >= runs:  # slow tools (fetchmail through the proxy) skip the warm-up
            tool.prepare()
            timed(tool.command, tool.env)
    for index in range(runs):
        for tool in tools:
            if index >= (tool.runs or runs):
                continue
            tool.prepare()
            wall, peak = timed(tool.command, tool.env)
            delivered = tool.count()
            if delivered != count:
                sys.exit(f"{cell}: {tool.name} delivered {delivered} of {count} messages")
            samples[tool.name].append(wall)
            peaks[tool.name] = max(peaks[tool.name], peak)
        if dovecot.message_count() != count:
            sys.exit(f"{cell}: the server holds {dovecot.message_count()} messages, not {count}")
    rows = []
    for tool in tools:
        wall = statistics.median(samples[tool.name])
        rows.append(dict(cell=cell, tool=tool.name, peer=tool.peer, seconds=wall, rate=count / wall,
                         mbps=megabytes / wall, rss=peaks[tool.name], runs=len(samples[tool.name])))
    for tool in tools:
        tool.prepare()
    return rows


def warm_index(dovecot):
    """Has Dovecot index a freshly filled INBOX, as a first login would, before the timed run."""
    import imaplib
    client = imaplib.IMAP4(HOST, dovecot.imap)
    client.login(USER, PASSWORD)
    client.select("INBOX")
    client.logout()


def run_once_cells(binary, dovecot, cells, runs, scratch, dest_root, count, megabytes):
    """`run --once` (store + delete) and, taking turns with it run by run, the
    download-only `mailroute fetch` from the same freshly filled mailbox: the
    like-for-like pair (a fetch cell above downloads a mailbox already
    downloaded in its warm-up, whose flags and index the server has updated)."""
    rows = []
    for cell, protocol, port, tls in cells:
        samples = {"run": [], "fetch": []}
        peaks = {"run": 0, "fetch": 0}
        for index in range(runs):
            for kind in ("fetch", "run"):
                dovecot.fill()
                warm_index(dovecot)
                store = os.path.join(dest_root, f"store-{index}")
                fresh(store)
                config = os.path.join(scratch, f"run-once-{protocol}-{int(tls)}.xml")
                if kind == "run":
                    mailroute_config(config, protocol, port, tls, dovecot.ca_file, store, delete=True, count=count)
                    wall, rss = timed([binary, "run", "--once", "--config", config, "--log-level", "warning"])
                    spooled = len(os.listdir(os.path.join(store, "spool", "new")))
                    if spooled != count or dovecot.message_count() != 0:
                        sys.exit(f"run --once {cell}: {spooled} stored, {dovecot.message_count()} left on the server")
                else:
                    mailroute_config(config, protocol, port, tls, dovecot.ca_file, store)
                    dest = os.path.join(dest_root, "fresh-fetch")
                    fresh(dest)
                    wall, rss = timed([binary, "fetch", "--config", config, "--mailbox", "acme", "--into", dest])
                    if maildir_count(dest) != count or dovecot.message_count() != count:
                        sys.exit(f"fetch of a fresh mailbox {cell}: {maildir_count(dest)} delivered")
                    fresh(dest)
                samples[kind].append(wall)
                peaks[kind] = max(peaks[kind], rss)
                fresh(store)
        # Each run --once with the download just before it: the machine's
        # speed drifts over minutes, so a pair measured seconds apart compares
        # better than two medians.
        pairs = [fetch / run for fetch, run in zip(samples["fetch"], samples["run"])]
        for kind, tool in (("fetch", "mailroute fetch, freshly filled mailbox"),
                           ("run", "mailroute run --once (store + delete)")):
            wall = statistics.median(samples[kind])
            rows.append(dict(cell=cell, tool=tool, peer=False, seconds=wall, rate=count / wall,
                             mbps=megabytes / wall, rss=peaks[kind], runs=runs, pairs=pairs))
    dovecot.fill()
    warm_index(dovecot)
    return rows


def table(rows):
    lines = ["| cell | tool | runs | seconds | msgs/s | MB/s | peak RSS |", "|---|---|---|---|---|---|---|"]
    for row in rows:
        lines.append(f"| {row['cell']} | {row['tool']} | {row['runs']} | {row['seconds']:.3f} | {row['rate']:,.0f} | "
                     f"{row['mbps']:,.0f} | {row['rss'] / 1024:.0f} MiB |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=2)
    parser.add_argument("--runs", type=int, default=5, help="timed runs per tool and cell, after one warm-up")
    parser.add_argument("--slow-runs", type=int, default=3, help="runs of fetchmail (1 through the proxy)")
    parser.add_argument("--once-runs", type=int, default=3, help="runs of mailroute run --once per cell")
    parser.add_argument("--work", default=os.environ.get("TMPDIR", "/tmp") + "/mailroute-bench")
    parser.add_argument("--into", default="/dev/shm", help="where deliveries and queue stores go")
    parser.add_argument("--disk", default=None, help="directory on disk for --disk-rows (default: under --work)")
    parser.add_argument("--disk-rows", action="store_true", help="also deliver to --disk (plain cells)")
    parser.add_argument("--binary", help="a mailroute binary to use instead of building one")
    parser.add_argument("--cells", help="only these cells, comma-separated (e.g. 'POP3 plain,IMAP TLS')")
    parser.add_argument("--raw", nargs=4, metavar=("PROTOCOL", "PORT", "TLS", "CAFILE"), help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.raw:
        protocol, port, tls, ca_file = options.raw
        raw_client(protocol, int(port), tls == "1", ca_file)
        return

    if not os.access("/usr/bin/time", os.X_OK):
        sys.exit("peak RSS is measured with /usr/bin/time: apt-get install -y time")
    os.makedirs(options.work, exist_ok=True)
    binary = options.binary or build_release()
    maildir = corpus(options.count, options.seed, options.work, extra=("--big-every", "0"))
    megabytes = size_of(maildir) / 1e6
    largest = max(os.path.getsize(os.path.join(maildir, "new", name)) for name in os.listdir(os.path.join(maildir, "new")))
    load_start = os.getloadavg()
    scratch = tempfile.mkdtemp(prefix="mailroute-fetchbench-files-")
    dest_root = tempfile.mkdtemp(prefix="mailroute-fetchbench-", dir=options.into)
    disk_root = None
    dovecot = Dovecot()
    proxy = None
    try:
        dovecot.start()
        dovecot.stage(maildir)
        dovecot.fill()
        warm_index(dovecot)
        proxy = LatencyProxy([dovecot.pop3, dovecot.imap])
        cells = [
            ("POP3 plain", "pop3", dovecot.pop3, False, options.slow_runs),
            ("POP3 TLS", "pop3", dovecot.pop3s, True, options.slow_runs),
            ("IMAP plain", "imap", dovecot.imap, False, options.slow_runs),
            ("IMAP TLS", "imap", dovecot.imaps, True, options.slow_runs),
            ("POP3 plain +2.2ms", "pop3", proxy.ports[0], False, 1),
            ("IMAP plain +2.2ms", "imap", proxy.ports[1], False, 1),
        ]
        if options.cells:
            wanted = [name.strip() for name in options.cells.split(",")]
            unknown = set(wanted) - {cell[0] for cell in cells}
            if unknown:
                sys.exit(f"unknown cells {sorted(unknown)}; the cells are {[cell[0] for cell in cells]}")
            cells = [cell for cell in cells if cell[0] in wanted]
        rows = []
        for cell, protocol, port, tls, slow_runs in cells:
            tools = tools_for(cell, protocol, port, tls, dovecot.ca_file, binary, scratch, dest_root, options.count, slow_runs)
            rows += run_cell(cell, tools, options.runs, dovecot, options.count, megabytes)
            print(table([r for r in rows if r["cell"] == cell]).split("\n", 2)[2], file=sys.stderr, flush=True)
        if options.disk_rows:
            disk_root = tempfile.mkdtemp(prefix="mailroute-fetchbench-disk-", dir=options.disk or options.work)
            for cell, protocol, port, tls, _ in [c for c in cells if c[0] in ("POP3 plain", "IMAP plain")]:
                tools = [t for t in tools_for(cell + " to disk", protocol, port, tls, dovecot.ca_file, binary, scratch,
                                              disk_root, options.count, 1)
                         if t.name in ("mailroute fetch", "mpop", "mbsync")]
                rows += run_cell(cell + " to disk", tools, options.runs, dovecot, options.count, megabytes)
        # Memory: a tenth of the mailbox, then all of it, with the same largest message.
        memory = []
        config = os.path.join(scratch, "mailroute-POP3-plain.xml")
        if os.path.exists(config):
            dest = os.path.join(dest_root, "memory")
            for limit in (max(1, options.count // 10), options.count):
                peaks = []
                for _ in range(3):
                    fresh(dest)
                    peaks.append(timed([binary, "fetch", "--config", config, "--mailbox", "acme", "--into", dest,
                                        "--limit", str(limit)])[1])
                memory.append((limit, min(peaks)))
            fresh(dest)
        once_cells = [(cell, protocol, port, tls) for cell, protocol, port, tls, _ in cells if "+" not in cell]
        once_rows = run_once_cells(binary, dovecot, once_cells, options.once_runs, scratch, dest_root, options.count,
                                   megabytes) if options.once_runs > 0 else []
    finally:
        if proxy:
            proxy.stop()
        dovecot.stop()
        shutil.rmtree(scratch, ignore_errors=True)
        shutil.rmtree(dest_root, ignore_errors=True)
        if disk_root:
            shutil.rmtree(disk_root, ignore_errors=True)
    load_end = os.getloadavg()

    print(f"corpus: gen-corpus --count {options.count} --seed {options.seed} --big-every 0 "
          f"({options.count} messages, {megabytes:.1f} MB, largest {largest / 1024:.0f} KiB)")
    print(f"deliveries to {options.into}; median of {options.runs} runs after a warm-up "
          f"(fetchmail: {options.slow_runs}, 1 through the proxy); {os.cpu_count()} cores")
    print("load average (1, 5, 15 min): at start %.2f %.2f %.2f, at end %.2f %.2f %.2f" % (*load_start, *load_end))
    print(table(rows + once_rows))
    print()
    print("| cell | mailroute fetch msgs/s | best peer in this run | ratio | issue's best peer | raw ceiling |")
    print("|---|---|---|---|---|---|")
    for cell in [c[0] for c in cells] + sorted({r["cell"] for r in rows if r["cell"].endswith(" to disk")}):
        mine = next(r for r in rows if r["cell"] == cell and r["tool"] == "mailroute fetch")
        peers = [r for r in rows if r["cell"] == cell and r["peer"]]
        best = max(peers, key=lambda r: r["rate"]) if peers else None
        raw = next((r for r in rows if r["cell"] == cell and r["tool"].startswith("raw")), None)
        issue = ISSUE_BEST.get(cell)
        print(f"| {cell} | {mine['rate']:,.0f} | " + (f"{best['tool']} {best['rate']:,.0f} | {mine['rate'] / best['rate']:.2f} | "
                                                       if best else "none | - | ")
              + (f"{issue[0]} {issue[1]:,} | " if issue else "- | ") + (f"{raw['rate']:,.0f} |" if raw else "- |"))
    print()
    if once_rows:
        print("| cell | run --once msgs/s | download-only, same fresh mailbox | ratio (target 0.5) "
              "| ratio of each pair: median (least, most) | download-only, mailbox downloaded before | ratio |")
        print("|---|---|---|---|---|---|---|")
    for row in [r for r in once_rows if r["tool"].startswith("mailroute run")]:
        fresh_fetch = next(r for r in once_rows if r["cell"] == row["cell"] and r["tool"].startswith("mailroute fetch"))
        warm = next(r for r in rows if r["cell"] == row["cell"] and r["tool"] == "mailroute fetch")
        pairs = row["pairs"]
        print(f"| {row['cell']} | {row['rate']:,.0f} | {fresh_fetch['rate']:,.0f} | {row['rate'] / fresh_fetch['rate']:.2f} "
              f"| {statistics.median(pairs):.2f} ({min(pairs):.2f}, {max(pairs):.2f}) "
              f"| {warm['rate']:,.0f} | {row['rate'] / warm['rate']:.2f} |")
    print()
    fetch_peak = max(r["rss"] for r in rows if r["tool"] == "mailroute fetch")
    print(f"peak RSS of mailroute fetch: {fetch_peak / 1024:.1f} MiB at most in any cell"
          + (f"; run --once {max(r['rss'] for r in once_rows if r['tool'].startswith('mailroute run')) / 1024:.1f} MiB"
             if once_rows else ""))
    if memory:
        print(f"POP3 plain, least of 3 runs: {memory[0][1] / 1024:.1f} MiB for the first {memory[0][0]} messages, "
              f"{memory[1][1] / 1024:.1f} MiB for all {memory[1][0]} (largest message {largest / 1024:.0f} KiB)")

if __name__ == "__main__":
    main()
