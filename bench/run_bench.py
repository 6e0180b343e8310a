#!/usr/bin/env python3
"""cdkpp's benchmarks, side by side with the AWS CDK.

Times whole processes (wall time from start to exit, peak memory from the kernel's rusage, as
/usr/bin/time -v reports it) and prints Markdown tables; the same figures go to a JSON file:

  * the reference application's synth, per preset;
  * generated applications of N stacks of M resources, their growth, and the serialization
    floor (bench_serialization_floor: writing the same JSON documents and nothing else);
  * the same applications written with aws-cdk-lib (bench/cdk), run alternately with cdkpp in
    the same session, in the CDK's default mode and with its template validation off;
  * incremental rebuilds of the reference application in a build tree of the bench's own;
  * the micro-benchmarks (bench_micro, Google Benchmark).

The `bench` target runs it with the build tree's programs; see the README's Benchmarks section.
"""

import argparse
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

SIZES = [(1, 10), (10, 50), (50, 100), (100, 200)]
QUICK_SIZES = [(1, 10), (2, 20)]
PRESETS = ["sandbox", "production"]
# One bounded context's source, which the incremental rebuild touches.
TOUCHED_SOURCE = Path("service/user_management/user_management_stack.cpp")
MIB = 1024 * 1024
ONE_THREAD = "cdkpp one thread"


class BenchError(Exception):
    pass


@dataclass
class Run:
    seconds: float
    peak_kib: int
    bytes: int = 0


@dataclass
class Contender:
    """One program timed in a comparison; `command(out)` writes an assembly into out."""

    name: str
    command: object
    env: dict = field(default_factory=dict)
    runs: list = field(default_factory=list)


# ---- Measuring ----

def folder_bytes(folder):
    total = 0
    for root, _, files in os.walk(folder):
        total += sum(os.lstat(os.path.join(root, name)).st_size for name in files)
    return total


def measure(command, env=None, cwd=None, output=None):
    """Runs command to its end; the output folder is removed first and measured after."""
    if output is not None:
        shutil.rmtree(output, ignore_errors=True)
    command = [str(part) for part in command]
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=log, stderr=log, env=env, cwd=cwd)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            log.seek(0)
            tail = log.read().decode(errors="replace")[-3000:]
            raise BenchError(f"{shlex.join(command)} exited with "
                             f"{process.returncode}:\n{tail}")
    return Run(seconds, usage.ru_maxrss, folder_bytes(output) if output is not None else 0)


def summary(runs):
    seconds = [run.seconds for run in runs]
    return {
        "median_s": statistics.median(seconds),
        "min_s": min(seconds),
        "max_s": max(seconds),
        "runs_s": seconds,
        "peak_rss_mib": max(run.peak_kib for run in runs) / 1024,
        "bytes": runs[-1].bytes,
    }


def race(contenders, out_root, warmups, runs):
    """Runs the contenders in turn, round after round, so that each round meets the machine in
    the same state; the warm-up rounds are not kept."""
    for round_number in range(warmups + runs):
        for contender in contenders:
            output = out_root / contender.name.replace(" ", "-")
            env = {**os.environ, **contender.env}
            for name in [key for key, value in contender.env.items() if value is None]:
                env.pop(name, None)
            run = measure(contender.command(output), env=env, output=output)
            if round_number >= warmups:
                contender.runs.append(run)


def pair_ratio(contender, baseline):
    """The median of the per-round ratios of contender's time to the baseline's."""
    return statistics.median(a.seconds / b.seconds for a, b in zip(contender.runs, baseline.runs))


# ---- The AWS CDK, installed into the build tree ----

def install_aws_cdk(source_dir, work_dir, npm):
    """npm ci of bench/cdk's pinned packages into the build tree, once per lock file."""
    target = work_dir / "aws-cdk"
    target.mkdir(parents=True, exist_ok=True)
    for name in ["package.json", "package-lock.json"]:
        source = source_dir / "bench" / "cdk" / name
        if not (target / name).exists() or (target / name).read_bytes() != source.read_bytes():
            shutil.copyfile(source, target / name)
    installed = target / "node_modules" / ".package-lock.json"
    lock = target / "package-lock.json"
    if not installed.exists() or installed.stat().st_mtime < lock.stat().st_mtime:
        print(f"bench: npm ci in {target}", file=sys.stderr)
        subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=target,
                       check=True)
    return target / "node_modules"


def package_version(node_modules, name):
    return json.loads((node_modules / name / "package.json").read_text())["version"]


def cdk_env(node_modules, validation):
    # Unset is the CDK's default (validation on); "false" turns it off.
    return {"NODE_PATH": str(node_modules), "CDK_VALIDATION": None if validation else "false"}


# ---- The presets' context ----

def preset_cache_variables(presets_file, name):
    presets = {p["name"]: p for p in json.loads(presets_file.read_text())["configurePresets"]}

    def resolve(preset_name):
        preset = presets[preset_name]
        inherits = preset.get("inherits", [])
        variables = {}
        for parent in [inherits] if isinstance(inherits, str) else inherits:
            variables.update(resolve(parent))
        for key, value in preset.get("cacheVariables", {}).items():
            variables[key] = value["value"] if isinstance(value, dict) else value
        return variables

    variables = resolve(name)
    for key, value in variables.items():
        if isinstance(value, str) and "$env{" in value:
            for env_name, env_value in os.environ.items():
                value = value.replace("$env{" + env_name + "}", env_value)
            start = value.find("$env{")
            while start >= 0:
                value = value[:start] + value[value.index("}", start) + 1:]
                start = value.find("$env{")
            variables[key] = value
    return variables


def write_context_file(presets_file, preset, context_map, path):
    """The context file that the preset's synth reads (cmake/CdkppSynth.cmake's format)."""
    variables = preset_cache_variables(presets_file, preset)
    context = {}
    for pair in context_map:
        key, variable = pair.split("=", 1)
        if variable in variables:
            context[key] = variables[variable] if isinstance(variables[variable], str) \
                else str(variables[variable])
    path.write_text(json.dumps({"context": context}, indent=2) + "\n")
    return path


# ---- What the two assemblies hold ----

def logical_ids(assembly):
    """Every template's resource logical IDs, by template file, across nested assemblies."""
    found = {}
    for template in sorted(Path(assembly).rglob("*.template.json")):
        resources = json.loads(template.read_text()).get("Resources", {})
        found[str(template.relative_to(assembly))] = sorted(resources)
    return found


# ---- The sections ----

def reference_app(args, node_modules, work):
    results = []
    for preset in PRESETS:
        context = write_context_file(args.source_dir / "CMakePresets.json", preset,
                                     args.context_map, work / f"context-{preset}.json")
        contenders = [Contender("cdkpp", lambda out, c=context: [
            args.app, "--output", out, "--context-file", c])]
        if node_modules is not None:
            script = args.source_dir / "bench" / "cdk" / "reference_app.js"
            for validation in [True, False]:
                contenders.append(Contender(
                    "aws-cdk" if validation else "aws-cdk no-validation",
                    lambda out, c=context: [args.node, script, out, c],
                    cdk_env(node_modules, validation)))
        race(contenders, work / f"reference-{preset}", args.warmups, args.runs)
        results.append(comparison({"preset": preset}, contenders))
    return results


def comparison(key, contenders):
    cdkpp = contenders[0]
    entry = {**key, "cdkpp": summary(cdkpp.runs)}
    for contender in contenders[1:]:
        entry[contender.name] = {**summary(contender.runs),
                                 "ratio_to_cdkpp": pair_ratio(contender, cdkpp)}
    return entry


def generated_apps(args, node_modules, work):
    results = []
    code = args.source_dir / "bench" / "code"
    for stacks, resources in args.sizes:
        def cdkpp(out, n=stacks, m=resources):
            return [args.generated_app, "--output", out, "-c", f"bench:stacks={n}",
                    "-c", f"bench:resources={m}", "-c", f"bench:code={code}"]

        # By default cdkpp renders the stacks on one thread per core; on one thread, the
        # figures show what the parallel rendering is worth.
        contenders = [Contender("cdkpp", cdkpp),
                      Contender(ONE_THREAD, lambda out, run=cdkpp: run(out) + ["--jobs", "1"])]
        if node_modules is not None:
            script = args.source_dir / "bench" / "cdk" / "generated_app.js"
            for validation in [True, False]:
                contenders.append(Contender(
                    "aws-cdk" if validation else "aws-cdk no-validation",
                    lambda out, n=stacks, m=resources: [args.node, script, out, n, m, code],
                    cdk_env(node_modules, validation)))
        out_root = work / f"generated-{stacks}x{resources}"
        race(contenders, out_root, args.warmups, args.runs)

        entry = comparison({"stacks": stacks, "resources_per_stack": resources}, contenders)
        entry["floor"] = serialization_floor(args, out_root / "cdkpp", work / "floor")
        entry["cdkpp_to_floor"] = entry["cdkpp"]["median_s"] / entry["floor"]["median"]
        entry["one_thread_to_floor"] = entry[ONE_THREAD]["median_s"] / entry["floor"]["median"]
        if node_modules is not None:
            entry["same_logical_ids_as_aws_cdk"] = (
                logical_ids(out_root / "cdkpp") == logical_ids(out_root / "aws-cdk"))
        results.append(entry)

    smallest = results[0]["cdkpp"]
    for entry in results:
        entry["growth"] = {
            "resources": entry["stacks"] * entry["resources_per_stack"] / (
                results[0]["stacks"] * results[0]["resources_per_stack"]),
            "time": entry["cdkpp"]["median_s"] / smallest["median_s"],
            "peak_rss": entry["cdkpp"]["peak_rss_mib"] / smallest["peak_rss_mib"],
            "bytes": entry["cdkpp"]["bytes"] / smallest["bytes"],
        }
    return results


def serialization_floor(args, assembly, scratch):
    result = subprocess.run([args.floor, assembly, scratch, str(max(args.runs, 3))],
                            check=True, capture_output=True, text=True)
    return json.loads(result.stdout)


def incremental(args, node_modules, work):
    """Builds the reference application in a tree of the bench's own (a nested build of the
    tree that runs the bench would share its Ninja state), then times rebuilds of `synth`."""
    tree = work / f"incremental-{args.preset}"
    started = time.perf_counter()
    if not (tree / "build.ninja").exists():
        subprocess.run([args.cmake, "-S", args.source_dir, "-B", tree, "--preset", args.preset,
                        "-DCDKPP_BUILD_TESTS=OFF", "-DCDKPP_BUILD_BENCHMARKS=OFF",
                        "-DCDKPP_INSTALL=OFF"], check=True, stdout=subprocess.DEVNULL)
    build = [args.cmake, "--build", tree, "--target", "synth"]
    subprocess.run(build, check=True, stdout=subprocess.DEVNULL)
    first_build = time.perf_counter() - started

    touched = args.source_dir / TOUCHED_SOURCE
    manifest = tree / "cdk.out" / "manifest.json"
    no_op, touch, cdk_synth = [], [], []
    context = write_context_file(args.source_dir / "CMakePresets.json", args.preset,
                                 args.context_map, work / f"context-{args.preset}.json")
    for round_number in range(args.warmups + args.runs):
        keep = round_number >= args.warmups
        run = measure(build)
        if keep:
            no_op.append(run)

        before = manifest.stat().st_mtime_ns
        os.utime(touched)
        run = measure(build)
        if manifest.stat().st_mtime_ns == before:
            raise BenchError(f"touching {touched} did not give a new assembly in {tree}")
        if keep:
            touch.append(run)

        if node_modules is not None:
            run = measure(cdk_synth_command(args, node_modules, context, work / "cdk-synth"),
                          env=cli_env(node_modules), output=work / "cdk-synth")
            if keep:
                cdk_synth.append(run)

    result = {"preset": args.preset, "touched": str(TOUCHED_SOURCE),
              "first_build_s": first_build, "no_op": summary(no_op), "touch": summary(touch)}
    if cdk_synth:
        result["aws_cdk_cli_synth"] = summary(cdk_synth)
    return result


def cdk_synth_command(args, node_modules, context, output):
    app = shlex.join([str(args.node), str(args.source_dir / "bench" / "cdk" / "reference_app.js"),
                      "-", str(context)])
    return [node_modules / ".bin" / "cdk", "synth", "--app", app, "--output", output, "--quiet",
            "--no-notices", "--no-version-reporting"]


def cli_env(node_modules):
    env = {**os.environ, "NODE_PATH": str(node_modules), "CDK_DISABLE_CLI_TELEMETRY": "true"}
    # The CLI reads every variable whose name starts with CDK as an option.
    return {key: value for key, value in env.items() if not key.startswith("CDKPP_")}


def micro_benchmarks(args, work):
    out = work / "micro.json"
    subprocess.run([args.micro, f"--benchmark_min_time={args.micro_min_time}",
                    "--benchmark_format=console", f"--benchmark_out={out}",
                    "--benchmark_out_format=json"], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    results = []
    for bench in json.loads(out.read_text())["benchmarks"]:
        entry = {"name": bench["name"], "real_time": bench["real_time"],
                 "time_unit": bench["time_unit"]}
        for counter in ["items_per_second", "bytes_per_second"]:
            if counter in bench:
                entry[counter] = bench[counter]
        results.append(entry)
    return results


# ---- The machine and the report ----

def machine(args, node_modules):
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory_kib = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text()
                      .splitlines() if line.startswith("MemTotal"))
    info = {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(memory_kib / MIB, 1),
            "os": platform.platform(), "compiler": args.compiler, "build_type": args.build_type,
            "runs": args.runs, "warmups": args.warmups}
    if node_modules is not None:
        info["node"] = subprocess.run([args.node, "--version"], capture_output=True,
                                      text=True).stdout.strip()
        info["aws-cdk-lib"] = package_version(node_modules, "aws-cdk-lib")
        info["aws-cdk"] = package_version(node_modules, "aws-cdk")
    return info


def ms(seconds):
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def spread(figures):
    return f"{ms(figures['median_s'])} ({ms(figures['min_s'])}-{ms(figures['max_s'])})"


def table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def contender_cells(entry, name):
    if name not in entry:
        return ["-", "-", "-"]
    figures = entry[name]
    return [spread(figures), f"{figures['peak_rss_mib']:.0f} MiB",
            f"{figures['ratio_to_cdkpp']:.0f}x"]


def report(results):
    m = results["machine"]
    print(f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB; {m['os']}; "
          f"{m['compiler']} ({m['build_type']}); median (min-max) of {m['runs']} runs after "
          f"{m['warmups']} warm-up" + (f"; Node {m['node']}, aws-cdk-lib {m['aws-cdk-lib']}"
                                       if "node" in m else ""))
    header = ["cdkpp", "peak", "aws-cdk", "peak", "ratio", "no validation", "peak", "ratio"]

    print("\nReference application, synth per preset:\n")
    rows = []
    for entry in results["reference_app"]:
        rows.append([entry["preset"], spread(entry["cdkpp"]),
                     f"{entry['cdkpp']['peak_rss_mib']:.1f} MiB",
                     *contender_cells(entry, "aws-cdk"),
                     *contender_cells(entry, "aws-cdk no-validation")])
    print(table(["preset", *header], rows))

    print("\nGenerated applications (N stacks x M resources):\n")
    rows = []
    for entry in results["generated"]:
        rows.append([f"{entry['stacks']}x{entry['resources_per_stack']}", spread(entry["cdkpp"]),
                     f"{entry['cdkpp']['peak_rss_mib']:.1f} MiB",
                     *contender_cells(entry, "aws-cdk"),
                     *contender_cells(entry, "aws-cdk no-validation")])
    print(table(["N x M", *header], rows))

    print("\nGrowth of cdkpp's synth, and the serialization floor:\n")
    rows = []
    for entry in results["generated"]:
        growth = entry["growth"]
        one_thread = entry[ONE_THREAD]
        rows.append([f"{entry['stacks']}x{entry['resources_per_stack']}",
                     f"{entry['cdkpp']['bytes'] / MIB:.2f} MiB", f"{growth['resources']:.0f}x",
                     f"{growth['time']:.1f}x", f"{growth['peak_rss']:.1f}x",
                     f"{growth['bytes']:.1f}x", ms(entry["floor"]["median"]),
                     f"{entry['cdkpp_to_floor']:.1f}x",
                     f"{spread(one_thread)}, {one_thread['peak_rss_mib']:.0f} MiB",
                     f"{entry['one_thread_to_floor']:.1f}x",
                     {True: "yes", False: "NO"}.get(entry.get("same_logical_ids_as_aws_cdk"), "-")])
    print(table(["N x M", "written", "resources", "time", "peak", "bytes", "floor",
                 "cdkpp/floor", "one thread", "one thread/floor", "same IDs as aws-cdk"], rows))

    if "incremental" in results:
        inc = results["incremental"]
        print(f"\nIncremental rebuilds (`cmake --build --target synth`, {inc['preset']} preset; "
              f"first build {inc['first_build_s']:.0f} s):\n")
        rows = [["no-op", spread(inc["no_op"])],
                [f"touch {inc['touched']}", spread(inc["touch"])]]
        if "aws_cdk_cli_synth" in inc:
            rows.append(["aws-cdk: `cdk synth` of the same app", spread(inc["aws_cdk_cli_synth"])])
        print(table(["change", "time"], rows))

    if "micro" in results:
        print("\nMicro-benchmarks (bench_micro):\n")
        rows = [[b["name"], f"{b['real_time']:.0f} {b['time_unit']}"] for b in results["micro"]]
        print(table(["benchmark", "time"], rows))


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source-dir", type=Path, required=True)
    parser.add_argument("--work-dir", type=Path, required=True,
                        help="scratch space in the build tree (assemblies, the CDK's install)")
    parser.add_argument("--app", type=Path, required=True, help="the reference application")
    parser.add_argument("--generated-app", type=Path, required=True)
    parser.add_argument("--floor", type=Path, required=True)
    parser.add_argument("--micro", type=Path)
    parser.add_argument("--context-map", nargs="+", required=True,
                        help="the app's context keys and their cache variables: key=VARIABLE")
    parser.add_argument("--preset", default="sandbox", help="the preset of the incremental tree")
    parser.add_argument("--cmake", default="cmake")
    parser.add_argument("--node", default=shutil.which("node"))
    parser.add_argument("--npm", default=shutil.which("npm"))
    parser.add_argument("--compiler", default="unknown")
    parser.add_argument("--build-type", default="unknown")
    parser.add_argument("--json", type=Path, help="where to write the figures")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warmups", type=int, default=1)
    parser.add_argument("--sizes", help="N:M,N:M,... (default 1:10,10:50,50:100,100:200)")
    parser.add_argument("--quick", action="store_true",
                        help="a check that everything runs: small sizes, 1 run, no rebuilds")
    parser.add_argument("--skip-cdk", action="store_true")
    parser.add_argument("--skip-incremental", action="store_true")
    parser.add_argument("--micro-min-time", default="0.5")
    args = parser.parse_args(sys.argv[1:] + shlex.split(os.environ.get("CDKPP_BENCH_ARGS", "")))

    args.sizes = [tuple(int(x) for x in size.split(":")) for size in args.sizes.split(",")] \
        if args.sizes else (QUICK_SIZES if args.quick else SIZES)
    if args.quick:
        args.runs, args.warmups, args.micro_min_time = 1, 0, "0.01"
        args.skip_incremental = True
    args.source_dir = args.source_dir.resolve()
    args.work_dir = args.work_dir.resolve()
    return args


def main():
    args = parse_args()
    args.work_dir.mkdir(parents=True, exist_ok=True)
    node_modules = None
    if not args.skip_cdk:
        if not args.node or not args.npm:
            print("bench: node or npm not found: the AWS CDK side is left out", file=sys.stderr)
        else:
            node_modules = install_aws_cdk(args.source_dir, args.work_dir, args.npm)

    results = {"machine": machine(args, node_modules)}
    try:
        results["reference_app"] = reference_app(args, node_modules, args.work_dir)
        results["generated"] = generated_apps(args, node_modules, args.work_dir)
        if not args.skip_incremental:
            results["incremental"] = incremental(args, node_modules, args.work_dir)
        if args.micro is not None:
            results["micro"] = micro_benchmarks(args, args.work_dir)
    except (BenchError, subprocess.CalledProcessError) as error:
        print(f"bench: {error}", file=sys.stderr)
        return 1

    report(results)
    json_file = args.json or args.work_dir / "results.json"
    json_file.write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nbench: the figures are in {json_file}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
