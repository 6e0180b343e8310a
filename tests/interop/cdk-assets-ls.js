#!/usr/bin/env node
'use strict';
// Reads every asset manifest of a cloud assembly (nested assemblies included) with the pinned
// cdk-assets, the publisher that CDK pipelines run (`cdk-assets ls --path <manifest>`), and
// checks that it lists each file asset of the manifest with each of its destinations, and that
// each source it names exists next to the manifest.
//
// The newest cdk-assets on npm can lag the cloud-assembly schema by a major version (4.7.3
// reads up to 54 while aws-cdk-lib 2.276.0, and cdkpp with it, write 55: it refuses the AWS
// CDK's own manifests alike). Then, and only for exactly one major ahead, the manifest is read
// again from a copy that declares the version it supports, and the test says so; the
// assembly_schema judge validates the manifest against the version it declares.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { readJson, listAssemblies, rel, setBase, Report, runMain } = require('./lib/assembly');

const USAGE = 'usage: node tests/interop/cdk-assets-ls.js <cdk.out dir>';
const CLI = path.join(path.dirname(require.resolve('cdk-assets/package.json')), 'bin',
  'cdk-assets');
const MISMATCH = /Maximum schema version supported is (\d+)\.x\.x, but found (\d+)\.\d+\.\d+/;

function ls(manifestFile) {
  const r = spawnSync(process.execPath, [CLI, 'ls', '--path', manifestFile],
    { encoding: 'utf8', timeout: 60000 });
  if (r.error) throw r.error;
  return r;
}

// cdk-assets on the manifest; on a one-major lag, on a copy that declares the supported version.
function listManifest(file, report) {
  const first = ls(file);
  if (first.status === 0) return first.stdout;
  const lag = MISMATCH.exec(first.stderr);
  if (!lag || Number(lag[2]) !== Number(lag[1]) + 1) {
    report.fail(`${rel(file)}: cdk-assets ls exited with ${first.status}: ${first.stderr.trim()}`);
    return null;
  }
  console.log(`  note  ${rel(file)}: cdk-assets reads schema ${lag[1]} at most, the manifest ` +
    `declares ${lag[2]}; reading a copy that declares ${lag[1]}.0.0`);
  const manifest = readJson(file);
  manifest.version = `${lag[1]}.0.0`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdkpp-cdk-assets-'));
  const copy = path.join(dir, path.basename(file));
  fs.writeFileSync(copy, JSON.stringify(manifest, null, 1));
  const second = ls(copy);
  fs.rmSync(dir, { recursive: true, force: true });
  if (second.status !== 0) {
    report.fail(`${rel(file)}: cdk-assets ls exited with ${second.status}: ` +
      second.stderr.trim());
    return null;
  }
  return second.stdout;
}

function checkManifest(file, report) {
  const manifest = readJson(file);
  const output = listManifest(file, report);
  if (output === null) return;
  const lines = output.split('\n').filter((l) => l.trim());
  const files = Object.entries(manifest.files || {});
  report.check(files.length > 0, `${rel(file)}: ${files.length} file asset(s)`,
    `${rel(file)}: no file assets`);
  for (const [id, asset] of files) {
    const line = lines.find((l) => l.startsWith(`${id} file `));
    if (!report.check(line !== undefined, `${rel(file)}: ${id} listed`,
      `${rel(file)}: asset ${id} not listed by cdk-assets`)) continue;
    const source = JSON.parse(line.slice(`${id} file `.length));
    report.check(source.path === asset.source.path && source.packaging === asset.source.packaging,
      `${id}: source ${source.path} (${source.packaging})`,
      `${id}: cdk-assets read source ${JSON.stringify(source)}, manifest has ` +
      JSON.stringify(asset.source));
    report.check(fs.existsSync(path.join(path.dirname(file), asset.source.path)),
      `${id}: ${asset.source.path} exists`, `${id}: ${asset.source.path} is missing`);
    for (const destination of Object.keys(asset.destinations || {})) {
      report.check(lines.some((l) => l.includes(`└ ${id}:${destination} `)),
        `${id}: destination ${destination}`, `${id}: destination ${destination} not listed`);
    }
  }
}

function main(args) {
  if (args.length !== 1) throw new Error(USAGE);
  setBase(args[0]);
  const report = new Report('cdk-assets-ls');
  const version = spawnSync(process.execPath, [CLI, '--version'], { encoding: 'utf8' });
  console.log(`cdk-assets ${String(version.stdout).trim()}`);
  for (const asm of listAssemblies(args[0])) {
    for (const art of Object.values(asm.manifest.artifacts || {})) {
      if (art.type !== 'cdk:asset-manifest') continue;
      checkManifest(path.join(asm.dir, art.properties.file), report);
    }
  }
  return report.finish();
}

if (require.main === module) runMain(USAGE, main);
