'use strict';
// Shared helpers for the interop judge scripts: walking a cloud assembly and its nested
// assemblies, and reporting failures in one consistent format.
const fs = require('fs');
const path = require('path');

function readJson(file) {
  const text = fs.readFileSync(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not valid JSON: ${e.message}`);
  }
}

// Every assembly reachable from `rootDir`, root first, then nested ones depth-first in
// manifest order. `stagePath` is the nested artifact's displayName ('' for the root).
function listAssemblies(rootDir) {
  const out = [];
  const seen = new Set();
  function visit(dir, stagePath, artifactId) {
    const real = fs.realpathSync(dir);
    if (seen.has(real)) throw new Error(`${dir}: nested assembly cycle`);
    seen.add(real);
    const manifestFile = path.join(dir, 'manifest.json');
    if (!fs.existsSync(manifestFile)) throw new Error(`${dir}: no manifest.json`);
    const manifest = readJson(manifestFile);
    const asm = { dir, manifestFile, manifest, stagePath, artifactId };
    out.push(asm);
    for (const [id, art] of Object.entries(manifest.artifacts || {})) {
      if (art.type !== 'cdk:cloud-assembly') continue;
      const dirName = art.properties && art.properties.directoryName;
      if (typeof dirName !== 'string') {
        throw new Error(`${manifestFile}: artifact ${id} has no properties.directoryName`);
      }
      visit(path.join(dir, dirName), (art.properties.displayName) || '', id);
    }
  }
  visit(rootDir, '', undefined);
  return out;
}

// Stack artifacts of one assembly with the metadata map merged from inline `metadata` and
// the `additionalMetadataFile` side file (the CLI reads both).
function stackArtifacts(asm) {
  const stacks = [];
  for (const [id, art] of Object.entries(asm.manifest.artifacts || {})) {
    if (art.type !== 'aws:cloudformation:stack') continue;
    const metadata = {};
    const add = (m) => {
      for (const [k, v] of Object.entries(m || {})) metadata[k] = (metadata[k] || []).concat(v);
    };
    add(art.metadata);
    if (art.additionalMetadataFile) {
      add(readJson(path.join(asm.dir, art.additionalMetadataFile)));
    }
    stacks.push({ id, art, metadata, props: art.properties || {} });
  }
  return stacks;
}

// Paths in messages are shown relative to the assembly root given on the command line.
let base = process.cwd();
function setBase(dir) {
  base = path.resolve(dir);
}
function rel(file) {
  const r = path.relative(base, path.resolve(file)) || '.';
  return r.startsWith('..') ? file : r;
}

// Collects failures; `finish` prints a summary line and sets the exit code.
class Report {
  constructor(name) {
    this.name = name;
    this.failures = [];
    this.checks = 0;
  }
  ok(msg) {
    this.checks++;
    console.log(`  ok    ${msg}`);
  }
  fail(msg) {
    this.checks++;
    this.failures.push(msg);
    console.log(`  FAIL  ${msg}`);
  }
  check(cond, okMsg, failMsg) {
    if (cond) this.ok(okMsg);
    else this.fail(failMsg || okMsg);
    return cond;
  }
  finish() {
    const failed = this.failures.length;
    console.log(`${this.name}: ${this.checks - failed} passed, ${failed} failed`);
    process.exitCode = failed ? 1 : 0;
    return failed === 0;
  }
}

// Runs `main` and turns an exception (bad input, missing file) into exit code 2.
function runMain(usage, main) {
  const args = process.argv.slice(2);
  if (args.includes('-h') || args.includes('--help')) {
    console.log(usage);
    process.exit(0);
  }
  Promise.resolve()
    .then(() => main(args))
    .catch((e) => {
      console.error(`error: ${e && e.message ? e.message : e}`);
      if (process.env.INTEROP_DEBUG) console.error(e.stack);
      process.exit(2);
    });
}

module.exports = { readJson, listAssemblies, stackArtifacts, rel, setBase, Report, runMain };
