"""Shared pieces of mailroute's benchmark scripts: corpus generation, the
release build, and timing whole processes side by side."""
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared")
GEN = os.path.join(SHARED, "bench", "gen-corpus")


def corpus(count, seed, work, form="maildir", extra=()):
    """The gen-corpus output for these settings, generated once into `work` (never committed)."""
    suffix = ("" if form == "maildir" else "." + form) + "".join(extra).replace("-", "")
    path = os.path.join(work, f"corpus-{count}-{seed}{suffix}")
    if not os.path.exists(path):
        subprocess.run([sys.executable, GEN, "--count", str(count), "--seed", str(seed),
                        "--format", form, "--out", path, *extra], check=True)
    return path


def build_release():
    """Builds mailroute in release mode and returns the binary's path."""
    subprocess.run(["swift", "build", "-c", "release", "--product", "mailroute"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    return subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout.strip() + "/mailroute"


def measure(command, runs, env=None, stdout=subprocess.DEVNULL):
    """Median wall seconds and the largest peak RSS (KiB) over `runs` runs, after one warm-up run."""
    walls, peaks = [], []
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    for _ in range(runs):
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=stdout, stderr=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        walls.append(time.perf_counter() - start)
        peaks.append(usage.ru_maxrss)
        if status != 0:
            sys.exit(f"{' '.join(command)} failed with status {status}")
    return statistics.median(walls), max(peaks)


def measure_in_turns(commands, env=None):
    """`measure` for several commands taking turns: one warm-up run each (but
    for a command measured once, which runs after the others have warmed the
    cache), then round after round, every command with runs left running once
    a round, so that a slow spell of a shared machine falls on all of them
    alike and ratios between them hold. `commands` is a list of (name,
    command, runs); returns {name: (median wall seconds, largest peak RSS in KiB)}."""
    for _, command, runs in commands:
        if runs > 1:
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    walls = {name: [] for name, _, _ in commands}
    peaks = {name: 0 for name, _, _ in commands}
    for round_number in range(max(runs for _, _, runs in commands)):
        for name, command, runs in commands:
            if round_number >= runs:
                continue
            start = time.perf_counter()
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
            _, status, usage = os.wait4(process.pid, 0)
            walls[name].append(time.perf_counter() - start)
            peaks[name] = max(peaks[name], usage.ru_maxrss)
            if status != 0:
                sys.exit(f"{' '.join(command)} failed with status {status}")
    return {name: (statistics.median(walls[name]), peaks[name]) for name, _, _ in commands}


def size_of(path):
    if os.path.isfile(path):
        return os.path.getsize(path)
    total = 0
    for base, _, names in os.walk(path):
        for name in names:
            total += os.path.getsize(os.path.join(base, name))
    return total
