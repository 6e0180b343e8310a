#!/usr/bin/env node
'use strict';
// Lists the stacks of a cloud assembly with the pinned AWS CDK CLI (`cdk ls --app <dir>`)
// and compares its output with an expected list, line by line, exactly.
// The CLI runs offline: no version check, no notices, no telemetry, a private CDK_HOME,
// and no AWS credentials or region are needed to list an already-synthesized assembly.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { Report, runMain } = require('./lib/assembly');

const USAGE = 'usage: node tests/interop/cdk-ls.js <cdk.out dir> <expected stacks file>\n' +
  '  the expected file has one line per stack, as `cdk ls` prints it; a stack in a stage\n' +
  '  shows as "<construct path> (<stack name>)" when the two differ';
const CLI = path.join(path.dirname(require.resolve('aws-cdk/package.json')), 'bin', 'cdk');

function main(args) {
  if (args.length !== 2) throw new Error(USAGE);
  const [dir, expectedFile] = args;
  if (!fs.existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`${dir}: not a cloud assembly (no manifest.json)`);
  }
  const expected = fs.readFileSync(expectedFile, 'utf8').replace(/\n+$/, '').split('\n');
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cdkpp-cdk-ls-'));
  const env = {
    PATH: process.env.PATH,
    HOME: home, // nothing from the user's ~/.cdk.json or ~/.aws leaks in
    CDK_HOME: path.join(home, '.cdk'), // notices/telemetry caches go here, then away
    CDK_DISABLE_VERSION_CHECK: '1',
    CDK_DISABLE_CLI_TELEMETRY: '1',
    // Makes the CLI validate every manifest against its own bundled schema while loading.
    TESTING_CDK: '1',
    CI: 'true',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
  const cliArgs = ['ls', '--app', path.resolve(dir), '--no-notices', '--no-version-reporting',
    '--no-color', '--ci'];
  const version = spawnSync(process.execPath, [CLI, '--version'], { env, encoding: 'utf8' });
  console.log(`cdk ${String(version.stdout).trim()}: cdk ${cliArgs.join(' ')}`);
  // Run from the empty home folder so that no cdk.json of the caller is picked up.
  const r = spawnSync(process.execPath, [CLI, ...cliArgs], {
    env, cwd: home, encoding: 'utf8', timeout: 120000,
  });
  fs.rmSync(home, { recursive: true, force: true });
  const report = new Report('cdk-ls');
  if (r.error) throw r.error;
  if (r.stderr.trim()) console.log(`stderr:\n${r.stderr.trimEnd()}`);
  if (r.status !== 0) {
    report.fail(`cdk ls exited with ${r.status === null ? r.signal : r.status}`);
    return report.finish();
  }
  const actual = r.stdout.replace(/\n+$/, '').split('\n');
  console.log(`cdk ls printed ${actual.length} line(s)`);
  const n = Math.max(actual.length, expected.length);
  for (let i = 0; i < n; i++) {
    const a = actual[i];
    const e = expected[i];
    if (a === e) report.ok(`line ${i + 1}: ${a}`);
    else if (a === undefined) report.fail(`line ${i + 1}: missing, expected '${e}'`);
    else if (e === undefined) report.fail(`line ${i + 1}: unexpected '${a}'`);
    else report.fail(`line ${i + 1}: got '${a}', expected '${e}'`);
  }
  if (report.failures.length) console.log(`actual output:\n${r.stdout.trimEnd()}`);
  return report.finish();
}

if (require.main === module) runMain(USAGE, main);
