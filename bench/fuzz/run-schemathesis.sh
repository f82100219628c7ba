#!/usr/bin/env bash
# `npm run fuzz:schemathesis`: fuzz every operation of the OpenAPI document with schemathesis, as
# every role, against the real stack (embedded PostgreSQL, Temporal dev server, worker, API) in a
# throw-away folder on free ports. Ends with PASS or FAIL (exit 0 / 1); the report goes to
# bench/results/fuzz-schemathesis.{json,junit.xml,console.txt}.
#
# Knobs (environment): FUZZ_MAX_EXAMPLES (per operation and role, default 10), FUZZ_SEED,
# FUZZ_ROLES (comma list, default all), FUZZ_WORKERS (default 2), FUZZ_SKIP_BUILD=1,
# FUZZ_KEEP_DATA=1 (keep the temp folder with the API's log). See bench/fuzz/run_schemathesis.py.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$here/.venv"
stamp="$venv/.requirements.sha256"
want="$(python3 -c 'import hashlib,sys; print(hashlib.sha256(open(sys.argv[1],"rb").read()).hexdigest())' "$here/requirements.txt")"

# The venv is made once and again only when requirements.txt changes.
if [[ ! -x "$venv/bin/schemathesis" || "$(cat "$stamp" 2>/dev/null)" != "$want" ]]; then
  echo "fuzz: installing $(tr '\n' ' ' <"$here/requirements.txt")into $venv"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements.txt"
  echo "$want" >"$stamp"
fi

cd "$root"
if [[ "${FUZZ_SKIP_BUILD:-}" != "1" ]]; then
  echo "fuzz: npm run build"
  npm run --silent build
fi

exec "$venv/bin/python" "$here/run_schemathesis.py" "$@"
