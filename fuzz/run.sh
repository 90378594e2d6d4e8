#!/usr/bin/env bash
# Run each fuzz target for a while, keeping what it finds, and log how far it got.
#
#   fuzz/run.sh [SECONDS] [TARGET...]     # default: 600 s each, every target
#   JOBS=2 fuzz/run.sh 3600 form locale_check   # two targets at once, one a core
#
# Each target's corpus is fuzz/corpus/TARGET: the committed seeds (`seed-*`) and
# what runs have found, kept from run to run (not committed). Every run
# appends a line to fuzz/runs.tsv: date, target, seconds, executions, the
# result and the sanitizer. The counts add up across runs and machines, so the log says how much
# each target has been fuzzed in all, and whether it has had the 10^7
# executions or 8 hours asked of it. A crash is kept by libFuzzer in
# fuzz/artifacts/TARGET/ and the script exits non-zero.
#
# SANITIZER (none by default, or address) picks the build. leaflet forbids
# unsafe code, so in it AddressSanitizer finds nothing Rust's own checks do not;
# it only watches the few dependencies with unsafe code, and it makes a run
# 2 to 6 times slower (locale_check: 264 executions a second without it, 47
# with it). Each sanitizer builds into its own folder, fuzz/target/SANITIZER,
# so switching does not rebuild the other.
#
# cargo-fuzz needs nightly features; RUSTC_BOOTSTRAP lets stable provide them.
# Install it once with `cargo install cargo-fuzz --locked`.
set -uo pipefail
cd "$(dirname "$0")"

seconds=${1:-600}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets < <(RUSTC_BOOTSTRAP=1 cargo fuzz list)
fi

sanitizer=${SANITIZER:-none}
build=(-O --sanitizer "$sanitizer" --target-dir "target/$sanitizer")
export RUSTC_BOOTSTRAP=1
cargo fuzz build "${build[@]}" >/dev/null 2>&1 || true
[ -f runs.tsv ] || printf 'date\ttarget\tseconds\texecutions\tresult\tsanitizer\n' > runs.tsv

# One target's run, logged in a file of its own (two runs of one target may
# overlap), which is kept only if the run failed.
run() {
    local target=$1 log="work/$1.$BASHPID.log" status execs result=ok started=$SECONDS ran
    mkdir -p "corpus/$target" work
    cargo fuzz run "${build[@]}" "$target" "corpus/$target" -- \
        -max_total_time="$seconds" -print_final_stats=1 -rss_limit_mb=4096 \
        -timeout=30 > "$log" 2>&1
    status=$?
    # The seconds it ran (a crash ends it early), and its executions; the log
    # holds the crashing input's bytes when it crashed, so it is read as text (-a).
    ran=$((SECONDS - started))
    execs=$(grep -ao 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    if [ $status -ne 0 ]; then result="failed ($status), see fuzz/$log"; else rm -f "$log"; fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$target" "$ran" "${execs:-0}" "$result" "$sanitizer" >> runs.tsv
    echo "$target: ${execs:-0} executions in $ran s: $result"
    [ $status -eq 0 ]
}

# At most JOBS runs at once (default one); the exit status says if any failed.
jobs_at_once=${JOBS:-1}
failed=0
running=0
for target in "${targets[@]}"; do
    if [ "$running" -ge "$jobs_at_once" ]; then
        wait -n || failed=1
        running=$((running - 1))
    fi
    run "$target" &
    running=$((running + 1))
done
while [ "$running" -gt 0 ]; do
    wait -n || failed=1
    running=$((running - 1))
done
echo "In all, per target (fuzz/runs.tsv):"
awk -F'\t' 'NR > 1 { n[$2] += $4; s[$2] += $3 }
    END { for (t in n) printf "  %-14s %10d executions  %6.2f hours  %s\n", t, n[t], s[t] / 3600,
        (n[t] >= 10000000 || s[t] >= 28800) ? "done" : "" }' runs.tsv | sort
exit $failed
