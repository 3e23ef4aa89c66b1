#!/usr/bin/env python3
"""Benchmark: `mailroute inspect --json` against Python's `email` package.

Generates the corpus with ../shared/bench/gen-corpus (never committed), builds
mailroute in release mode, then runs both tools on the same Maildir in the
same run, warm page cache, several times, and prints the median wall time,
messages per second and peak resident memory of each, and their ratio. A
second, 10 times smaller corpus shows whether peak memory grows with the
mailbox size.

  python3 Benchmarks/inspect-benchmark.py [--count 20000] [--seed 1] [--runs 3]
"""
import argparse
import os
import sys

from benchlib import ROOT, build_release, corpus, measure, size_of


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", default=os.environ.get("TMPDIR", "/tmp") + "/mailroute-bench")
    options = parser.parse_args()
    os.makedirs(options.work, exist_ok=True)

    binary = build_release()
    big = corpus(options.count, options.seed, options.work)
    small = corpus(options.count // 10, options.seed, options.work)
    megabytes = size_of(big) / 1e6
    python_env = dict(os.environ, PYTHONIOENCODING="utf-8:surrogateescape")
    peer = os.path.join(ROOT, "Benchmarks", "python_inspect.py")

    rows = []
    for name, command, env in [
        ("mailroute inspect --json --jobs 1", [binary, "inspect", "--json", "--jobs", "1", big], None),
        ("mailroute inspect --json --jobs 2", [binary, "inspect", "--json", "--jobs", "2", big], None),
        ("python email (policy=default)", [sys.executable, peer, big], python_env),
    ]:
        wall, peak = measure(command, options.runs, env)
        rows.append((name, wall, peak))
    small_wall, small_peak = measure([binary, "inspect", "--json", "--jobs", "1", small], options.runs)
    big_mbox = corpus(options.count, options.seed, options.work, "mbox")
    small_mbox = corpus(options.count // 10, options.seed, options.work, "mbox")
    _, big_mbox_peak = measure([binary, "inspect", "--json", "--jobs", "1", big_mbox], 1)
    _, small_mbox_peak = measure([binary, "inspect", "--json", "--jobs", "1", small_mbox], 1)

    print(f"corpus: gen-corpus --count {options.count} --seed {options.seed} ({megabytes:.0f} MB), "
          f"{options.runs} runs, median wall time, warm cache, {os.cpu_count()} cores")
    print(f"| tool | seconds | msgs/s | MB/s | peak RSS |")
    print(f"|---|---|---|---|---|")
    for name, wall, peak in rows:
        print(f"| {name} | {wall:.2f} | {options.count / wall:,.0f} | {megabytes / wall:,.0f} | {peak / 1024:.0f} MiB |")
    print(f"\nratio: mailroute is {rows[2][1] / rows[0][1]:.1f} times as fast as Python's email package on one thread, "
          f"{rows[2][1] / rows[1][1]:.1f} times on two")
    print(f"peak RSS of mailroute, Maildir: {small_peak / 1024:.0f} MiB on {options.count // 10} messages, "
          f"{rows[0][2] / 1024:.0f} MiB on {options.count}")
    print(f"peak RSS of mailroute, mbox:    {small_mbox_peak / 1024:.0f} MiB on {options.count // 10} messages, "
          f"{big_mbox_peak / 1024:.0f} MiB on {options.count}")


if __name__ == "__main__":
    main()
