#!/usr/bin/env bash
# Builds the fuzzer and runs it for SECONDS (default 600) in one process.
#
#   Fuzz/run.sh [SECONDS]
#
# The working corpus, Fuzz/corpus-work/, is seeded from every file of
# ../shared/corpus/ (beside the repository) and of Fuzz/seeds/, and keeps
# what earlier runs found. Crash, leak and timeout inputs go to Fuzz/out/,
# with the log of the run. The exit status is non-zero if this run wrote one.
#
# FUZZ_CONFIGURATION=debug builds without optimisation (slower, better stacks);
# MAILROUTE_CORPUS=DIR takes the seed messages from DIR instead.
set -euo pipefail

seconds=${1:-600}
fuzz_dir=$(cd "$(dirname "$0")" && pwd)
repository=$(dirname "$fuzz_dir")
shared_corpus=${MAILROUTE_CORPUS:-$repository/../shared/corpus}
configuration=${FUZZ_CONFIGURATION:-release}
corpus=$fuzz_dir/corpus-work
out=$fuzz_dir/out

# --sanitize twice is not enough: SwiftPM hands both to the compiler driver, in
# no fixed order, and the driver passes only the last -sanitize= option on to
# the frontend, so a build ends up without coverage or without ASan, depending
# on the order. One -sanitize=fuzzer,address reaches the frontend whole; the two
# --sanitize options still make the link take both runtimes.
#
# --disable-build-manifest-caching: the main package is a dependency by path,
# and with a cached build plan a source file added to it since the last build
# (after a merge, say) is not seen, and the build fails or fuzzes stale code.
build=(swift build --package-path "$fuzz_dir" -c "$configuration"
    --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address
    --disable-build-manifest-caching)
# ld.lld links the sanitizer runtimes without ld.gold's "Cannot export local symbol" warnings.
swift_bin=$(dirname "$(readlink -f "$(command -v swift)")")
if [ -x "$swift_bin/ld.lld" ]; then build+=(--toolset "$fuzz_dir/toolset.json"); fi
echo "+ ${build[*]}"
"${build[@]}"
fuzzer=$("${build[@]}" --show-bin-path)/MessageFuzzer
# An uninstrumented binary would "find nothing" for the wrong reason.
sections=$(readelf -S "$fuzzer")
symbols=$(nm "$fuzzer")
if ! grep -q __sancov_cntrs <<<"$sections" || ! grep -q 'asan\.module_ctor' <<<"$symbols"; then
    echo "run.sh: $fuzzer lacks coverage or AddressSanitizer instrumentation" >&2
    exit 2
fi

mkdir -p "$corpus" "$out"
# Named by content, as libFuzzer names what it adds, so that files of the same
# name in different folders all count and a second run copies nothing twice.
seeded=0
while IFS= read -r -d '' file; do
    cp "$file" "$corpus/$(sha1sum "$file" | cut -c1-40)"
    seeded=$((seeded + 1))
done < <(find "$fuzz_dir/seeds" -type f ! -name '.*' -print0; [ -d "$shared_corpus" ] && find "$shared_corpus" -type f -print0)
echo "seeded $seeded files; the working corpus has $(find "$corpus" -type f | wc -l)"

log=$out/run-$(date +%Y%m%d-%H%M%S).log
marker=$(mktemp)
trap 'rm -f "$marker"' EXIT
status=0
# No -jobs or -workers: one process, one core, on a machine others share; and
# so no -reload either, which only picks up what other processes add to the corpus.
# The Swift runtime's own crash backtracer is off so that libFuzzer's handler
# reports the crash and writes the input that caused it.
SWIFT_BACKTRACE=enable=no "$fuzzer" "$corpus" \
    -dict="$fuzz_dir/mail.dict" \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -reload=0 -artifact_prefix="$out/" -print_final_stats=1 2>&1 | tee "$log" || status=$?

artifacts=$(find "$out" -maxdepth 1 -newer "$marker" \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | sort)
if [ -n "$artifacts" ]; then
    echo "run.sh: the fuzzer found inputs that fail; see $log" >&2
    echo "$artifacts" >&2
    exit 1
fi
if [ "$status" -ne 0 ]; then
    echo "run.sh: the fuzzer exited with status $status; see $log" >&2
    exit "$status"
fi
echo "run.sh: no crash, leak or timeout in $seconds s; log in $log"
