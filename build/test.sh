#!/usr/bin/env bash
# The README's test command: passes the tests on a fresh Debian machine too. The HTML report is
# tested in a real headless Chromium, Debian's package, so it is installed first when missing
# (as root, or through sudo). Arguments go to dotnet test:
#   build/test.sh
#   build/test.sh --filter "FullyQualifiedName~Verdicts"
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests of the HTML report..."
  as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    as_root=(sudo)
  fi
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq chromium >/dev/null
fi

dotnet test QualityGate.sln "$@"
