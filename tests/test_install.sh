#!/bin/sh
# The library as a user gets it: cmake --install of this build into a
# temporary prefix (not the configured one, so pith.pc must find its own
# place), then a program built against it with the flags of
# "pkg-config pith", as the README says: once shared, once static.  Both
# must run and print the page's text.  The installed libpith.so must
# export every function pith.h declares and nothing else but the
# assertion guard pith.h tells about.
#
#   test_install.sh CMAKE BUILD_DIR CC PKG_CONFIG [sanitized]
#
# Exits 77 (skipped, saying why) in a sanitizer build.  Prints
# "N passed, N failed" last.
set -u
CMAKE=$1
BUILD=$2
CC=$3
PKG_CONFIG=$4
if [ "${5:-}" = sanitized ]; then
    # The library's objects call the sanitizers' runtime, which the flags
    # of pith.pc do not (and should not) link.
    echo "skipped: a sanitizer build's library needs the sanitizer runtime"
    exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
passed=0 failed=0
check() { # check STATUS WHAT
    if [ "$1" -eq 0 ]; then passed=$((passed + 1));
    else failed=$((failed + 1)); echo "FAIL $2"; fi
}
finish() {
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
    exit $?
}

prefix=$tmp/prefix
"$CMAKE" --install "$BUILD" --prefix "$prefix" >"$tmp/install.log" 2>&1
check $? "cmake --install into $prefix: $(tail -3 "$tmp/install.log")"
pc=$(find "$prefix" -name pith.pc | head -1)
test -n "$pc"
check $? "pith.pc is installed"
[ -n "$pc" ] || finish
man1=$(find "$prefix" -path '*man1/pith.1' | head -1)
test -n "$man1" && grep -q '^\.SH "PITH BATCH"' "$man1" &&
    grep -q '^\.SH "PITH FIXTURE"' "$man1" && grep -q 'only\\-types' "$man1"
check $? "pith.1 is installed, with pith batch and pith fixture, every option"
PKG_CONFIG_PATH=$(dirname "$pc")
export PKG_CONFIG_PATH
so=$(find "$prefix" -name libpith.so | head -1)
archive=$(find "$prefix" -name libpith.a | head -1)
test -n "$so" && test -n "$archive"
check $? "libpith.so and libpith.a are installed"
[ -n "$so" ] && [ -n "$archive" ] || finish
libdir=$(dirname "$so")

# pith.pc points into this prefix, wherever the build was configured for.
real_prefix=$(cd "$prefix" && pwd -P)
for var in libdir includedir; do
    dir=$("$PKG_CONFIG" --variable "$var" pith)
    case $(cd "$dir" 2>/dev/null && pwd -P) in
    "$real_prefix"/*) true ;;
    *) false ;;
    esac
    check $? "pith.pc's $var ($dir) is in the prefix"
done
test "$(cd "$("$PKG_CONFIG" --variable libdir pith)" && pwd -P)" = \
    "$(cd "$libdir" && pwd -P)"
check $? "pith.pc's libdir holds libpith.so"
test -f "$("$PKG_CONFIG" --variable includedir pith)/pith.h"
check $? "pith.pc's includedir holds pith.h"

cat >"$tmp/prog.c" <<'EOF'
#include <pith.h>
#include <stdio.h>
#include <string.h>

static int
out(const char *data, size_t len, void *userdata)
{
    return fwrite(data, 1, len, userdata) == len ? 0 : 1;
}

int
main(void)
{
    static const char page[] =
        "<html><head><title>Install check</title></head><body><article>"
        "<p>A library installed under any prefix is found through "
        "pkg-config, and its public functions link from a plain C "
        "program, shared or static, like this paragraph says.</p>"
        "<p>The second paragraph gives the extractor enough text to "
        "call the page an article and to keep both of its paragraphs "
        "in the output it renders.</p></article></body></html>";
    if (pith_global_init() != PITH_OK)
        return 2;
    pith_extractor *ex = pith_new(NULL);
    if (!ex)
        return 3;
    pith_result *res = NULL;
    pith_status st = pith_extract_html(ex, page, strlen(page), NULL, NULL,
                                       &res);
    if (st != PITH_OK) {
        fprintf(stderr, "%s: %s\n", pith_strerror(st), pith_errmsg(ex));
        return 4;
    }
    st = pith_render(res, PITH_FORMAT_TXT, 0, out, stdout);
    pith_result_free(res);
    pith_free(ex);
    pith_global_cleanup();
    return st == PITH_OK ? 0 : 5;
}
EOF

# check_output EXE WHAT: runs EXE, which must print the page's text.
check_output() {
    "$1" >"$tmp/out" 2>"$tmp/err"
    check $? "$2 runs: $(cat "$tmp/err")"
    grep -q "^Install check$" "$tmp/out" &&
        grep -q "^A library installed under any prefix" "$tmp/out" &&
        grep -q "^The second paragraph" "$tmp/out"
    check $? "$2 prints the title and the text: $(cat "$tmp/out")"
}

# Shared, with the flags exactly as pkg-config gives them.
# shellcheck disable=SC2046
"$CC" -o "$tmp/prog_shared" "$tmp/prog.c" \
    $("$PKG_CONFIG" --cflags --libs pith) >"$tmp/cc.log" 2>&1
check $? "the shared build links: $(cat "$tmp/cc.log")"
if [ -x "$tmp/prog_shared" ]; then
    LD_LIBRARY_PATH=$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
    export LD_LIBRARY_PATH
    check_output "$tmp/prog_shared" "the shared build"
    unset LD_LIBRARY_PATH
fi

# Static: what "pkg-config --static --libs pith" gives for pith itself
# (Libs and Libs.private of pith.pc, and the libraries of its
# Requires.private), with libpith.a forced.  The packages it requires are
# linked as they are installed, shared: their own private libraries
# (libcurl's nghttp2, ssh2, ldap...) seldom have development files, and
# pkg-config cannot leave them out of a static query.
requires=$("$PKG_CONFIG" --print-requires-private pith)
# shellcheck disable=SC2086
libs="$("$PKG_CONFIG" --libs pith) $(sed -n 's/^Libs\.private://p' "$pc") \
$("$PKG_CONFIG" --libs $requires)"
libs=$(echo "$libs" |
    sed 's/\(^\| \)-lpith\( \|$\)/\1-Wl,-Bstatic -lpith -Wl,-Bdynamic\2/')
# shellcheck disable=SC2046,SC2086
"$CC" -o "$tmp/prog_static" "$tmp/prog.c" \
    $("$PKG_CONFIG" --static --cflags pith) $libs >"$tmp/cc.log" 2>&1
check $? "the static build links: $(cat "$tmp/cc.log")"
if [ -x "$tmp/prog_static" ]; then
    ! readelf -d "$tmp/prog_static" | grep -q 'libpith\.so'
    check $? "the static build does not load libpith.so"
    check_output "$tmp/prog_static" "the static build"
fi

# The exports: the functions pith.h declares, as every "name(" of the
# header once preprocessed (what its line markers say comes from pith.h
# itself, not from the system headers it includes), but not the
# "type (*name)(" of function pointer types, nor attributes.
header=$(find "$prefix" -name pith.h | head -1)
"$CC" -E -x c "$header" 2>/dev/null |
    awk '/^# [0-9]+ "/ { own = ($3 ~ /\/pith\.h"$/); next } own' |
    tr '\n' ' ' | grep -o '[A-Za-z_][A-Za-z0-9_]*[[:space:]]*([^*]' |
    sed 's/[[:space:]]*(.*//' | grep -v '^__' | sort -u >"$tmp/declared"
grep -qx pith_global_init "$tmp/declared" &&
    grep -qx pith_render "$tmp/declared"
check $? "the functions of pith.h are found: $(cat "$tmp/declared")"
# __assert_fail: the guard against Gumbo's assertions (see pith.h), which
# only works exported.
{ cat "$tmp/declared"; echo __assert_fail; } | sort -u >"$tmp/want"
nm -D --defined-only "$so" | awk 'NF == 3 && $2 != "A" { print $3 }' |
    sed 's/@.*//' | sort -u >"$tmp/exported"
comm -23 "$tmp/want" "$tmp/exported" >"$tmp/missing"
test ! -s "$tmp/missing"
check $? "libpith.so exports every function of pith.h; missing: $(cat "$tmp/missing")"
comm -13 "$tmp/want" "$tmp/exported" >"$tmp/extra"
test ! -s "$tmp/extra"
check $? "libpith.so exports nothing else; also: $(cat "$tmp/extra")"

finish
