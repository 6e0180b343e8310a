#!/usr/bin/env bash
# The pipeline's Build stage, run here as CodeBuild would run it: its commands and environment
# are read from the synthesized toolchain template, then run in one shell on a fresh clone of
# the repository; they must succeed and leave the assembly that the production stage deploys,
# the same, file for file, as this build's.
#
#   build_stage.sh <repository> <toolchain template> <this build's assembly> <work dir>
#
# Inside those commands (CDKPP_BUILD_STAGE is set) the test skips itself (exit 77): it would
# otherwise start the build stage again within it.
set -euo pipefail
repo=$1 template=$2 assembly=$3 work=$4
here=$(cd "$(dirname "$0")" && pwd)

if [ -n "${CDKPP_BUILD_STAGE:-}" ]; then
  echo "skipped: already inside the build stage (CDKPP_BUILD_STAGE=$CDKPP_BUILD_STAGE)"
  exit 77
fi
fail() { echo "FAIL: $*"; exit 1; }

spec=$(node "$here/buildspec-of-synth.js" "$template")
field() { node -e "const s = JSON.parse(process.argv[1]); console.log($1)" "$spec"; }
echo "build stage of $template:"
field 's.commands.map((c) => "  " + c).join("\n")'

rm -rf "$work" && mkdir -p "$work"
git -C "$repo" rev-parse --git-dir >/dev/null 2>&1 || fail "$repo is not a git repository"
if [ -n "$(git -C "$repo" status --porcelain --untracked-files=no)" ]; then
  echo "note: $repo has uncommitted changes, which the clone (of HEAD) does not have"
fi
git clone -q "$repo" "$work/source"
echo "fresh clone of $(git -C "$work/source" rev-parse --short HEAD)"

# CodeBuild runs the phases' commands one after another in one shell, stopping at a failure,
# with the project's environment variables set.
{
  echo "set -e"
  field 'Object.entries(s.env).map(([k, v]) => "export " + k + "=" + JSON.stringify(v)).join("\n")'
  field 's.commands.join("\n")'
} > "$work/commands.sh"
start=$(date +%s)
(cd "$work/source" && bash "$work/commands.sh") > "$work/build-stage.log" 2>&1 || {
  tail -60 "$work/build-stage.log"
  fail "the build stage's commands failed (log: $work/build-stage.log)"
}
echo "the commands succeeded in $(( $(date +%s) - start ))s"
grep -E "tests passed|tests failed" "$work/build-stage.log" || true

output="$work/source/$(field 's.output')"
[ -f "$output/manifest.json" ] || fail "no assembly at $output"
# The same sources and preset give the same assembly, byte for byte.
diff -r "$assembly" "$output" > "$work/assembly.diff" || {
  head -40 "$work/assembly.diff"
  fail "the build stage's assembly differs from $assembly"
}
echo "ok: the build stage produced $output, identical to $assembly"
