#!/bin/sh
# Fetches with pith under valgrind's leak checker, against the local test
# server: an article, a gzip body, a redirect chain, a meta refresh, a 404,
# a PDF, a retried 503, a small --urls run with robots.txt, and pith
# fixture recording, checking and updating such pages.  Each must
# end with pith's own exit code; valgrind's (99) means an error or a leak.
#
# Usage: valgrind_fetch.sh PATH/TO/pith [sanitized]
# Exits 77 (skipped, with a message) when valgrind is missing or pith was
# built with sanitizers, which valgrind cannot run.  Prints
# "N passed, N failed" last.
set -u
PITH=$1
HERE=$(cd "$(dirname "$0")" && pwd)
PYTHON=${PYTHON:-python3}

. "$(dirname "$0")/valgrind_skip.sh"
valgrind_skip_unless_usable valgrind_fetch "${2:-}"

DIR=$(mktemp -d)
"$PYTHON" "$HERE/server/test_server.py" --port-file "$DIR/port" \
    --max-seconds 300 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; rm -rf "$DIR"' EXIT INT TERM
i=0
while [ ! -f "$DIR/port" ] && [ $i -lt 200 ]; do
    sleep 0.05
    i=$((i + 1))
done
[ -f "$DIR/port" ] || { echo "valgrind_fetch: the server did not start"; exit 1; }
BASE="http://127.0.0.1:$(cat "$DIR/port")"

passed=0
failed=0
# check WANT ARGS...: runs pith under valgrind, expects exit code WANT.
check() {
    want=$1
    shift
    valgrind --quiet --leak-check=full --error-exitcode=99 \
        --log-file="$DIR/vg.log" "$PITH" "$@" >/dev/null 2>"$DIR/err"
    rc=$?
    if [ "$rc" -eq "$want" ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL pith $*: exit $rc, want $want"
        cat "$DIR/err" "$DIR/vg.log"
    fi
}

check 0 "$BASE/article"
check 0 "$BASE/gzip?force=1"
check 0 "$BASE/redirect/3"
check 0 "$BASE/meta-refresh"
check 5 "$BASE/status/404"
check 6 "$BASE/pdf"
check 0 --retry-delay 10 "$BASE/flaky?key=vg$$&fail=1"
check 4 --deny-private "$BASE/article"
printf '%s\n' "$BASE/article" "$BASE/private/page" "$BASE/status/404" \
    "$BASE/gzip" > "$DIR/urls"
check 4 --urls "$DIR/urls" --robots --per-host 2 --retries 0

# pith fixture: recording (pith_fetch_raw), checking, a change, an update.
F="$DIR/fixtures"
check 0 fixture record --dir "$F" --markdown --retry-delay 10 \
    "$BASE/redirect/3" "$BASE/meta-refresh" "$BASE/gzip?force=1" \
    "$BASE/flaky?key=vgf$$&fail=1"
check 5 fixture record --dir "$F" "$BASE/status/404"
check 0 fixture check "$F"
printf 'changed\n' >> "$F/127.0.0.1-redirect-3/expected.txt"
check 1 fixture check --json "$F"
check 0 fixture update "$F"
check 0 fixture check "$F"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
