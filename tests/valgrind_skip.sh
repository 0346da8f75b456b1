# Sourced by the valgrind tests: exits 77 (skipped, saying why) when the
# build has sanitizers, which valgrind cannot run, or valgrind is not
# installed.  $1: the test's name; $2: "sanitized" in a sanitizer build.
valgrind_skip_unless_usable() {
    if [ "${2:-}" = sanitized ]; then
        echo "$1: skipped: built with sanitizers, which valgrind cannot run"
        exit 77
    fi
    if ! command -v valgrind >/dev/null 2>&1; then
        echo "$1: skipped: valgrind is not installed" \
             "(scripts/install-deps installs it)"
        exit 77
    fi
}
