#!/usr/bin/env bash
# Synthesizes the same app twice into two folders, once on one thread and once on four, and
# requires byte-identical results.
#   deterministic_synth.sh <work dir> <command...>   (the command writes to $CDK_OUTDIR)
set -euo pipefail
work=$1
shift
rm -rf "$work"
mkdir -p "$work"
CDK_OUTDIR="$work/first" "$@" --jobs 1
sleep 1  # a timestamp that leaked into the output would differ now
CDK_OUTDIR="$work/second" "$@" --jobs 4
diff -r "$work/first" "$work/second"
echo "ok: $(find "$work/first" -type f | wc -l) files, byte-identical on one thread and on four"
