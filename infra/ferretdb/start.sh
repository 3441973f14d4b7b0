#!/usr/bin/env bash
# Builds the FerretDB test server once (infra/ferretdb/bin, gitignored; `go build` only recompiles when the sources
# or go.sum change) and runs it in the foreground with the given flags, e.g.
#   infra/ferretdb/start.sh -port 0 -data-dir /tmp/ferretdb
# It prints "ferretdb ready mongodb://127.0.0.1:<port>/" once it accepts connections and stops on SIGTERM.
# Exits 3 without starting when Go is missing and no binary was built before.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
binary="$here/bin/ferretdb-test-server"
export PATH="$PATH:/usr/local/go/bin"

if command -v go >/dev/null 2>&1; then
  (cd "$here" && go build -o "$binary" .)
elif [ ! -x "$binary" ]; then
  echo "ferretdb: skipped, Go is missing (install Go ≥ 1.22 or add /usr/local/go/bin to PATH)" >&2
  exit 3
fi

exec "$binary" "$@"
