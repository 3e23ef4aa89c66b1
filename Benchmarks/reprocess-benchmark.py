#!/usr/bin/env python3
"""Benchmark: `mailroute reprocess` (dry run, and `--compare` with the old
rules) on a large Maildir, against the peers of ../shared/bench/peers on the
same corpus in the same run: Python's email package (`peer.py`) and Dovecot
Pigeonhole's `sieve-filter`. Whole processes, warm page cache, medians.

Measures msgs/s, MB/s and peak RSS with --jobs 1 and --jobs 2; the peak RSS
of the same commands on a corpus a tenth the size, to show memory does not
grow with the number of messages; and the time of --compare against a
single rule set (each message is read and parsed once).

The rules are Rules/bench/acme.xml (the acme rules of the peers) and, for
--compare, Rules/bench/acme-old.xml, a previous version of them. sieve-filter
needs Debian's dovecot-core and dovecot-sieve, and root (it runs as nobody on
a hard-linked copy that `sieve/setup.sh` prepares).

  python3 Benchmarks/reprocess-benchmark.py [--count 100000] [--flat-count 10000] [--seed 3] [--runs 3]
"""
import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys

from benchlib import ROOT, SHARED, build_release, corpus, measure, measure_in_turns, size_of

PEERS = os.path.join(SHARED, "bench", "peers")
RULES = os.path.join(ROOT, "Rules", "bench", "acme.xml")
OLD_RULES = os.path.join(ROOT, "Rules", "bench", "acme-old.xml")
NO_BIG = ("--big-every", "0")


def reprocess(binary, maildir, jobs, compare):
    command = [binary, "reprocess", maildir, "--rules", RULES, "--quiet", "--format", "jsonl", "--jobs", str(jobs)]
    return command + (["--compare", OLD_RULES] if compare else [])


def impact(binary, maildir):
    """The summary of one --compare run, to show the report is not empty."""
    result = subprocess.run(reprocess(binary, maildir, 2, True), check=True, capture_output=True)
    summary = json.loads(result.stdout.decode("utf-8").splitlines()[-1])["summary"]
    return summary["messages"], summary["impact"]["changed_messages"], summary["impact"]["changed_queue"]


TWO_PROCESSES = "2 processes at once, --jobs 1 --shard I/2 each"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=100000)
    parser.add_argument("--flat-count", type=int, default=None, help="the smaller corpus for the memory check (default: count / 10)")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--peer-runs", type=int, default=1, help="runs of peer.py, the slowest by far")
    parser.add_argument("--work", default=os.environ.get("TMPDIR", "/tmp") + "/mailroute-bench")
    options = parser.parse_args()
    flat_count = options.flat_count or max(1, options.count // 10)
    os.makedirs(options.work, exist_ok=True)

    binary = build_release()
    maildir = corpus(options.count, options.seed, options.work, extra=NO_BIG)
    small = corpus(flat_count, options.seed, options.work, extra=NO_BIG)
    megabytes = size_of(maildir) / 1e6
    messages, changed, changed_queue = impact(binary, maildir)
    if messages != options.count:
        sys.exit(f"reprocess read {messages} messages of {options.count}")

    commands = [
        ("reprocess --jobs 1", reprocess(binary, maildir, 1, False), options.runs),
        ("reprocess --jobs 2", reprocess(binary, maildir, 2, False), options.runs),
        ("reprocess --compare --jobs 1", reprocess(binary, maildir, 1, True), options.runs),
        ("reprocess --compare --jobs 2", reprocess(binary, maildir, 2, True), options.runs),
        # The machine's own ceiling for two threads: two independent processes, half the corpus each.
        (TWO_PROCESSES, ["sh", "-c", " & ".join(shlex.join(reprocess(binary, maildir, 1, False) + ["--shard", f"{i}/2"])
                                                  for i in (1, 2)) + " & wait"], options.runs),
        ("peer.py (Python email + re)", [sys.executable, os.path.join(PEERS, "peer.py"), maildir], options.peer_runs),
    ]
    sieve = "sieve-filter (Pigeonhole, dry run)"
    if shutil.which("sieve-filter") and os.geteuid() == 0:
        sieve_copy = os.path.join(options.work, f"sieve-copy-{options.count}-{options.seed}")
        if not os.path.exists(sieve_copy):
            subprocess.run(["sh", os.path.join(PEERS, "sieve", "setup.sh"), maildir, sieve_copy], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        commands.append((sieve, ["sh", os.path.join(PEERS, "sieve", "run.sh"), sieve_copy], options.runs))

    measured = measure_in_turns(commands)
    rows = [(name, *measured[name]) for name, _, _ in commands]
    flat = []
    for jobs, compare in ((1, False), (2, False), (2, True)):
        _, small_peak = measure(reprocess(binary, small, jobs, compare), 1)
        large_peak = next(peak for name, _, peak in rows
                          if name == f"reprocess {'--compare ' if compare else ''}--jobs {jobs}")
        flat.append((f"reprocess {'--compare ' if compare else ''}--jobs {jobs}", small_peak, large_peak))

    print(f"corpus: gen-corpus --count {options.count} --seed {options.seed} --big-every 0 ({megabytes:,.0f} MB), "
          f"median of {options.runs} runs taking turns ({options.peer_runs} for peer.py), warm cache, {os.cpu_count()} cores")
    print(f"impact of acme-old.xml -> acme.xml: {changed:,} of {messages:,} messages changed, {changed_queue:,} changed queue")
    print("| tool | seconds | msgs/s | MB/s | peak RSS |")
    print("|---|---|---|---|---|")
    for name, wall, peak in rows:
        print(f"| {name} | {wall:.2f} | {options.count / wall:,.0f} | {megabytes / wall:,.0f} | {peak / 1024:.0f} MiB |")
    print(f"\npeak RSS, {flat_count:,} -> {options.count:,} messages:")
    for name, small_peak, large_peak in flat:
        print(f"  {name}: {small_peak / 1024:.0f} MiB -> {large_peak / 1024:.0f} MiB")
    by_name = {name: wall for name, wall, _ in rows}
    one, two = by_name["reprocess --jobs 1"], by_name["reprocess --jobs 2"]
    print(f"\n--jobs 2 is {one / two:.2f} times --jobs 1; two processes with half the corpus each are "
          f"{one / by_name[TWO_PROCESSES]:.2f} times --jobs 1 (what two cores give to independent work)")
    print(f"--compare takes {by_name['reprocess --compare --jobs 1'] / one:.2f} times a single rule set with --jobs 1, "
          f"{by_name['reprocess --compare --jobs 2'] / two:.2f} times with --jobs 2")
    print(f"reprocess (--jobs 2) is {by_name['peer.py (Python email + re)'] / two:.1f} times peer.py")
    if sieve in by_name:
        print(f"reprocess (--jobs 2) is {by_name[sieve] / two:.1f} times sieve-filter")


if __name__ == "__main__":
    main()
