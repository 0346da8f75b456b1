#!/bin/sh
# scripts/parallel-batch runs a 2-shard job through GNU parallel on this
# machine; its output is the output of one unsharded run.  Skipped (77,
# saying why) without GNU parallel.
#
#   test_parallel_batch.sh PATH/TO/pith
set -u
PITH=$1
ROOT=$(cd "$(dirname "$0")/.." && pwd)
if ! parallel --version 2>/dev/null | grep -q "GNU parallel"; then
  echo "skipped: GNU parallel is not installed (apt-get install parallel)"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
check() { # check CONDITION-STATUS WHAT
  if [ "$1" -eq 0 ]; then passed=$((passed + 1));
  else failed=$((failed + 1)); echo "FAIL $2"; fi
}

"$PITH" batch "$ROOT/fixtures" -o "$tmp/ref" -q
"$ROOT/scripts/parallel-batch" --pith "$PITH" -n 2 -- \
  "$ROOT/fixtures" -o "$tmp/out" -j 1 -q
check $? "parallel-batch exits 0"
for k in 0 1; do
  test -s "$tmp/out/pith-manifest.$k-of-2.jsonl"
  check $? "shard $k wrote its manifest"
done
(cd "$tmp/ref" && find . -name '*.txt' | sort) > "$tmp/ref.list"
(cd "$tmp/out" && find . -name '*.txt' | sort) > "$tmp/out.list"
cmp -s "$tmp/ref.list" "$tmp/out.list"
check $? "the shards wrote every file of one run"
same=0
while read -r f; do
  cmp -s "$tmp/ref/$f" "$tmp/out/$f" || same=1
done < "$tmp/ref.list"
check $same "each file has the bytes of one run"
strip() { sed 's/,"ms":[0-9]*}$/}/' "$@" | sort; }
strip "$tmp/ref/pith-manifest.jsonl" > "$tmp/ref.man"
strip "$tmp/out"/pith-manifest.*-of-2.jsonl > "$tmp/out.man"
cmp -s "$tmp/ref.man" "$tmp/out.man"
check $? "the shards' manifests make the whole one"

"$PITH" batch "$ROOT/fixtures" --jsonl "$tmp/ref.jsonl" -q
"$ROOT/scripts/parallel-batch" --pith "$PITH" -n 2 -- \
  "$ROOT/fixtures" --jsonl "$tmp/out-{}.jsonl" -j 1 -q
check $? "parallel-batch with JSONL exits 0"
sort "$tmp/out-0.jsonl" "$tmp/out-1.jsonl" > "$tmp/out.sorted"
sort "$tmp/ref.jsonl" > "$tmp/ref.sorted"
test -s "$tmp/out-0.jsonl" && test -s "$tmp/out-1.jsonl" &&
  cmp -s "$tmp/ref.sorted" "$tmp/out.sorted"
check $? "the shards' JSONL records are one run's"

# GNU parallel driving the streaming mapper, as README.md shows it.
for d in "$ROOT"/fixtures/*/; do
  n=$(basename "$d")
  python3 -c 'import json, sys
print(json.dumps({"url": "https://ex.org/" + sys.argv[1],
                  "html": open(sys.argv[2], encoding="utf-8",
                               errors="replace").read()}))' \
    "$n" "$d/source.html"
done > "$tmp/in.jsonl"
"$PITH" batch --stdin-jsonl -q < "$tmp/in.jsonl" > "$tmp/one.jsonl"
parallel --will-cite --pipe --block 100k -j 2 --keep-order \
  "$PITH" batch --stdin-jsonl -q < "$tmp/in.jsonl" > "$tmp/piped.jsonl"
test -s "$tmp/one.jsonl" && cmp -s "$tmp/one.jsonl" "$tmp/piped.jsonl"
check $? "parallel --pipe drives the mapper: one run's records, in order"

printf '<html><body><p>PITH-CRASH-HERE</p></body></html>' > "$tmp/crash.html"
PITH_TEST_CRASH_MARKER=PITH-CRASH-HERE "$ROOT/scripts/parallel-batch" \
  --pith "$PITH" -n 2 -- "$tmp/crash.html" "$ROOT/fixtures/news-portal" \
  --jsonl "$tmp/c-{}.jsonl" -j 1 -q
test $? -eq 9
check $? "a shard with failed pages: parallel-batch exits 9"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
