#!/usr/bin/env bash
# The leaflet benchmark. Reports medians:
#   - one `leaflet build` as a whole process (the bundled example, default layout);
#   - documents per second in `leaflet batch` for 100 and 580 documents
#     (50 and 290 generated contacts files, each in sv and fi);
#   - peak memory (maximum resident set) of one build and of the 580-document batch;
#   - the PDF size of the example (default layout).
# Inputs are generated deterministically by gen_contacts.py.
#
# Usage: benches/run.sh            (needs hyperfine and GNU time: apt-get install hyperfine time)
set -euo pipefail
cd "$(dirname "$0")/.."
work=${BENCH_DIR:-/tmp/leaflet-bench}
rm -rf "$work" && mkdir -p "$work"
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)"; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)"; exit 2; }

cargo build --release --quiet
bin=$PWD/target/release/leaflet
python3 benches/gen_contacts.py 50 "$work/c50"
python3 benches/gen_contacts.py 290 "$work/c290"

median() { sort -n | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
seconds() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$1"; }

hyperfine -N --warmup 5 --runs 50 --export-json "$work/one.json" \
    "$bin build examples/asby.toml -o $work/one.pdf" >/dev/null
one=$(seconds "$work/one.json")

hyperfine -N --warmup 1 --runs 7 --export-json "$work/b100.json" \
    "$bin batch $work/c50 --lang sv,fi --out-dir $work/d100" >/dev/null 2>&1
hyperfine -N --warmup 1 --runs 5 --export-json "$work/b580.json" \
    "$bin batch $work/c290 --lang sv,fi --out-dir $work/d580" >/dev/null 2>&1
b100=$(seconds "$work/b100.json")
b580=$(seconds "$work/b580.json")

peak() { for _ in 1 2 3 4 5; do /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; done | median; }
mem_one=$(peak "$bin" build examples/asby.toml -o "$work/one.pdf")
mem_batch=$(peak "$bin" batch "$work/c290" --lang sv,fi --out-dir "$work/d580")
size=$(stat -c %s "$work/one.pdf")
avg=$(du -cb "$work"/d580/*.pdf | tail -1 | awk '{print int($1/580)}')

awk -v one="$one" -v b100="$b100" -v b580="$b580" -v m1="$mem_one" -v mb="$mem_batch" \
    -v size="$size" -v avg="$avg" -v cores="$(nproc)" 'BEGIN {
    printf "cores                          %d\n", cores
    printf "one build (process, median)    %.1f ms\n", one * 1000
    printf "batch, 100 documents (median)  %.2f s  = %.0f documents/s\n", b100, 100 / b100
    printf "batch, 580 documents (median)  %.2f s  = %.0f documents/s\n", b580, 580 / b580
    printf "peak memory, one build         %.1f MB\n", m1 / 1024
    printf "peak memory, 580-document batch %.1f MB\n", mb / 1024
    printf "PDF size, example (folder-a5)  %.1f KB (batch average %.1f KB)\n", size / 1024, avg / 1024
}'
