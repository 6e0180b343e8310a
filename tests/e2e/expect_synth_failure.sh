#!/usr/bin/env bash
# Runs a synth that must fail over a copy of a good assembly, and checks that it exits non-zero,
# prints exactly the expected error, and leaves the previous assembly as it was, with no staging
# folder behind.
#
#   expect_synth_failure.sh <work dir> <good assembly> <expected stderr file> -- <command...>
#
# The command writes to $CDK_OUTDIR, which is set to the copy.
set -euo pipefail

work=$1 good=$2 expected=$3
shift 3
[ "$1" = "--" ] && shift

rm -rf "$work"
mkdir -p "$work"
cp -a "$good" "$work/cdk.out"
fingerprint() { (cd "$work/cdk.out" && find . -type f -print0 | sort -z | xargs -0 sha256sum); }
before=$(fingerprint)

set +e
CDK_OUTDIR="$work/cdk.out" "$@" >"$work/stdout" 2>"$work/stderr"
status=$?
set -e

failed=0
if [ "$status" -eq 0 ]; then
  echo "FAIL: the synth succeeded; it should have failed"
  failed=1
fi
if ! diff -u "$expected" "$work/stderr"; then
  echo "FAIL: the error output differs from $expected (diff above: - expected, + actual)"
  failed=1
fi
if [ "$(fingerprint)" != "$before" ]; then
  echo "FAIL: the previous assembly in $work/cdk.out was changed"
  failed=1
fi
if compgen -G "$work/.cdk.out.staging-*" >/dev/null; then
  echo "FAIL: a staging folder was left in $work"
  failed=1
fi
[ "$failed" -eq 0 ] && echo "ok: exit $status, expected error, previous assembly untouched"
exit "$failed"
