#!/usr/bin/env bash
# The readers' fuzzing tests at length: every reader (config, CSV and scoring pass, suite,
# baseline) on ITERATIONS mutated real inputs each (default 20,000). The test run tries 1,000.
#   build/fuzz.sh            # 20,000 inputs per reader
#   ITERATIONS=100000 build/fuzz.sh
set -euo pipefail
cd "$(dirname "$0")/.."
iterations=${ITERATIONS:-20000}
dotnet build -c Release -v q -nologo tests/QualityGate.Tests >/dev/null
start=$SECONDS
QUALITYGATE_FUZZ_ITERATIONS=$iterations dotnet test tests/QualityGate.Tests --no-build -c Release \
  --filter "FullyQualifiedName~QualityGate.Tests.Fuzzing" --logger "console;verbosity=detailed" |
  grep -E "mutated inputs|Passed!|Failed!|crashed|took"
echo "fuzzing took $((SECONDS - start)) s"
