#!/usr/bin/env bash
# Runs the whole test suite, as CI does.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet test QualityGate.sln "$@"
