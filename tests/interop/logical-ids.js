#!/usr/bin/env node
'use strict';
// Independent check of the names cdkpp computes: logical IDs, stack artifact IDs, stack names,
// nested assembly folders and export names. The construct tree described by the assembly's
// manifests is rebuilt with the real aws-cdk-lib, and the CDK's own answers are compared with
// what the assembly contains.
const fs = require('fs');
const os = require('os');
const path = require('path');
const cdk = require('aws-cdk-lib');
const { Construct } = require('constructs');
const { readJson, listAssemblies, stackArtifacts, rel, setBase, Report, runMain } =
  require('./lib/assembly');

const USAGE = `usage: node tests/interop/logical-ids.js [options] <cdk.out dir>
  --allow-override <construct path>   that element's logical ID was set with overrideLogicalId
  --given-name <stack path>=<name>    that stack was given stackName explicitly
  --strict-stack-names                a stack name other than the CDK default (and not
                                      declared with --given-name) is a failure, not a note`;
const SECTIONS = ['Resources', 'Outputs', 'Parameters', 'Conditions', 'Mappings', 'Rules'];
const DUMMY_TYPE = 'Cdkpp::Interop::Leaf';
// Elements whose logical ID the CDK sets with overrideLogicalId instead of allocating it.
// Keyed by the path relative to the stack.
const KNOWN_OVERRIDES = { 'CDKMetadata/Condition': 'CDKMetadataAvailable' };

// One node per construct path; the manifests tell what each one was.
class TrieNode {
  constructor(id, parent) {
    this.id = id;
    this.parent = parent;
    this.children = new Map();
    this.kind = 'construct'; // 'stage' | 'stack' | 'construct'
    this.leaf = false;
    this.stackInfo = undefined;
  }
  get path() {
    const ids = [];
    for (let n = this; n.parent; n = n.parent) ids.unshift(n.id);
    return ids.join('/');
  }
  child(id) {
    if (!this.children.has(id)) this.children.set(id, new TrieNode(id, this));
    return this.children.get(id);
  }
}

function nodeAt(root, p) {
  let n = root;
  for (const id of p.split('/').filter((x) => x !== '')) n = n.child(id);
  return n;
}

function parseEnv(env) {
  const m = /^aws:\/\/([^/]+)\/(.+)$/.exec(env || '');
  const out = {};
  if (m && m[1] !== 'unknown-account') out.account = m[1];
  if (m && m[2] !== 'unknown-region') out.region = m[2];
  return out;
}

// The CDK's rule (stack.ts generateExportName): "<stackName>:<local part>", with the local
// part cut from the left so that the whole name is at most 255 characters.
function expectedExportName(stackName, outputLogicalId) {
  const prefix = stackName ? `${stackName}:` : '';
  const cut = Math.max(0, outputLogicalId.length - 255 + prefix.length);
  return prefix + outputLogicalId.slice(cut);
}

// Recreates the tree top-down. Returns the construct for each trie node.
function build(trie, report) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdkpp-logical-ids-'));
  const app = new cdk.App({ outdir, analyticsReporting: false });
  const constructs = new Map([[trie, app]]);
  const visit = (node, scope) => {
    for (const child of node.children.values()) {
      let c;
      try {
        c = create(child, scope);
      } catch (e) {
        report.fail(`cannot rebuild '${child.path}' with aws-cdk-lib: ${e.message}`);
        continue;
      }
      constructs.set(child, c);
      visit(child, c);
    }
  };
  const create = (node, scope) => {
    const existing = scope.node.tryFindChild(node.id);
    if (existing) return existing;
    // A NestedStack "X" comes with a sibling "X.NestedStack" that holds its CfnStack
    // resource "X.NestedStackResource"; the CDK creates both, so make X first.
    const suffix = '.NestedStack';
    const base = node.id.endsWith(suffix) ? node.id.slice(0, -suffix.length) : undefined;
    if (base !== undefined && node.parent.children.has(base)) {
      create(node.parent.children.get(base), scope);
      const wrapper = scope.node.tryFindChild(node.id);
      if (wrapper) return wrapper;
    }
    if (node.parent.children.has(node.id + suffix) && !node.leaf && node.kind === 'construct') {
      return new cdk.NestedStack(scope, node.id);
    }
    if (node.kind === 'stage') return new cdk.Stage(scope, node.id);
    if (node.kind === 'stack') {
      // No stackName prop: the manifest cannot tell a given name from a computed one, and
      // passing it would make the comparison vacuous. Given names are checked separately.
      const { env } = node.stackInfo;
      const props = {};
      if (env.account || env.region) props.env = env;
      return new cdk.Stack(scope, node.id, props);
    }
    if (node.leaf) return new cdk.CfnResource(scope, node.id, { type: DUMMY_TYPE });
    return new Construct(scope, node.id);
  };
  try {
    visit(trie, app);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
  return constructs;
}

// Every string value of `Fn::ImportValue` found anywhere in a template.
function importsOf(value, out = []) {
  if (Array.isArray(value)) value.forEach((v) => importsOf(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'Fn::ImportValue' && typeof v === 'string') out.push(v);
      else importsOf(v, out);
    }
  }
  return out;
}

function main(args) {
  const allowed = new Set();
  const givenNames = new Map(); // stack construct path -> stackName given by the app
  let strictNames = false;
  const rest = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--allow-override') allowed.add(String(args[++i] || '').replace(/^\//, ''));
    else if (args[i] === '--strict-stack-names') strictNames = true;
    else if (args[i] === '--given-name') {
      const m = /^\/?([^=]+)=(.*)$/.exec(String(args[++i] || ''));
      if (!m) throw new Error('--given-name wants <stack path>=<stack name>');
      givenNames.set(m[1], m[2]);
    } else rest.push(args[i]);
  }
  if (rest.length !== 1) throw new Error(USAGE);
  const root = rest[0];
  if (!fs.existsSync(root)) throw new Error(`${root}: no such directory`);
  setBase(root);
  const report = new Report('logical-ids');
  console.log(`assembly ${path.resolve(root)}; aws-cdk-lib ${
    require('aws-cdk-lib/package.json').version}`);

  // 1. Read everything and describe the tree.
  const trie = new TrieNode('', undefined);
  const assemblies = listAssemblies(root);
  const stacks = [];
  for (const asm of assemblies) {
    if (asm.stagePath) nodeAt(trie, asm.stagePath).kind = 'stage';
    for (const s of stackArtifacts(asm)) {
      const displayName = s.art.displayName || s.id;
      const node = nodeAt(trie, displayName);
      node.kind = 'stack';
      node.stackInfo = { env: parseEnv(s.art.environment), stackName: s.props.stackName };
      const tf = s.props.templateFile && path.join(asm.dir, s.props.templateFile);
      const template = tf && fs.existsSync(tf) ? readJson(tf) : undefined;
      if (!template) report.fail(`${rel(asm.manifestFile)}: ${s.id}: template file missing`);
      const ids = [];
      for (const [key, entries] of Object.entries(s.metadata)) {
        for (const e of entries) {
          if (e.type !== 'aws:cdk:logicalId') continue;
          const p = key.replace(/^\//, '');
          if (!p.startsWith(`${displayName}/`)) {
            report.fail(`${s.id}: metadata path ${key} is not under the stack path ${displayName}`);
            continue;
          }
          nodeAt(trie, p).leaf = true;
          ids.push({ path: p, logicalId: e.data });
        }
      }
      stacks.push({ asm, s, displayName, node, template, ids });
    }
  }
  // A stage path must not also be a stack or a leaf; the first kind set wins otherwise.
  for (const asm of assemblies) {
    if (asm.stagePath && nodeAt(trie, asm.stagePath).kind !== 'stage') {
      report.fail(`${asm.stagePath} is both a stage (nested assembly) and a stack`);
    }
  }

  // 2. Rebuild with aws-cdk-lib.
  const constructs = build(trie, report);

  // 3. Nested assemblies: artifact id and folder.
  for (const asm of assemblies.filter((a) => a.stagePath)) {
    const stage = constructs.get(nodeAt(trie, asm.stagePath));
    if (!stage) continue;
    const expected = stage.artifactId;
    const dirName = path.basename(asm.dir);
    report.check(asm.artifactId === expected && dirName === expected,
      `stage ${asm.stagePath}: nested assembly ${expected}`,
      `stage ${asm.stagePath}: CDK says '${expected}', assembly has artifact id ` +
      `'${asm.artifactId}' and folder '${dirName}'`);
  }

  // 4. Stacks, logical IDs, exports.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cdkpp-logical-ids-'));
  process.on('exit', () => fs.rmSync(scratch, { recursive: true, force: true }));
  const exportsByStackName = new Map(); // stackName -> { artifactId, asm, names:Set }
  for (const st of stacks) {
    const stack = constructs.get(st.node);
    if (!stack) continue;
    const where = `${rel(st.asm.manifestFile)}: ${st.displayName}`;
    report.check(stack.artifactId === st.s.id, `${where}: artifact id ${st.s.id}`,
      `${where}: artifact id is '${st.s.id}', CDK says '${stack.artifactId}'`);
    const stackName = st.s.props.stackName !== undefined ? st.s.props.stackName : st.s.id;
    if (stack.stackName === stackName) {
      report.ok(`${where}: stack name ${stackName}`);
    } else {
      // Either the app gave stackName explicitly or cdkpp computed it wrongly. The CDK must
      // at least accept it as a given name.
      let err;
      try {
        new cdk.Stack(new cdk.App({ outdir: scratch }), 'Probe', { stackName });
      } catch (e) {
        err = e.message;
      }
      const given = givenNames.get(st.displayName);
      if (err) report.fail(`${where}: stack name '${stackName}' rejected by the CDK: ${err}`);
      else if (given === stackName) report.ok(`${where}: stack name ${stackName} (given)`);
      else if (given !== undefined || strictNames) {
        report.fail(`${where}: stack name is '${stackName}', CDK default is '${stack.stackName}'` +
          (given !== undefined ? ` and the given name is '${given}'` : ''));
      } else {
        console.log(`  note  ${where}: stack name '${stackName}' is not the CDK default ` +
          `'${stack.stackName}'; fine only if the app set stackName (see --strict-stack-names)`);
      }
    }
    if (st.s.props.stackName !== undefined && st.s.props.stackName === st.s.id) {
      report.fail(`${where}: properties.stackName is written although it equals the artifact id`);
    }

    let bad = 0;
    const byId = new Map();
    const nestedPrefixes = [];
    for (const { path: p, logicalId } of st.ids) {
      const leaf = constructs.get(nodeAt(trie, p));
      if (!leaf) continue;
      const owner = cdk.Stack.of(leaf);
      if (owner !== stack) nestedPrefixes.push(owner.node.path + '/');
      const relPath = p.slice(owner.node.path.length + 1);
      let expected;
      try {
        expected = owner.getLogicalId(leaf);
      } catch (e) {
        expected = `<CDK error: ${e.message}>`;
      }
      const override = allowed.has(p) || KNOWN_OVERRIDES[relPath] === logicalId;
      if (expected !== logicalId && !override) {
        bad++;
        report.fail(`${where}: ${p}: logical ID '${logicalId}', CDK says '${expected}'`);
      }
      const key = `${owner.node.path}\0${logicalId}`;
      if (byId.has(key)) {
        report.fail(`${where}: logical ID '${logicalId}' used by both ${byId.get(key)} and ${p}`);
      }
      byId.set(key, p);
    }
    if (!bad) report.ok(`${where}: ${st.ids.length} logical IDs`);
    if (!st.template) continue;

    // Coverage: each template entity of this stack (not of its nested stacks) has metadata.
    const own = new Map(st.ids
      .filter((x) => !nestedPrefixes.some((pre) => x.path.startsWith(pre)))
      .map((x) => [x.logicalId, x.path]));
    for (const sec of SECTIONS) {
      for (const id of Object.keys(st.template[sec] || {})) {
        if (!own.has(id)) {
          report.fail(`${where}: template ${sec}.${id} has no aws:cdk:logicalId metadata`);
        }
      }
    }
    const inTemplate = new Set(SECTIONS.flatMap((sec) => Object.keys(st.template[sec] || {})));
    for (const [id, p] of own) {
      if (!inTemplate.has(id)) {
        report.fail(`${where}: metadata ${p} -> '${id}' not in the template`);
      }
    }

    // Exports made for cross-stack references live at <stack>/Exports/Output<json>.
    const names = new Set();
    for (const [oid, out] of Object.entries(st.template.Outputs || {})) {
      if (!out || !out.Export) continue;
      const name = out.Export.Name;
      if (typeof name === 'string') names.add(name);
      const p = own.get(oid);
      const m = p && /^(.*)\/Exports\/(Output.*)$/.exec(p);
      if (!m || m[1] !== st.displayName) {
        console.log(`  note  ${where}: output ${oid} has a user-chosen export name; not checked`);
        continue;
      }
      const exp = expectedExportName(stackName, oid);
      report.check(name === exp, `${where}: export ${oid} named ${name}`,
        `${where}: output ${oid} exports '${JSON.stringify(name)}', expected '${exp}'`);
      const idExp = `Output${JSON.stringify(out.Value)}`;
      report.check(m[2] === idExp, `${where}: ${oid} path id matches its Value`,
        `${where}: output ${oid} has construct id '${m[2]}' but its Value gives '${idExp}'`);
    }
    exportsByStackName.set(stackName, { id: st.s.id, asm: st.asm, names });
  }

  // 5. Imports of this app's exports name an existing export of a stack in the same
  // assembly, and that stack is a dependency of the importer.
  for (const st of stacks) {
    if (!st.template) continue;
    const where = `${rel(st.asm.manifestFile)}: ${st.displayName}`;
    for (const name of new Set(importsOf(st.template))) {
      const producerName = name.split(':')[0];
      const prod = exportsByStackName.get(producerName);
      if (!prod) continue; // an export of something outside this app
      if (!prod.names.has(name)) {
        report.fail(`${where}: imports '${name}', which ${producerName} does not export`);
      } else if (prod.asm !== st.asm) {
        report.fail(`${where}: imports '${name}' from a stack in another assembly`);
      } else {
        report.check((st.s.art.dependencies || []).includes(prod.id),
          `${where}: imports ${name} and depends on ${prod.id}`,
          `${where}: imports '${name}' but its dependencies lack '${prod.id}'`);
      }
    }
  }
  report.finish();
}

module.exports = { expectedExportName };
if (require.main === module) runMain(USAGE, main);
