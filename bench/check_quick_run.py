#!/usr/bin/env python3
"""Runs the bench's quick mode (the command after the results file) and checks that it took
every figure: each section is there, every time and peak is positive, and the generated
applications have the same logical IDs as the AWS CDK gives the same app.

  check_quick_run.py <results.json> <run_bench.py command...>
"""

import json
import subprocess
import sys
from pathlib import Path


def check(results):
    problems = []

    def positive(where, figures):
        for key in ["median_s", "min_s", "max_s", "peak_rss_mib"]:
            if not figures.get(key, 0) > 0:
                problems.append(f"{where}: {key} is {figures.get(key)!r}")

    contenders = ["cdkpp", "aws-cdk", "aws-cdk no-validation"]
    for entry in results.get("reference_app", []):
        for name in contenders:
            positive(f"reference app {entry['preset']} {name}", entry.get(name, {}))
    if [e["preset"] for e in results.get("reference_app", [])] != ["sandbox", "production"]:
        problems.append("the reference app was not timed in both presets")

    for entry in results.get("generated", []):
        where = f"generated {entry['stacks']}x{entry['resources_per_stack']}"
        for name in contenders + ["cdkpp one thread"]:
            positive(f"{where} {name}", entry.get(name, {}))
        if not entry["cdkpp"]["bytes"] > 0 or not entry["floor"]["median"] > 0:
            problems.append(f"{where}: no bytes written or no floor")
        if entry.get("same_logical_ids_as_aws_cdk") is not True:
            problems.append(f"{where}: the logical IDs differ from the AWS CDK's")
    if len(results.get("generated", [])) < 2:
        problems.append("fewer than two generated applications were timed")

    names = {bench["name"].split("/")[0] for bench in results.get("micro", [])}
    for expected in ["BM_MakeUniqueId", "BM_ResolvePolicyDocument", "BM_RenderTemplate",
                     "BM_Sha256"]:
        if expected not in names:
            problems.append(f"micro-benchmark {expected} did not run")
    return problems


def main():
    results_file, command = Path(sys.argv[1]), sys.argv[2:]
    results_file.unlink(missing_ok=True)
    if subprocess.run(command).returncode != 0:
        print("check_quick_run: the bench failed")
        return 1
    problems = check(json.loads(results_file.read_text()))
    for problem in problems:
        print(f"check_quick_run: {problem}")
    print(f"check_quick_run: {'FAILED' if problems else 'ok'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
