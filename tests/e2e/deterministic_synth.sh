#!/usr/bin/env bash
# Synthesizes the same app twice into two folders and requires byte-identical results.
#   deterministic_synth.sh <work dir> <command...>   (the command writes to $CDK_OUTDIR)
set -euo pipefail
work=$1
shift
rm -rf "$work"
mkdir -p "$work"
CDK_OUTDIR="$work/first" "$@"
sleep 1  # a timestamp that leaked into the output would differ now
CDK_OUTDIR="$work/second" "$@"
diff -r "$work/first" "$work/second"
echo "ok: $(find "$work/first" -type f | wc -l) files, byte-identical"
