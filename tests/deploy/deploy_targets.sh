#!/usr/bin/env bash
# The deploy targets of cdkpp_add_deploy_targets() driven as a user runs them, with the pinned
# AWS CDK CLI and no AWS credentials at all.
#
#   deploy_targets.sh <case> <build dir> <stage> <source dir>
#
# Cases: list, dry-run-order, diff-earlier-template, deploy-without-credentials, script-order,
# script-cycle, script-without-cli.
set -euo pipefail
case_name=$1 build=$2 stage=$3 source=$4
work="$build/tests/deploy/work-$case_name"
rm -rf "$work" && mkdir -p "$work/home"

fail() { echo "FAIL: $*"; exit 1; }
# No credentials, no configuration of the caller's, no instance metadata to ask.
no_aws() {
  env -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY -u AWS_SESSION_TOKEN -u AWS_PROFILE \
    -u AWS_DEFAULT_PROFILE -u AWS_REGION -u AWS_DEFAULT_REGION -u CDK_DEFAULT_ACCOUNT \
    -u CDK_DEFAULT_REGION HOME="$work/home" AWS_CONFIG_FILE="$work/home/none" \
    AWS_SHARED_CREDENTIALS_FILE="$work/home/none" AWS_EC2_METADATA_DISABLED=true \
    CDK_DISABLE_VERSION_CHECK=1 "$@"
}
target() { no_aws cmake --build "$build" --target "$1-$stage" > "$work/out.txt" 2>&1; }
# The output with CMake's line wrapping undone.
flat() { tr -s ' \n' ' ' < "$work/out.txt"; }
# The build-time script alone, on a fixture assembly, with a stand-in CLI that is never run.
script() {
  printf '#!/bin/sh\nexit 0\n' > "$work/cdk" && chmod +x "$work/cdk"
  cmake "-DCDKPP_ACTION=$1" "-DCDKPP_CLI=$work/cdk" "-DCDKPP_ASSEMBLY=$2" -DCDKPP_APPROVAL=never \
    -DCDKPP_DRY_RUN=ON -P "$source/cmake/CdkppCdkCommand.cmake" > "$work/out.txt" 2>&1
}
# The stack each printed `cdk <command>` line ends with, one per line.
printed_stacks() { sed -n "s|^.*/cdk $1 .* \\([^ ]*\\)\$|\\1|p" "$work/out.txt"; }

case "$case_name" in
  list)
    # A variable of cdkpp's in the environment is not the CLI's business (it reads CDK*).
    CDKPP_BUILD_STAGE=1 target list || { cat "$work/out.txt"; fail "list-$stage failed"; }
    if grep -q "Unknown option" "$work/out.txt"; then
      cat "$work/out.txt"
      fail "the CLI was given cdkpp's environment variables"
    fi
    # Every stack, stages included, as `cdk ls` prints them.
    expected="$build/tests/interop/expected-stacks.txt"
    grep -vF -e "cdk list" -e "[" "$work/out.txt" > "$work/stacks.txt" || true
    diff -u "$expected" "$work/stacks.txt" || fail "list-$stage printed other stacks"
    ;;
  dry-run-order)
    CDKPP_DEPLOY_DRY_RUN=1 target deploy || { cat "$work/out.txt"; fail "the dry run failed"; }
    cat "$work/out.txt"
    printed_stacks deploy > "$work/order.txt"
    if [ "$stage" = production ]; then
      printf '%s\n' MyApp-Toolchain-Management > "$work/expected.txt"
    else
      printf '%s\n' MyApp-Service-Sandbox-UserManagement MyApp-Service-Sandbox-AdminConsole \
        > "$work/expected.txt"
    fi
    diff -u "$work/expected.txt" "$work/order.txt" || fail "not the stacks in dependency order"
    grep -q -- "--exclusively --require-approval broadening" "$work/out.txt" ||
      fail "the commands lack the approval level"
    grep -q "dry run (CDKPP_DEPLOY_DRY_RUN): nothing was run" "$work/out.txt" ||
      fail "no dry-run notice"
    ;;
  diff-earlier-template)
    earlier="$source/tests/deploy/earlier/MyApp-Service-Sandbox-UserManagement.template.json"
    CDKPP_STACKS=MyApp-Service-Sandbox-UserManagement CDKPP_CDK_ARGS="--template $earlier" \
      target diff || { cat "$work/out.txt"; fail "diff-$stage failed"; }
    cat "$work/out.txt"
    # The committed template predates the function's own log group and the route-scoped
    # permission, which replaced the API-wide one.
    for line in \
      "[-] AWS::Lambda::Permission Ingress/HttpApi/ProxyRoute/InvokePermission" \
      "[+] AWS::Logs::LogGroup Ingress/Function/LogGroup IngressFunctionLogGroup7EE7E393" \
      "[+] AWS::Lambda::Permission Ingress/HttpApi/ProxyRoute/LambdaIntegration-Permission" \
      "[~] AWS::Lambda::Function Ingress/Function IngressFunctionCC445980"; do
      grep -qF "$line" "$work/out.txt" || fail "the diff does not show: $line"
    done
    ;;
  deploy-without-credentials)
    start=$(date +%s)
    if CDKPP_DEPLOY_DRY_RUN=0 target deploy; then
      fail "deploy-$stage succeeded without credentials"
    fi
    elapsed=$(( $(date +%s) - start ))
    cat "$work/out.txt"
    grep -q "Unable to resolve AWS account to use" "$work/out.txt" ||
      fail "the CLI's own reason is not shown"
    flat | grep -qF "When it is about credentials or the account: sign in" || fail "no hint"
    # Only the first stack was tried: the build stops at its failure.
    [ "$(grep -c "/cdk deploy " "$work/out.txt")" = 1 ] || fail "it went on after a failure"
    echo "failed after ${elapsed}s, as it should"
    ;;
  script-order)
    script deploy "$source/tests/deploy/fixtures/reversed" || fail "the dry run failed"
    printed_stacks deploy | tr '\n' ' ' > "$work/order.txt"
    [ "$(cat "$work/order.txt")" = "Network Backend Frontend Tools " ] ||
      fail "deploy order: $(cat "$work/order.txt")"
    script destroy "$source/tests/deploy/fixtures/reversed" || fail "the dry run failed"
    printed_stacks destroy | tr '\n' ' ' > "$work/order.txt"
    [ "$(cat "$work/order.txt")" = "Tools Frontend Backend Network " ] ||
      fail "destroy order: $(cat "$work/order.txt")"
    grep -q -- "--exclusively --force Tools" "$work/out.txt" || fail "destroy asks with 'never'"
    ;;
  script-cycle)
    if script deploy "$source/tests/deploy/fixtures/cycle"; then fail "a cycle was accepted"; fi
    expected="cdkpp: the stacks A, B of $source/tests/deploy/fixtures/cycle/manifest.json"
    expected+=" depend on each other in a cycle"
    flat | grep -qF "$expected" || { cat "$work/out.txt"; fail "not the cycle's message"; }
    ;;
  script-without-cli)
    if cmake -DCDKPP_ACTION=deploy -DCDKPP_CLI=CDKPP_CDK_CLI-NOTFOUND \
      "-DCDKPP_ASSEMBLY=$source/tests/deploy/fixtures/reversed" \
      -P "$source/cmake/CdkppCdkCommand.cmake" > "$work/out.txt" 2>&1; then
      fail "it ran without a CLI"
    fi
    expected="cdkpp: the AWS CDK CLI was not found at configure time. Install the pinned one"
    expected+=" with \`npm ci\` in the repository (or \`npm install -g aws-cdk\`), then configure"
    flat | grep -qF "$expected" || { cat "$work/out.txt"; fail "no install hint"; }
    ;;
  *) fail "unknown case '$case_name'" ;;
esac
echo "ok: $case_name"
