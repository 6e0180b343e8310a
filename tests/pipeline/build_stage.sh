#!/usr/bin/env bash
# The pipeline's Build stage, run here as CodeBuild would run it: its commands and environment
# are read from the synthesized toolchain template, then run in one shell on a fresh clone of
# the repository; they must succeed and leave the assembly that the production stage deploys,
# the same, file for file, as this build's. Then, on that assembly: every template that a
# CloudFormation action deploys is there, and the later CodeBuild steps (UpdatePipeline,
# Assets) run with the pinned CLI and no credentials, getting as far as the AWS calls.
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

spec=$(node "$here/pipeline-steps.js" "$template")
field() { node -e "const s = JSON.parse(process.argv[1]); console.log($1)" "$spec"; }
echo "build stage of $template:"
field 's.build.commands.map((c) => "  " + c).join("\n")'

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
  field 'Object.entries(s.build.env).map(([k, v]) => `export ${k}=${JSON.stringify(v)}`)
           .join("\n")'
  field 's.build.commands.join("\n")'
} > "$work/commands.sh"
start=$(date +%s)
(cd "$work/source" && bash "$work/commands.sh") > "$work/build-stage.log" 2>&1 || {
  tail -60 "$work/build-stage.log"
  fail "the build stage's commands failed (log: $work/build-stage.log)"
}
echo "the commands succeeded in $(( $(date +%s) - start ))s"
grep -E "tests passed|tests failed" "$work/build-stage.log" || true

output="$work/source/$(field 's.build.output')"
[ -f "$output/manifest.json" ] || fail "no assembly at $output"
# The same sources and preset give the same assembly, byte for byte.
diff -r "$assembly" "$output" > "$work/assembly.diff" || {
  head -40 "$work/assembly.diff"
  fail "the build stage's assembly differs from $assembly"
}
echo "the build stage produced $output, identical to $assembly"

for file in $(field 's.templates.join("\n")'); do
  [ -f "$output/$file" ] || fail "the production stage deploys $file, which is not in the assembly"
done
echo "the assembly holds the $(field 's.templates.length') templates the production stage deploys"

# The later steps, in the output artifact as CodeBuild gives it to them, with the clone's pinned
# CLI in place of their `npm install -g aws-cdk@<version>` (of the same version) and no AWS
# credentials: each must fail only where it needs AWS.
cli_version=$(node -p "require('$work/source/package.json').devDependencies['aws-cdk']")
count=$(field 's.steps.length')
for ((i = 0; i < count; i++)); do
  name=$(field "s.steps[$i].stage + '/' + s.steps[$i].action")
  install=$(field "s.steps[$i].install.join(' && ')")
  [ "$install" = "npm install -g aws-cdk@$cli_version" ] ||
    fail "$name installs '$install', not the pinned CLI $cli_version"
  log="$work/step-$i.log"
  if (cd "$output" &&
      env -i PATH="$work/source/node_modules/.bin:$PATH" HOME="$work" \
        AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE="$work/none" \
        AWS_SHARED_CREDENTIALS_FILE="$work/none" \
        CDK_DISABLE_VERSION_CHECK=1 bash -e -c "$(field "s.steps[$i].commands.join('\n')")") \
      > "$log" 2>&1; then
    fail "$name succeeded without credentials"
  fi
  grep -q "Need to perform AWS calls for account" "$log" || {
    cat "$log"
    fail "$name failed before it needed AWS"
  }
  echo "$name: $(grep -m1 "Need to perform AWS calls" "$log")"
done
echo "ok: the build stage's assembly is the one the pipeline deploys"
