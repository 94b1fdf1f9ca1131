#!/usr/bin/env bash
# Whole-process benchmark: qgate check against a bare ML.NET program (load the model, score the
# file, BinaryClassification.Evaluate) on the same generated data and model, with wall time and
# peak memory from /usr/bin/time. Also qgate check --update-suite, which mines k = 1,000 items.
#
#   build/benchmark.sh                 # 100k, 1M and 5M rows x 50 features, best of 3 runs each
#   build/benchmark.sh --quick         # 20k rows, one run: the CI smoke test that keeps this working
# Then the first table's config on a Parquet copy of the same rows (written by DuckDB).
# Last, qgate explain on a model whose input is one vector of 784 slots (WIDE_ROWS rows, 20k;
# 2k in quick mode), timed: wide inputs are permuted in groups of slots, so this stays bounded.
#   ROWS="1000000" RUNS=5 build/benchmark.sh
# Then how often the gate fails when nothing changed, and how often it catches +2 points of FPR:
# the README's loop run NOCHANGE_RUNS times on synthetic worlds (60; 5 in quick mode) and on
# FastTree retrains of the Spambase sample (20; 3 in quick mode), with eng/QualityGate.NoChange;
# and the bootstrap over bins on 40,000-row sets (BINNED_RUNS, 200; 10 in quick mode).
set -euo pipefail
cd "$(dirname "$0")/.."

rows=${ROWS:-"100000 1000000 5000000"}
runs=${RUNS:-3}
wide_rows=${WIDE_ROWS:-20000}
nochange_runs=${NOCHANGE_RUNS:-60}
spambase_runs=${SPAMBASE_RUNS:-20}
binned_runs=${BINNED_RUNS:-200}
if [ "${1:-}" = "--quick" ]; then
  rows=20000
  runs=1
  wide_rows=2000
  nochange_runs=5
  spambase_runs=3
  binned_runs=10
fi

work=artifacts/benchmark
bin=artifacts/bin
mkdir -p "$work"
dotnet build -c Release -v q -nologo eng/QualityGate.DataGenerator >/dev/null
dotnet build -c Release -v q -nologo eng/QualityGate.BareMlNet >/dev/null
dotnet build -c Release -v q -nologo src/QualityGate.Cli >/dev/null
dotnet build -c Release -v q -nologo eng/QualityGate.NoChange >/dev/null
dotnet build -c Release -v q -nologo eng/QualityGate.Benchmarks >/dev/null
# qgate as this platform's tool package carries it (ReadyToRun code, the ONNX add-on): what a user runs.
case "$(uname -m)" in aarch64 | arm64) rid=linux-arm64 ;; *) rid=linux-x64 ;; esac
# Into an empty folder: publishing over an earlier one keeps a file whose package copy is older
# than the one there (an assembly once compiled ahead of time, now shipped as IL).
rm -rf "$work/qgate"
dotnet publish -c Release -v q -nologo -r "$rid" src/QualityGate.Cli -o "$work/qgate" >/dev/null
qgate="$PWD/$work/qgate/qgate.dll"

# Runs a command $runs times; prints "seconds peak_MB" of the fastest run.
measure() {
  local best=""
  for _ in $(seq "$runs"); do
    local out
    /usr/bin/time -o "$work/time.txt" -f "%e %M" "$@" >/dev/null 2>&1 || true
    out=$(tail -1 "$work/time.txt")
    if [ -z "$best" ] || awk -v a="${out%% *}" -v b="${best%% *}" 'BEGIN { exit !(a < b) }'; then best=$out; fi
  done
  awk -v s="${best%% *}" -v kb="${best##* }" 'BEGIN { printf "%.2f %.0f\n", s, kb / 1024 }'
}

# Runs two commands (each a string for bash -c) by turns, $runs times each; prints
# "seconds peak_MB seconds peak_MB", the fastest run of each. Taken by turns, not three of one and
# then three of the other, so the machine's drift (its speed moves by 10% within minutes) falls on
# both sides of their ratio.
measure_pair() {
  local best_a="" best_b=""
  for _ in $(seq "$runs"); do
    best_a=$(faster "$(timed "$1")" "$best_a")
    best_b=$(faster "$(timed "$2")" "$best_b")
  done
  echo "$(in_mb "$best_a") $(in_mb "$best_b")"
}

timed() {
  /usr/bin/time -o "$work/time.txt" -f "%e %M" bash -c "$1" >/dev/null 2>&1 || true
  tail -1 "$work/time.txt"
}

# The faster of two "seconds peak_KB" lines; the first when the second is empty.
faster() {
  if [ -z "$2" ] || awk -v a="${1%% *}" -v b="${2%% *}" 'BEGIN { exit !(a < b) }'; then echo "$1"; else echo "$2"; fi
}

in_mb() { awk -v s="${1%% *}" -v kb="${1##* }" 'BEGIN { printf "%.2f %.0f", s, kb / 1024 }'; }

printf "%10s %10s %9s %10s %9s %10s %10s %12s\n" rows bare_s bare_MB gate_s gate_MB time_x memory_x mining_x
for n in $rows; do
  dir=$work/$n
  [ -f "$dir/heldout.csv" ] || dotnet $bin/QualityGate.DataGenerator/release/QualityGate.DataGenerator.dll "$dir" "$n" >/dev/null
  read -r bare_s bare_mb gate_s gate_mb < <(measure_pair "dotnet $bin/QualityGate.BareMlNet/release/QualityGate.BareMlNet.dll '$dir/model.zip' '$dir/heldout.csv' 50" "dotnet $qgate check -c '$dir/qualitygate.yml'")
  rm -rf "$dir/suite"
  read -r mine_s _ < <(runs=1 measure bash -c "rm -rf '$dir/suite'; dotnet $qgate check -c '$dir/qualitygate-mining.yml' --update-suite")
  awk -v n="$n" -v bs="$bare_s" -v bm="$bare_mb" -v gs="$gate_s" -v gm="$gate_mb" -v ms="$mine_s" \
    'BEGIN { printf "%10d %10.2f %9.0f %10.2f %9.0f %10.2f %10.2f %12.2f\n", n, bs, bm, gs, gm, gs / bs, gm / bm, ms / gs }'
done

# The same rows as Parquet, written by DuckDB (zstd, its own row groups): the first table's config
# on the Parquet copy against the CSV, so the cost of reading Parquet stays in view.
printf "\n%10s %10s %9s %10s %9s %10s %10s   (Parquet by DuckDB against the same CSV)\n" rows csv_s csv_MB parquet_s parquet_MB time_x memory_x
for n in $rows; do
  dir=$work/$n
  [ -f "$dir/heldout.parquet" ] || dotnet $bin/QualityGate.Benchmarks/release/QualityGate.Benchmarks.dll to-parquet "$dir/heldout.csv" "$dir/heldout.parquet"
  sed 's/heldout: heldout.csv/heldout: heldout.parquet/' "$dir/qualitygate.yml" > "$dir/parquet.yml"
  read -r csv_s csv_mb pq_s pq_mb < <(measure_pair "dotnet $qgate check -c '$dir/qualitygate.yml'" "dotnet $qgate check -c '$dir/parquet.yml'")
  awk -v n="$n" -v cs="$csv_s" -v cm="$csv_mb" -v ps="$pq_s" -v pm="$pq_mb" \
    'BEGIN { printf "%10d %10.2f %9.0f %10.2f %9.0f %10.2f %10.2f\n", n, cs, cm, ps, pm, ps / cs, pm / cm }'
done

# The configuration init writes (a quantile region), with pr_auc and log_loss bounded by the
# bootstrap besides, after a bless, mining on: the figures issue 17 sets its targets on.
# bounds_x: the same check (no mining) with every bootstrapped metric bounded (f1, pr_auc,
# log_loss, tpr_at_fpr) over init's config as written (none of them): what the bootstrap costs.
# Writes $dir/$2: init's config ($dir/init-plain.yml) with the limits $1 added after region.fpr.
extend() {
  sed "s/^    region.fpr: { max: \(.*\) }$/    region.fpr: { max: \1 }\n$1/" "$dir/init-plain.yml" > "$dir/$2"
  grep -q "pr_auc" "$dir/$2" || { echo "init wrote no region.fpr limit to extend" >&2; exit 1; }
}

printf "\n%10s %10s %9s %10s %9s %10s %10s %10s   (init's config + pr_auc, log_loss; blessed; --update-suite)\n" rows bare_s bare_MB gate_s gate_MB time_x memory_x bounds_x
for n in $rows; do
  dir=$work/$n
  q="dotnet $qgate"
  (cd "$dir" && $q init --model model.zip --data heldout.csv --label Label -o init-plain.yml --force >/dev/null 2>&1)
  extend '    pr_auc: { min: 0.5 }\n    log_loss: { max: 5 }' init.yml
  extend '    pr_auc: { min: 0.5 }\n    log_loss: { max: 5 }\n    f1: { min: 0.5 }\n    tpr_at_fpr(0.01): { min: 0.1 }' init-bootstrapped.yml
  rm -rf "$dir/quality"
  (cd "$dir" && $q bless -c init.yml --force >/dev/null 2>&1) || { echo "bless failed on $n rows" >&2; exit 1; }
  read -r bare_s bare_mb gate_s gate_mb < <(measure_pair "dotnet $bin/QualityGate.BareMlNet/release/QualityGate.BareMlNet.dll '$dir/model.zip' '$dir/heldout.csv' 50" "cd '$dir' && $q check -c init.yml --update-suite")
  read -r plain_s _ bootstrapped_s _ < <(measure_pair "cd '$dir' && $q check -c init-plain.yml" "cd '$dir' && $q check -c init-bootstrapped.yml")
  awk -v n="$n" -v bs="$bare_s" -v bm="$bare_mb" -v gs="$gate_s" -v gm="$gate_mb" -v ps="$plain_s" -v ts="$bootstrapped_s" \
    'BEGIN { printf "%10d %10.2f %9.0f %10.2f %9.0f %10.2f %10.2f %10.2f\n", n, bs, bm, gs, gm, gs / bs, gm / bm, ts / ps }'
done

# Slices read in the same pass (issue 17): init's config on the same rows with a 7-value column
# added, sliced by it, mining balanced across its slices, before any bless (so the region is
# resolved after the pass: ids are kept for the wrong rows and those near the threshold, chosen as
# the pass meets them). The bare program reads the rows without the column.
printf "\n%10s %10s %9s %10s %9s %10s %10s   (init's config + slices, balanced mining; no baseline; --update-suite)\n" rows bare_s bare_MB gate_s gate_MB time_x memory_x
for n in $rows; do
  dir=$work/$n
  q="dotnet $qgate"
  [ -f "$dir/sliced.csv" ] || awk -F, 'NR == 1 { print $0 ",provider"; next } { print $0 ",p" (NR * 7919 % 7) }' "$dir/heldout.csv" > "$dir/sliced.csv"
  sed -e 's/heldout: "heldout.csv"/heldout: "sliced.csv"/' -e 's#quality/#sliced/#' \
    -e 's/^mining: \(.*\)$/mining: \1\nslices: { columns: [provider], mining: { max_new_per_slice: 50 } }/' "$dir/init.yml" > "$dir/sliced.yml"
  rm -rf "$dir/sliced" && mkdir "$dir/sliced"
  (cd "$dir" && $q check -c sliced.yml --update-suite 2>&1 || true) | grep -q "provider=p6" || { echo "the sliced check printed no slice on $n rows" >&2; exit 1; }
  read -r bare_s bare_mb gate_s gate_mb < <(measure_pair "dotnet $bin/QualityGate.BareMlNet/release/QualityGate.BareMlNet.dll '$dir/model.zip' '$dir/heldout.csv' 50" "cd '$dir' && rm -rf sliced && mkdir sliced && $q check -c sliced.yml --update-suite")
  awk -v n="$n" -v bs="$bare_s" -v bm="$bare_mb" -v gs="$gate_s" -v gm="$gate_mb" \
    'BEGIN { printf "%10d %10.2f %9.0f %10.2f %9.0f %10.2f %10.2f\n", n, bs, bm, gs, gm, gs / bs, gm / bm }'
done

# Explain with a 784-slot vector input (an image's pixels): generated data and a model trained on it.
dir=$work/wide-$wide_rows
[ -f "$dir/heldout.csv" ] || dotnet $bin/QualityGate.DataGenerator/release/QualityGate.DataGenerator.dll "$dir" "$wide_rows" 784 0.02 1 "$wide_rows" >/dev/null
if ! /usr/bin/time -o "$work/time.txt" -f "%e %M" dotnet $qgate explain -c "$dir/qualitygate.yml" --report-dir "$dir/reports" --format html >"$dir/explain.txt" 2>&1; then
  cat "$dir/explain.txt"
  echo "qgate explain failed on the 784-slot model" >&2
  exit 1
fi
read -r explain_s explain_kb < "$work/time.txt"
groups=$(grep -o 'of [0-9]* feature groups' "$dir/explain.txt" | grep -o '[0-9]*')
awk -v n="$wide_rows" -v s="$explain_s" -v kb="$explain_kb" -v g="$groups" \
  'BEGIN { printf "explain: %d rows x 784 slots, %d feature groups: %.2f s, %.0f MB peak\n", n, g, s, kb / 1024 }'

# The gate's honesty: false failures under no change, and power against a real regression.
dotnet $bin/QualityGate.NoChange/release/QualityGate.NoChange.dll synthetic "$nochange_runs" 5000
dotnet $bin/QualityGate.NoChange/release/QualityGate.NoChange.dll spambase samples/spam "$spambase_runs"
# The bootstrap over bins that large sets use: false failures under no change and power, per metric.
dotnet $bin/QualityGate.Benchmarks/release/QualityGate.Benchmarks.dll binned-bootstrap "$binned_runs" 40000
