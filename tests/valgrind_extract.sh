#!/bin/sh
# Extraction under valgrind's memcheck: every page of fixtures/ and, when
# ../shared/corpus is beside the checkout, every Nth page of it (N from
# PITH_VALGRIND_EVERY, default 1: all 617, 90 s on two cores, which CI can
# afford; 4 takes a quarter).  Each page goes through every output format
# and both --explain forms (pith_bench every), in two processes at once.
# Any memory error or leak fails (valgrind exits 99).
#
# Usage: valgrind_extract.sh PATH/TO/pith_bench SOURCE_DIR [sanitized]
# Exits 77 (skipped, with a message) when valgrind is missing or the build
# has sanitizers, which valgrind cannot run.  Prints "N passed, N failed".
set -u
BENCH=$1
SRC=$2
EVERY=${PITH_VALGRIND_EVERY:-1}

. "$(dirname "$0")/valgrind_skip.sh"
valgrind_skip_unless_usable valgrind_extract "${3:-}"

DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT INT TERM
ls "$SRC"/fixtures/*/source.html > "$DIR/pages"
CORPUS="$SRC/../shared/corpus"
if [ -d "$CORPUS" ]; then
    find "$CORPUS" -type f -name '*.html' | sort |
        awk -v n="$EVERY" 'NR % n == 1 || n == 1' >> "$DIR/pages"
else
    echo "valgrind_extract: no corpus at $CORPUS: fixtures only"
fi
total=$(wc -l < "$DIR/pages")
awk 'NR % 2 == 1' "$DIR/pages" > "$DIR/a"
awk 'NR % 2 == 0' "$DIR/pages" > "$DIR/b"

run() {
    valgrind --quiet --leak-check=full --error-exitcode=99 \
        --log-file="$DIR/vg.$1" "$BENCH" every -l "$DIR/$1" >/dev/null
    echo $? > "$DIR/rc.$1"
}
run a &
run b &
wait

passed=0
failed=0
for half in a b; do
    if [ "$(cat "$DIR/rc.$half")" -eq 0 ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "valgrind_extract: errors in these pages:"
        cat "$DIR/$half"
        head -60 "$DIR/vg.$half"
    fi
done
echo "$total pages under valgrind"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
