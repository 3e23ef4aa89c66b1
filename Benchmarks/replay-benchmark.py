#!/usr/bin/env python3
"""Benchmark: `mailroute replay` with the acme rules against the peers of
../shared/bench/peers: Python's email package (`peer.py`, the correctness
oracle) and Dovecot Pigeonhole's `sieve-filter`, on the same Maildir, in the
same run, warm page cache, whole processes, several runs, medians.

First it checks that mailroute's queue and tags agree with peer.py on every
message (`compare.py`); then it times each tool. sieve-filter needs Debian's
dovecot-core and dovecot-sieve, and root (it runs as nobody on a hard-linked
copy of the corpus that `sieve/setup.sh` prepares).

  python3 Benchmarks/replay-benchmark.py [--count 20000] [--seed 1] [--runs 5]
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

from benchlib import ROOT, SHARED, build_release, corpus, measure, size_of

PEERS = os.path.join(SHARED, "bench", "peers")
RULES = os.path.join(ROOT, "Rules", "bench", "acme.xml")


def mailroute_decisions(binary, maildir, out):
    """mailroute's decisions as compare.py reads them: `name queue tags` per message."""
    result = subprocess.run([binary, "replay", maildir, "--rules", RULES, "--format", "jsonl"],
                            check=True, capture_output=True)
    with open(out, "w", encoding="utf-8") as f:
        for line in result.stdout.decode("utf-8").splitlines():
            record = json.loads(line)
            if "summary" in record:
                continue
            name = os.path.basename(record["position"])
            f.write(f"{name} {record['queue']} {','.join(record['tags']) or '-'}\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--peer-runs", type=int, default=3, help="runs of peer.py, the slowest by far")
    parser.add_argument("--work", default=os.environ.get("TMPDIR", "/tmp") + "/mailroute-bench")
    options = parser.parse_args()
    os.makedirs(options.work, exist_ok=True)

    binary = build_release()
    maildir = corpus(options.count, options.seed, options.work)
    megabytes = size_of(maildir) / 1e6

    # Correctness first: the same decisions as the oracle on every message.
    scratch = tempfile.mkdtemp(prefix="mailroute-replay-bench-")
    oracle = os.path.join(scratch, "peer.txt")
    mine = os.path.join(scratch, "mailroute.txt")
    with open(oracle, "w") as f:
        subprocess.run([sys.executable, os.path.join(PEERS, "peer.py"), maildir], check=True, stdout=f)
    mailroute_decisions(binary, maildir, mine)
    agreement = subprocess.run([sys.executable, os.path.join(PEERS, "compare.py"), oracle, mine],
                               check=True, capture_output=True, text=True).stdout.strip()

    commands = [
        ("mailroute replay --jobs 1", [binary, "replay", maildir, "--rules", RULES, "--format", "jsonl", "--jobs", "1"], options.runs),
        ("mailroute replay --jobs 2", [binary, "replay", maildir, "--rules", RULES, "--format", "jsonl", "--jobs", "2"], options.runs),
        ("peer.py (Python email + re)", [sys.executable, os.path.join(PEERS, "peer.py"), maildir], options.peer_runs),
    ]
    sieve_copy = None
    if shutil.which("sieve-filter") and os.geteuid() == 0:
        sieve_copy = os.path.join(options.work, "sieve-copy")
        subprocess.run(["sh", os.path.join(PEERS, "sieve", "setup.sh"), maildir, sieve_copy], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        commands.append(("sieve-filter (Pigeonhole, dry run)", ["sh", os.path.join(PEERS, "sieve", "run.sh"), sieve_copy], options.runs))

    rows = []
    for name, command, runs in commands:
        wall, peak = measure(command, runs)
        rows.append((name, wall, peak))

    print(f"corpus: gen-corpus --count {options.count} --seed {options.seed} ({megabytes:.0f} MB), "
          f"median of {options.runs} runs ({options.peer_runs} for peer.py), warm cache, {os.cpu_count()} cores")
    print(f"agreement with peer.py: {agreement.splitlines()[0]}")
    print("| tool | seconds | msgs/s | MB/s | peak RSS |")
    print("|---|---|---|---|---|")
    for name, wall, peak in rows:
        print(f"| {name} | {wall:.2f} | {options.count / wall:,.0f} | {megabytes / wall:,.0f} | {peak / 1024:.0f} MiB |")
    by_name = {name: wall for name, wall, _ in rows}
    one, two = by_name["mailroute replay --jobs 1"], by_name["mailroute replay --jobs 2"]
    print(f"\n--jobs 2 is {one / two:.2f} times --jobs 1")
    print(f"mailroute (--jobs 2) is {by_name['peer.py (Python email + re)'] / two:.1f} times peer.py")
    if sieve_copy:
        print(f"mailroute (--jobs 2) is {by_name['sieve-filter (Pigeonhole, dry run)'] / two:.1f} times sieve-filter")
    shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
