#!/usr/bin/env bash
# The parity test: synthesizes the same app with the AWS CDK (cdk_app.js) and with cdkpp
# (cdkpp_app.cpp, built by the caller) into fresh folders under <work dir>, then compares the two
# assemblies with compare.js. Exits with compare.js's code (0 same, 1 differences, 2 bad input),
# or 2 when an app fails.
#   bash tests/interop/parity/run.sh <cdkpp parity executable> <work dir>
# Needs node and the pinned packages (`npm ci` at the repository root).
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: bash tests/interop/parity/run.sh <cdkpp parity executable> <work dir>" >&2
  exit 2
fi
app=$1
work=$2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

if [[ ! -x $app ]]; then
  echo "error: $app: not an executable" >&2
  exit 2
fi
if [[ ! -d $here/../../../node_modules/aws-cdk-lib ]]; then
  echo "error: aws-cdk-lib is not installed: run 'npm ci' at the repository root" >&2
  exit 2
fi

# Fresh output folders: a file left over from an earlier run must not hide a missing one.
mkdir -p "$work"
work=$(cd "$work" && pwd)
rm -rf "$work/cdk.out" "$work/cdkpp.out"

# Both apps read their context and output folder from these when the CDK CLI runs them; the
# parity test passes everything explicitly.
unset CDK_CONTEXT_JSON CDK_OUTDIR

if ! node "$here/cdk_app.js" "$work/cdk.out"; then
  echo "error: the AWS CDK app failed" >&2
  exit 2
fi
if ! "$app" --output "$work/cdkpp.out"; then
  echo "error: the cdkpp app failed" >&2
  exit 2
fi

status=0
node "$here/compare.js" "$work/cdk.out" "$work/cdkpp.out" || status=$?
exit "$status"
