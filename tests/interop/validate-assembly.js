#!/usr/bin/env node
'use strict';
// Validates a cloud assembly (and every nested assembly) against the JSON schemas shipped in
// the pinned @aws-cdk/cloud-assembly-schema package, in a strict variant that also rejects
// keys the schema does not define, plus a few cross-file consistency checks.
const fs = require('fs');
const path = require('path');
const Ajv = require('ajv');
const { Manifest } = require('@aws-cdk/cloud-assembly-schema');
const { readJson, listAssemblies, rel, setBase, Report, runMain } = require('./lib/assembly');

const USAGE = 'usage: node tests/interop/validate-assembly.js <cdk.out dir>';
const SCHEMA_DIR = path.join(
  path.dirname(require.resolve('@aws-cdk/cloud-assembly-schema/package.json')), 'schema');

// The schemas let unknown keys through (no additionalProperties). Build a strict copy: each
// object schema with `properties` and no `additionalProperties`/`patternProperties` only
// admits the keys it defines. Keys can also be defined by schemas it is combined with, so:
//  * keys of allOf members and of anyOf/oneOf branches are admitted at the combining node;
//  * a branch/member admits the combining node's own keys (and, for allOf or when the node
//    has own keys, the other members' keys), because it validates the same object.
// Extra admitted keys are added as `name: true` so they stay unconstrained. Shared
// definitions get the union of the extras of every context that uses them (never stricter
// than any use needs).
function strictify(original) {
  const schema = JSON.parse(JSON.stringify(original));
  const defs = schema.definitions || {};
  const resolve = (node, depth = 0) => {
    if (depth > 50) throw new Error('schema $ref chain too deep');
    if (node && typeof node === 'object' && typeof node.$ref === 'string') {
      const m = /^#\/definitions\/(.+)$/.exec(node.$ref);
      if (!m || !defs[m[1]]) throw new Error(`cannot resolve $ref ${node.$ref}`);
      return resolve(defs[m[1]], depth + 1);
    }
    return node;
  };
  // Own keys of a node plus those of its allOf members and anyOf/oneOf branches.
  const keysOf = (node, seen = new Set()) => {
    node = resolve(node);
    const keys = new Set();
    if (!node || typeof node !== 'object' || seen.has(node)) return keys;
    seen.add(node);
    for (const k of Object.keys(node.properties || {})) keys.add(k);
    for (const comb of ['allOf', 'anyOf', 'oneOf']) {
      for (const sub of node[comb] || []) for (const k of keysOf(sub, seen)) keys.add(k);
    }
    return keys;
  };
  // A node whose keys are open-ended (explicit additionalProperties/patternProperties), directly
  // or through a combined schema: combining nodes must then stay open too.
  const isOpen = (node, seen = new Set()) => {
    node = resolve(node);
    if (!node || typeof node !== 'object' || seen.has(node)) return false;
    seen.add(node);
    if (node.patternProperties) return true;
    if ('additionalProperties' in node && node.additionalProperties !== false) return true;
    return ['allOf', 'anyOf', 'oneOf'].some((c) => (node[c] || []).some((s) => isOpen(s, seen)));
  };
  const extras = new Map(); // resolved node -> Set of extra admitted keys
  const addExtras = (node, keys) => {
    node = resolve(node);
    if (!extras.has(node)) extras.set(node, new Set());
    for (const k of keys) extras.get(node).add(k);
  };
  const walk = (node, fn) => {
    if (Array.isArray(node)) node.forEach((n) => walk(n, fn));
    else if (node && typeof node === 'object') {
      fn(node);
      for (const v of Object.values(node)) walk(v, fn);
    }
  };
  // Pass 1: what each combined schema must admit because of its context.
  walk(schema, (node) => {
    const own = Object.keys(node.properties || {});
    for (const comb of ['anyOf', 'oneOf']) {
      for (const sub of node[comb] || []) {
        addExtras(sub, own);
        // With own keys the combining node already closes the union of all keys, so a
        // branch must not reject a sibling branch's keys. A pure union (no own keys, like
        // an artifact's `properties`) is closed per branch: the object must be one kind.
        if (own.length) {
          for (const other of node[comb]) if (other !== sub) addExtras(sub, keysOf(other));
        }
      }
    }
    for (const sub of node.allOf || []) {
      addExtras(sub, own);
      for (const other of node.allOf) if (other !== sub) addExtras(sub, keysOf(other));
    }
  });
  // Pass 2: close every object schema that defines properties.
  walk(schema, (node) => {
    const combined = ['allOf', 'anyOf', 'oneOf'].some((c) => Array.isArray(node[c]));
    if (!node.properties && !(combined && keysOf(node).size && !node.$ref)) return;
    if ('additionalProperties' in node || node.patternProperties || isOpen(node)) return;
    // A pure anyOf/oneOf node without own keys is closed by its branches instead.
    if (!node.properties && !node.allOf) return;
    const admitted = new Set([...keysOf(node), ...(extras.get(node) || [])]);
    node.properties = node.properties || {};
    for (const k of admitted) if (!(k in node.properties)) node.properties[k] = true;
    node.additionalProperties = false;
  });
  return schema;
}

// Keys the real aws-cdk-lib 2.276 writes although the schema (55.6.0) does not define them.
// Without this list the reference assembly made by the AWS CDK itself would fail.
//  * DefaultStackSynthesizer puts `additionalDependencies: ["<id>.assets"]` into the stack
//    artifact's properties (the same ids also appear in the artifact's `dependencies`).
const KNOWN_EXTRA_KEYS = {
  'cloud-assembly.schema.json': { AwsCloudFormationStackProperties: ['additionalDependencies'] },
};

function makeValidator(file, strict) {
  const raw = readJson(path.join(SCHEMA_DIR, file));
  for (const [def, keys] of Object.entries(strict ? KNOWN_EXTRA_KEYS[file] || {} : {})) {
    for (const k of keys) raw.definitions[def].properties[k] = true;
  }
  const schema = strict ? strictify(raw) : raw;
  // strict:false because the generated schemas carry keywords ajv's strict mode dislikes
  // (e.g. `default` next to `$ref`); draft-07 is ajv 8's default draft.
  const ajv = new Ajv({ allErrors: true, strict: false });
  return { ajv, schema, validate: ajv.compile(schema) };
}

function formatErrors(errors) {
  const lines = [...new Set((errors || []).map((e) => {
    const extra = e.keyword === 'additionalProperties'
      ? ` '${e.params.additionalProperty}'` : '';
    return `${e.instancePath || '/'} ${e.message}${extra}`;
  }))];
  const more = lines.length > 12 ? `; ... ${lines.length - 12} more` : '';
  return lines.slice(0, 12).join('; ') + more;
}

// Which definition an artifact's `properties` must match, by artifact type. The schema
// itself only says "anyOf" the property kinds, which would accept tree properties on a stack.
const PROPS_BY_TYPE = {
  'aws:cloudformation:stack': 'AwsCloudFormationStackProperties',
  'cdk:asset-manifest': 'AssetManifestProperties',
  'cdk:tree': 'TreeArtifactProperties',
  'cdk:cloud-assembly': 'NestedCloudAssemblyProperties',
  'cdk:feature-flag-report': 'FeatureFlagReportProperties',
};

function main(args) {
  if (args.length !== 1) throw new Error(USAGE);
  const root = args[0];
  if (!fs.existsSync(root)) throw new Error(`${root}: no such directory`);
  setBase(root);
  console.log(`assembly ${path.resolve(root)}`);
  const report = new Report('validate-assembly');
  const asmV = makeValidator('cloud-assembly.schema.json', true);
  const assetsV = makeValidator('assets.schema.json', true);
  const asmLoose = makeValidator('cloud-assembly.schema.json', false);
  const sub = (name) => asmV.ajv.compile({
    definitions: asmV.schema.definitions, $ref: `#/definitions/${name}`,
  });
  const propsValidators = Object.fromEntries(
    Object.entries(PROPS_BY_TYPE).map(([t, d]) => [t, sub(d)]));
  const metadataFileV = asmV.ajv.compile({
    definitions: asmV.schema.definitions,
    ...asmV.schema.definitions.ArtifactManifest.properties.metadata,
  });
  console.log(`schemas from ${SCHEMA_DIR}`);

  for (const asm of listAssemblies(root)) {
    const where = rel(asm.manifestFile);
    console.log(`${where}${asm.stagePath ? ` (stage ${asm.stagePath})` : ''}`);
    const m = asm.manifest;
    const looseOk = asmLoose.validate(m);
    report.check(looseOk, `${where}: matches cloud-assembly schema`,
      `${where}: cloud-assembly schema: ${formatErrors(asmLoose.validate.errors)}`);
    // Errors inside the anyOf of a known artifact type's `properties` list every branch's
    // complaints; leave those to the per-type check below, which names the real problem.
    const strictOk = asmV.validate(m);
    const errs = (asmV.validate.errors || []).filter((e) => {
      const mm = /^\/artifacts\/([^/]+)\/properties(\/|$)/.exec(e.instancePath);
      if (!mm) return true;
      const art = (m.artifacts || {})[mm[1].replace(/~1/g, '/').replace(/~0/g, '~')];
      return !(art && PROPS_BY_TYPE[art.type]);
    });
    if (strictOk) report.ok(`${where}: no keys outside the schema`);
    else if (errs.length) {
      report.fail(`${where}: strict cloud-assembly schema: ${formatErrors(errs)}`);
    }
    // Second opinion: the package's own loader, as the CLI runs it with TESTING_CDK=1.
    try {
      Manifest.loadAssemblyManifest(asm.manifestFile, { validateSchema: true });
      report.ok(`${where}: accepted by Manifest.loadAssemblyManifest(validateSchema)`);
    } catch (e) {
      report.fail(`${where}: Manifest.loadAssemblyManifest: ${e.message.split('\n')[0]}`);
    }
    if (!/^\d+\.\d+\.\d+$/.test(String(m.version))) {
      report.fail(`${where}: version '${m.version}' is not a semver x.y.z`);
    }

    // cdk.out marker beside the manifest, same version.
    const marker = path.join(asm.dir, 'cdk.out');
    if (!fs.existsSync(marker)) report.fail(`${rel(marker)}: missing`);
    else {
      let v;
      try { v = readJson(marker).version; } catch (e) { v = `<${e.message}>`; }
      report.check(v === m.version, `${rel(marker)}: version ${v} == manifest`,
        `${rel(marker)}: version ${JSON.stringify(v)} != manifest version ${m.version}`);
    }

    const arts = m.artifacts || {};
    for (const [id, art] of Object.entries(arts)) {
      const pv = propsValidators[art.type];
      if (pv && art.properties !== undefined && !pv(art.properties)) {
        report.fail(`${where}: artifact ${id} (${art.type}) properties: ` +
          formatErrors(pv.errors));
      }
      for (const dep of art.dependencies || []) {
        if (!(dep in arts)) report.fail(`${where}: artifact ${id} depends on unknown '${dep}'`);
      }
      const p = art.properties || {};
      const mustExist = [];
      if (art.type === 'aws:cloudformation:stack') mustExist.push(p.templateFile);
      if (art.type === 'cdk:asset-manifest' || art.type === 'cdk:tree') mustExist.push(p.file);
      if (art.type === 'cdk:cloud-assembly') mustExist.push(p.directoryName);
      if (art.additionalMetadataFile) mustExist.push(art.additionalMetadataFile);
      for (const f of mustExist) {
        if (typeof f !== 'string' || !fs.existsSync(path.join(asm.dir, f))) {
          report.fail(`${where}: artifact ${id} refers to missing file ${f}`);
        }
      }
      if (art.additionalMetadataFile) {
        const mf = path.join(asm.dir, art.additionalMetadataFile);
        if (fs.existsSync(mf)) {
          report.check(metadataFileV(readJson(mf)), `${rel(mf)}: metadata map matches schema`,
            `${rel(mf)}: ${formatErrors(metadataFileV.errors)}`);
        }
      }
      if (art.type === 'cdk:asset-manifest' && typeof p.file === 'string') {
        const af = path.join(asm.dir, p.file);
        if (!fs.existsSync(af)) continue;
        const doc = readJson(af);
        report.check(assetsV.validate(doc), `${rel(af)}: matches strict assets schema`,
          `${rel(af)}: assets schema: ${formatErrors(assetsV.validate.errors)}`);
        try {
          Manifest.loadAssetManifest(af);
          report.ok(`${rel(af)}: accepted by Manifest.loadAssetManifest`);
        } catch (e) {
          report.fail(`${rel(af)}: Manifest.loadAssetManifest: ${e.message.split('\n')[0]}`);
        }
        if (doc.version !== m.version) {
          report.fail(`${rel(af)}: version ${doc.version} != manifest version ${m.version}`);
        }
        for (const [hash, fa] of Object.entries(doc.files || {})) {
          const src = fa.source && fa.source.path;
          if (src && !fs.existsSync(path.join(asm.dir, src))) {
            report.fail(`${rel(af)}: file asset ${hash} source ${src} missing`);
          }
        }
      }
    }
    // Every *.assets.json in the folder is checked even when no artifact names it.
    for (const f of fs.readdirSync(asm.dir).filter((n) => n.endsWith('.assets.json'))) {
      const named = Object.values(arts).some(
        (a) => a.type === 'cdk:asset-manifest' && a.properties && a.properties.file === f);
      if (named) continue;
      const af = path.join(asm.dir, f);
      report.check(assetsV.validate(readJson(af)), `${rel(af)}: matches strict assets schema`,
        `${rel(af)}: assets schema: ${formatErrors(assetsV.validate.errors)}`);
    }
  }
  report.finish();
}

module.exports = { strictify };
if (require.main === module) runMain(USAGE, main);
