#!/usr/bin/env bash
# Drives a copy of the repository as a user would, with the sandbox preset, and checks what each
# build does: the first synthesizes, a second does nothing, touching one bounded context
# recompiles only it and re-synthesizes, touching the Lambda source re-synthesizes only, editing
# it or adding a file next to it stages a new code asset, editing the console's page stages the
# new page under a new hash and leaves the User Management stack as it was, a changed preset value
# re-synthesizes, and a bad one fails naming the variable while the previous assembly stays as it
# was.
#
#   incremental_build.sh <repository> <work dir>
set -euo pipefail

repo=$1 work=$2
rm -rf "$work"
mkdir -p "$work/src"
# package.json: the toolchain reads the pinned CLI version from it.
for item in CMakeLists.txt CMakePresets.json app.cpp package.json cmake generator service \
            toolchain; do
  cp -a "$repo/$item" "$work/src/"
done
cd "$work/src"
unset CDK_DEFAULT_ACCOUNT CDK_DEFAULT_REGION

fail() { echo "FAIL: $*"; exit 1; }
build() { cmake --build --preset sandbox --target synth 2>&1 | tee "$work/last-build.log"; }
assembly=build/sandbox/cdk.out
fingerprint() { (cd "$assembly" && find . -type f -print0 | sort -z | xargs -0 sha256sum); }

echo "== configure and first build"
cmake --preset sandbox -DCDKPP_BUILD_TESTS=OFF -DCDKPP_BUILD_BENCHMARKS=OFF >/dev/null
build >/dev/null
grep -q "Synthesizing app" "$work/last-build.log" || fail "the first build did not synthesize"
[ -f "$assembly/manifest.json" ] || fail "no manifest after the first build"

echo "== a second build with nothing changed"
build
grep -q "ninja: no work to do." "$work/last-build.log" || fail "the no-op build did work"

echo "== touching the admin console's hosting"
touch service/admin_console/hosting.cpp
build
grep -q "admin_console/hosting.cpp.o" "$work/last-build.log" || fail "hosting.cpp not recompiled"
if grep -q "user_management/" "$work/last-build.log"; then
  fail "the user management context was recompiled"
fi
grep -q "Synthesizing app" "$work/last-build.log" || fail "no new synth after the change"

echo "== touching the Lambda source, which the synth reads"
touch service/user_management/api/app.py
build
grep -q "Synthesizing app" "$work/last-build.log" || fail "no synth after app.py changed"
if grep -q "Building CXX" "$work/last-build.log"; then fail "C++ recompiled for app.py"; fi

echo "== editing the Lambda source: a new code asset replaces the old one"
# The staged folder that the function's S3Key names, in the User Management template.
code_asset() {
  sed -n 's/.*"S3Key": "\([0-9a-f]\{64\}\)\.zip".*/asset.\1/p' \
    "$assembly"/*UserManagement.template.json
}
old_asset=$(code_asset)
[ -d "$assembly/$old_asset" ] || fail "no staged folder for the function's code: '$old_asset'"
echo "# edited by incremental_build.sh" >> service/user_management/api/app.py
build >/dev/null
new_asset=$(code_asset)
[ "$new_asset" != "$old_asset" ] || fail "the code asset kept its hash after app.py changed"
[ ! -e "$assembly/$old_asset" ] || fail "the old code asset is still in the assembly"
cmp -s service/user_management/api/app.py "$assembly/$new_asset/app.py" ||
  fail "the staged app.py is not the edited one"

echo "== a new file in the Lambda folder, which the synth lists"
echo "VERSION = 2" > service/user_management/api/version.py
build
grep -q "Synthesizing app" "$work/last-build.log" || fail "no synth after a file was added"
[ -f "$assembly/$(code_asset)/version.py" ] || fail "the new file is not in the staged asset"

echo "== editing the console's page re-synthesizes, with the new page staged"
# The User Management stack's files, and the page's object key in the Admin Console template.
user_management() {
  cat "$assembly"/*UserManagement.template.json "$assembly"/*UserManagement.assets.json
}
page_key() {
  grep -A2 '"SourceObjectKeys"' "$assembly"/*AdminConsole.template.json | grep -o '[0-9a-f]\{64\}'
}
user_management_before=$(user_management | sha256sum)
page_key_before=$(page_key)
echo "<!-- edited by incremental_build.sh -->" >> service/admin_console/ui/index.html
build
grep -q "Synthesizing app" "$work/last-build.log" || fail "no synth after ui/index.html changed"
if grep -q "Building CXX" "$work/last-build.log"; then fail "C++ recompiled for index.html"; fi
grep -lq "edited by incremental_build.sh" "$assembly"/asset.*/index.html ||
  fail "the edited page is not staged"
[ -n "$page_key_before" ] && [ "$(page_key)" != "$page_key_before" ] ||
  fail "the page's asset kept its hash ($page_key_before) after index.html changed"
[ "$(user_management | sha256sum)" = "$user_management_before" ] ||
  fail "editing the console's page changed the User Management stack"

echo "== a changed preset value"
cmake --preset sandbox -DCDKPP_USER_MANAGEMENT_LAMBDA_RESERVED_CONCURRENCY=3 >/dev/null
build
grep -q "Synthesizing app" "$work/last-build.log" || fail "no synth after the value changed"
grep -q '"ReservedConcurrentExecutions": 3' "$assembly"/*UserManagement.template.json ||
  fail "the new reserved concurrency is not in the template"

echo "== a bad preset value"
before=$(fingerprint)
cmake --preset sandbox -DCDKPP_USER_MANAGEMENT_LAMBDA_RESERVED_CONCURRENCY=three >/dev/null
if build; then fail "the build with a bad preset value succeeded"; fi
grep -q "CMake cache variable CDKPP_USER_MANAGEMENT_LAMBDA_RESERVED_CONCURRENCY" \
  "$work/last-build.log" || fail "the error does not name the cache variable"
[ "$(fingerprint)" = "$before" ] || fail "the failed synth changed the previous assembly"

echo "ok: incremental builds behave"
