#!/usr/bin/env bash
# Packs QualityGate.Tool, QualityGate.MSBuild and the ONNX add-on QualityGate.Onnx into
# artifacts/packages (or the folder given), all versioned from eng/Versions.props.
set -euo pipefail
cd "$(dirname "$0")/.."
output=${1:-artifacts/packages}
dotnet pack src/QualityGate.Cli/QualityGate.Cli.csproj -c Release -o "$output"
dotnet pack src/QualityGate.MSBuild/QualityGate.MSBuild.csproj -c Release -o "$output"
dotnet pack src/QualityGate.Onnx/QualityGate.Onnx.csproj -c Release -o "$output"
