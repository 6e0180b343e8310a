#!/usr/bin/env bash
# Installs cdkpp from a build tree, then configures, builds and synthesizes a consumer project
# that finds it with find_package(cdkpp).
#   consumer_package.sh <cdkpp build dir> <consumer source dir> <work dir>
set -euo pipefail
build=$1 consumer=$2 work=$3
rm -rf "$work"
cmake --install "$build" --prefix "$work/prefix"
cmake -S "$consumer" -B "$work/build" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" \
  "-DCONSUMER_BUCKET_NAME=from-the-cache;with \"quotes\" and a semicolon"
cmake --build "$work/build"
template="$work/build/cdk.out/Consumer.template.json"
grep -qF '"BucketName": "from-the-cache;with \"quotes\" and a semicolon"' "$template" || { echo "FAIL: $template"; exit 1; }
# The bucket deployment's handler comes from the installed sources of the L2 constructs.
handler=$(grep -l '^def handler' "$work"/build/cdk.out/asset.*/index.py 2>/dev/null | head -1)
if [ -z "$handler" ]; then
  echo "FAIL: no staged bucket deployment handler in $work/build/cdk.out"
  exit 1
fi
if ! grep -qF '"Type": "Custom::CDKBucketDeployment"' "$template"; then
  echo "FAIL: no bucket deployment in $template"
  exit 1
fi
echo "ok: the consumer synthesized $template"
