#!/usr/bin/env node
'use strict';
// Compares a cloud assembly synthesized by the AWS CDK (aws-cdk-lib) with one synthesized by
// cdkpp from the same app, file by file:
//  * the same files, recursively, except those only the AWS CDK writes and cdkpp deliberately
//    does not: `*.metadata.json` side files (cdkpp keeps the metadata inline in the manifest)
//    and `validation-report.json`;
//  * `*.template.json`, `*.assets.json`, `cdk.out` (and any other file both write):
//    byte-identical;
//  * every `manifest.json`: equal as parsed JSON, key order and artifact order included, after
//    normalizing the AWS CDK side (no `minimumCliVersion`, no `aws-cdk-lib/feature-flag-report`
//    artifact, `additionalMetadataFile` replaced by an inline `metadata` map holding only the
//    `aws:cdk:logicalId` entries of the side file). Metadata maps are compared as maps: their
//    key order does not matter, each path's entry list must be equal;
//  * `tree.json`: the same nodes (ids, paths, children in order), ignoring `constructInfo` and
//    `attributes`.
// Prints each difference with its file and JSON path, then `parity: N passed, M failed`.
// Exit code 0 when all passed, 1 on any difference, 2 on bad input.
//   node tests/interop/parity/compare.js <cdk assembly dir> <cdkpp assembly dir>
const fs = require('fs');
const path = require('path');

const USAGE = 'usage: node tests/interop/parity/compare.js <cdk assembly dir> <cdkpp assembly dir>';
const MAX_DIFFS_PER_FILE = 25;

// Files the AWS CDK writes and cdkpp deliberately does not; the reason is printed.
function cdkOnlyReason(relPath) {
  const base = path.posix.basename(relPath);
  if (base.endsWith('.metadata.json')) return 'metadata side file; cdkpp writes the metadata inline';
  if (base === 'validation-report.json') return 'report of the AWS CDK\'s own template validation';
  return undefined;
}

// ---- JSON paths and values in messages ----

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
function childPath(parent, key) {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return IDENT.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

function clip(text, max = 160) {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

function show(value) {
  return value === undefined ? '(absent)' : clip(JSON.stringify(value));
}

function kind(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

// ---- Ordered deep comparison ----

// Appends a message for every difference between `a` (AWS CDK) and `b` (cdkpp), including the
// order of object keys, which a plain deep-equal would ignore. `unorderedAt(path)` names the
// objects whose key order does not matter.
function diffJson(a, b, where, out, unorderedAt = () => false) {
  const ka = kind(a);
  const kb = kind(b);
  if (ka !== kb) {
    out.push(`${where}: AWS CDK has ${ka} ${show(a)}, cdkpp has ${kb} ${show(b)}`);
    return;
  }
  if (ka === 'array') {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) diffJson(a[i], b[i], childPath(where, i), out, unorderedAt);
    if (a.length !== b.length) {
      out.push(`${where}: AWS CDK has ${a.length} elements, cdkpp has ${b.length}`);
      for (let i = n; i < a.length; i++) out.push(`${childPath(where, i)}: only in AWS CDK: ${show(a[i])}`);
      for (let i = n; i < b.length; i++) out.push(`${childPath(where, i)}: only in cdkpp: ${show(b[i])}`);
    }
    return;
  }
  if (ka === 'object') {
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    const inA = new Set(keysA);
    const inB = new Set(keysB);
    for (const k of keysA) {
      if (!inB.has(k)) out.push(`${childPath(where, k)}: only in AWS CDK: ${show(a[k])}`);
    }
    for (const k of keysB) {
      if (!inA.has(k)) out.push(`${childPath(where, k)}: only in cdkpp: ${show(b[k])}`);
    }
    if (!unorderedAt(where)) {
      const commonA = keysA.filter((k) => inB.has(k));
      const commonB = keysB.filter((k) => inA.has(k));
      const first = commonA.findIndex((k, i) => k !== commonB[i]);
      if (first >= 0) {
        const from = (keys) => clip((first > 0 ? '..., ' : '')
          + keys.slice(first).map((k) => JSON.stringify(k)).join(', '), 400);
        out.push(`${where}: key order differs: key ${first + 1} is ${JSON.stringify(commonA[first])} in AWS CDK `
          + `but ${JSON.stringify(commonB[first])} in cdkpp; AWS CDK [${from(commonA)}], cdkpp [${from(commonB)}]`);
      }
    }
    for (const k of keysA) {
      if (inB.has(k)) diffJson(a[k], b[k], childPath(where, k), out, unorderedAt);
    }
    return;
  }
  if (a !== b) out.push(`${where}: AWS CDK has ${show(a)}, cdkpp has ${show(b)}`);
}

// ---- Files ----

// Relative paths (with '/') of all files below `root`, sorted.
function listFiles(root) {
  const files = [];
  const walk = (dir, prefix) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), rel);
      else files.push(rel);
    }
  };
  walk(root, '');
  return files.sort();
}

function parseJson(buffer, side) {
  try {
    return { value: JSON.parse(buffer.toString('utf8')) };
  } catch (e) {
    return { error: `${side} copy is not valid JSON: ${e.message}` };
  }
}

// Where two buffers first differ, as "byte N (line L, column C)" with a short excerpt of each.
function firstByteDifference(a, b) {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  let line = 1;
  let lineStart = 0;
  for (let j = 0; j < i; j++) {
    if (a[j] === 0x0a) {
      line++;
      lineStart = j + 1;
    }
  }
  // The excerpts start a little before the difference, on the same line.
  const from = Math.max(lineStart, i - 24);
  const excerpt = (buf) => {
    const text = buf.subarray(from, Math.min(buf.length, i + 24)).toString('utf8');
    return i >= buf.length ? `${JSON.stringify(text)} (end of file)` : JSON.stringify(text);
  };
  return `first difference at byte ${i} (line ${line}, column ${i - lineStart + 1}): `
    + `AWS CDK ${excerpt(a)}, cdkpp ${excerpt(b)}`
    + (a.length !== b.length ? `; sizes ${a.length} and ${b.length} bytes` : '');
}

// Returns undefined when the files are equal, else { summary, diffs }: where the bytes first
// differ and, for JSON files, each difference by JSON path.
function compareBytes(cdkBuf, cdkppBuf, isJson) {
  if (cdkBuf.equals(cdkppBuf)) return undefined;
  const summary = `not byte-identical, ${firstByteDifference(cdkBuf, cdkppBuf)}`;
  const diffs = [];
  if (isJson) {
    const a = parseJson(cdkBuf, 'AWS CDK');
    const b = parseJson(cdkppBuf, 'cdkpp');
    if (a.error || b.error) {
      for (const r of [a, b]) if (r.error) diffs.push(r.error);
    } else {
      const jsonDiffs = [];
      diffJson(a.value, b.value, '$', jsonDiffs);
      if (jsonDiffs.length === 0) diffs.push('same JSON, key order included: only the formatting differs');
      diffs.push(...jsonDiffs);
    }
  }
  return { summary, diffs };
}

// Wraps a list of differences in the form compareBytes returns.
function asResult(diffs) {
  if (diffs.length === 0) return undefined;
  return { summary: diffs.length === 1 ? '1 difference' : `${diffs.length} differences`, diffs };
}

// ---- manifest.json ----

function onlyLogicalIds(map) {
  const out = {};
  for (const [p, entries] of Object.entries(map || {})) {
    const kept = (Array.isArray(entries) ? entries : []).filter((e) => e && e.type === 'aws:cdk:logicalId');
    if (kept.length > 0) out[p] = (out[p] || []).concat(kept);
  }
  return out;
}

// The AWS CDK manifest in the form cdkpp writes. Throws when a side file cannot be read.
function normalizeCdkManifest(manifest, dir) {
  const m = { ...manifest };
  delete m.minimumCliVersion;
  if (m.artifacts && typeof m.artifacts === 'object') {
    const artifacts = {};
    for (const [id, art] of Object.entries(m.artifacts)) {
      if (id === 'aws-cdk-lib/feature-flag-report') continue;
      artifacts[id] = art && art.type === 'aws:cloudformation:stack' ? inlineMetadata(art, dir) : art;
    }
    m.artifacts = artifacts;
  }
  return m;
}

// `additionalMetadataFile` (and any inline `metadata`) becomes one inline `metadata` map of the
// logical-ID entries, at the position of the first of the two keys.
function inlineMetadata(art, dir) {
  if (!('additionalMetadataFile' in art) && !('metadata' in art)) return art;
  const metadata = onlyLogicalIds(art.metadata);
  if (typeof art.additionalMetadataFile === 'string') {
    const file = path.join(dir, art.additionalMetadataFile);
    let side;
    try {
      side = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      throw new Error(`cannot read the AWS CDK metadata side file ${art.additionalMetadataFile}: ${e.message}`);
    }
    for (const [p, entries] of Object.entries(onlyLogicalIds(side))) {
      metadata[p] = (metadata[p] || []).concat(entries);
    }
  }
  const out = {};
  let placed = false;
  for (const [k, v] of Object.entries(art)) {
    if (k === 'additionalMetadataFile' || k === 'metadata') {
      if (!placed && Object.keys(metadata).length > 0) out.metadata = metadata;
      placed = true;
    } else {
      out[k] = v;
    }
  }
  return out;
}

// `$.artifacts["<id>"].metadata`: a map whose key order does not matter.
const METADATA_MAP = /^\$\.artifacts\[("(?:[^"\\]|\\.)*"|[A-Za-z_$][A-Za-z0-9_$]*)\]\.metadata$|^\$\.artifacts\.[A-Za-z_$][A-Za-z0-9_$]*\.metadata$/;

function compareManifest(cdkBuf, cdkppBuf, cdkDir) {
  const a = parseJson(cdkBuf, 'AWS CDK');
  const b = parseJson(cdkppBuf, 'cdkpp');
  if (a.error || b.error) return [a.error, b.error].filter(Boolean);
  let normalized;
  try {
    normalized = normalizeCdkManifest(a.value, cdkDir);
  } catch (e) {
    return [e.message];
  }
  const diffs = [];
  diffJson(normalized, b.value, '$', diffs, (where) => METADATA_MAP.test(where));
  return diffs;
}

// ---- tree.json ----

function stripTree(node) {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'constructInfo' || k === 'attributes') continue;
    if (k === 'children' && v && typeof v === 'object' && !Array.isArray(v)) {
      out.children = {};
      for (const [id, child] of Object.entries(v)) out.children[id] = stripTree(child);
    } else {
      out[k] = v;
    }
  }
  return out;
}

function compareTree(cdkBuf, cdkppBuf) {
  const a = parseJson(cdkBuf, 'AWS CDK');
  const b = parseJson(cdkppBuf, 'cdkpp');
  if (a.error || b.error) return [a.error, b.error].filter(Boolean);
  const strip = (t) => (t && typeof t === 'object' && !Array.isArray(t) && 'tree' in t
    ? { ...t, tree: stripTree(t.tree) } : t);
  const diffs = [];
  diffJson(strip(a.value), strip(b.value), '$', diffs);
  return diffs;
}

// ---- Main ----

function main(args) {
  if (args.includes('-h') || args.includes('--help')) {
    console.log(USAGE);
    return 0;
  }
  if (args.length !== 2) {
    console.error(USAGE);
    return 2;
  }
  const [cdkRoot, cdkppRoot] = args.map((d) => path.resolve(d));
  for (const dir of [cdkRoot, cdkppRoot]) {
    if (!fs.existsSync(path.join(dir, 'manifest.json'))) {
      console.error(`error: ${dir}: not a cloud assembly (no manifest.json)`);
      return 2;
    }
  }
  console.log(`AWS CDK: ${cdkRoot}`);
  console.log(`cdkpp:   ${cdkppRoot}`);

  const cdkFiles = listFiles(cdkRoot);
  const cdkppFiles = listFiles(cdkppRoot);
  const inCdk = new Set(cdkFiles);
  const inCdkpp = new Set(cdkppFiles);
  const all = [...new Set([...cdkFiles, ...cdkppFiles])].sort();

  let passed = 0;
  let failed = 0;
  const ok = (file, what) => {
    passed++;
    console.log(`  ok    ${file}: ${what}`);
  };
  const fail = (file, what, diffs = []) => {
    failed++;
    console.log(`  FAIL  ${file}: ${what}`);
    for (const d of diffs.slice(0, MAX_DIFFS_PER_FILE)) console.log(`          ${file}: ${d}`);
    if (diffs.length > MAX_DIFFS_PER_FILE) {
      console.log(`          ${file}: ... and ${diffs.length - MAX_DIFFS_PER_FILE} more differences`);
    }
  };

  for (const file of all) {
    if (!inCdkpp.has(file)) {
      const reason = cdkOnlyReason(file);
      if (reason) console.log(`  skip  ${file}: written by the AWS CDK only (${reason})`);
      else fail(file, 'missing from the cdkpp assembly');
      continue;
    }
    if (!inCdk.has(file)) {
      fail(file, 'written by cdkpp but not by the AWS CDK');
      continue;
    }
    const cdkBuf = fs.readFileSync(path.join(cdkRoot, file));
    const cdkppBuf = fs.readFileSync(path.join(cdkppRoot, file));
    const base = path.posix.basename(file);
    let result;
    let what;
    if (base === 'manifest.json') {
      result = asResult(compareManifest(cdkBuf, cdkppBuf, path.dirname(path.join(cdkRoot, file))));
      what = 'same manifest (AWS CDK side normalized)';
    } else if (base === 'tree.json') {
      result = asResult(compareTree(cdkBuf, cdkppBuf));
      what = 'same construct tree (ids, paths, children)';
    } else {
      result = compareBytes(cdkBuf, cdkppBuf, base.endsWith('.json'));
      what = 'byte-identical';
    }
    if (result === undefined) ok(file, what);
    else fail(file, result.summary, result.diffs);
  }

  console.log(`parity: ${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  console.error(`error: ${e && e.message ? e.message : e}`);
  process.exitCode = 2;
}
