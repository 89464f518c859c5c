#!/bin/sh
# run.sh: runs every test program and every fuzz corpus replay, then prints
# one closing line "N passed, N failed" with the totals.
#   tests/run.sh BUILD_DIR TEST... -- FUZZER...
set -u
dir=$1; shift
passed=0; failed=0
run_one() {
    out=$("$@" 2>&1); rc=$?
    printf '%s\n' "$out"
    line=$(printf '%s\n' "$out" | grep -E '[0-9]+ passed, [0-9]+ failed$' | tail -n 1)
    p=$(printf '%s' "$line" | sed -E 's/.* ([0-9]+) passed, ([0-9]+) failed$/\1/')
    f=$(printf '%s' "$line" | sed -E 's/.* ([0-9]+) passed, ([0-9]+) failed$/\2/')
    [ -n "$line" ] || { p=0; f=0; }
    if [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
    passed=$((passed + p)); failed=$((failed + f))
}
# RUNNER (e.g. "qemu-aarch64 -L /") runs cross-compiled test programs.
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
    run_one ${RUNNER:-} "$dir/$1"; shift
done
[ $# -gt 0 ] && shift
for fz in "$@"; do
    name=${fz#fuzz_}
    run_one ${RUNNER:-} "$dir/$fz" "tests/fuzz/corpus/$name"
done
echo "total: $passed passed, $failed failed"
[ $failed -eq 0 ]
