#!/usr/bin/env node
// Reduces the CloudFormation resource database shipped in the npm package
// @aws-cdk/aws-service-spec to generator/spec/cloudformation-spec.json, the compact and
// deterministic input of cdkpp's typed-resource generator. tools/spec/README.md describes the
// output format and its type vocabulary.
//
//   node tools/spec/reduce-spec.js [--out FILE] [--check]
//
// --out FILE  write FILE instead of generator/spec/cloudformation-spec.json
// --check     write nothing; exit 1 when the file on disk differs from what would be written
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const PACKAGE = '@aws-cdk/aws-service-spec';
const FORMAT = 1;
const ROOT = path.resolve(__dirname, '..', '..');
const DEFAULT_OUT = path.join(ROOT, 'generator', 'spec', 'cloudformation-spec.json');

function fail(message) {
  process.stderr.write(`reduce-spec: ${message}\n`);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// Loading the database

// The package ships its database as db.json.gz, a gzipped dump of a @cdklabs/tskb database
// (entity collections such as resource, service, typeDefinition, and relationships between them
// such as hasResource: service -> resource and usesType: resource -> typeDefinition). The
// package's own loader, loadAwsServiceSpecSync(), reads it into a tskb Database; entities keep
// their "$id", and a type's { type: 'ref', reference: { $ref } } names a typeDefinition's $id.
function loadDatabase() {
  let pkgJsonPath;
  try {
    pkgJsonPath = require.resolve(`${PACKAGE}/package.json`, { paths: [__dirname, ROOT] });
  } catch {
    fail(`${PACKAGE} is not installed; run \`npm ci\` in ${ROOT}`);
  }
  const version = JSON.parse(fs.readFileSync(pkgJsonPath, 'utf8')).version;
  const { loadAwsServiceSpecSync } = require(path.dirname(pkgJsonPath));
  return { version, db: loadAwsServiceSpecSync() };
}

// ---------------------------------------------------------------------------------------------
// Documentation: the first sentence of the description

const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'vs', 'approx', 'Mr', 'Ms', 'Dr', 'St', 'No', 'Inc', 'Ltd']);

function decodeHtml(text) {
  return text
    .replace(/<code>([\s\S]*?)<\/code>/gi, '`$1`')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p>/gi, '\n\n')
    .replace(/<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>/gi, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'").replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&');
}

// Tidies one sentence: whitespace collapsed, and outside `code` spans the stray spaces that the
// database's doc conversion leaves before punctuation and inside parentheses ("Reference* ."
// "( IAM )") removed.
function tidy(sentence) {
  return sentence.replace(/\s+/g, ' ').trim().split('`').map((part, i) => (i % 2 === 1 ? part
    : part.replace(/ +([.,;:!?])(?= |$)/g, '$1').replace(/\( +/g, '(').replace(/ +\)/g, ')')))
    .join('`');
}

// A note: a "> ..." block, or a paragraph that is italic as a whole ("*This parameter has been
// deprecated.*"); these stand before the description proper.
function isNote(paragraph) {
  return paragraph.startsWith('>') || /^\*[^*]+\*\s*\.?$/.test(paragraph);
}

// Where the sentence that starts at `from` ends (the index after its '.', '!' or '?', or the end
// of the text). A sentence ends at '.', '!' or '?' followed by white space or the end of the text,
// outside `code` spans, [link](...) and (...) brackets, unless the word before the '.' is a known
// abbreviation ("e.g.").
function sentenceEnd(text, from) {
  let inCode = false;
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '`') { inCode = !inCode; continue; }
    if (inCode) continue;
    if (c === '[' || c === '(') depth++;
    else if ((c === ']' || c === ')') && depth > 0) depth--;
    else if ((c === '.' || c === '!' || c === '?') && depth === 0 && (i + 1 === text.length || text[i + 1] === ' ')) {
      if (c === '.') {
        const word = /([A-Za-z.]+)$/.exec(text.slice(from, i));
        if (word && ABBREVIATIONS.has(word[1])) continue;
      }
      return i + 1;
    }
  }
  return text.length;
}

// The first sentence of the description: of its first paragraph that is not a note (of the first
// note when it has nothing else), skipping a bare leading "Required." or "Optional.".
function firstSentence(markdown) {
  if (typeof markdown !== 'string') return '';
  // A few descriptions are HTML (<p>...</p>); the rest is markdown, where "<region>" is text.
  const source = /<\/(p|code|a|b|i|ul|li)>/i.test(markdown) ? decodeHtml(markdown) : markdown;
  const paragraphs = source.split(/\n\s*\n|\n(?=\s*(?:[-*+] |\d+\. |#|>))/)
    .map((p) => p.trim()).filter((p) => p.length > 0);
  if (paragraphs.length === 0) return '';
  let text = paragraphs.find((p) => !isNote(p));
  if (text === undefined) text = paragraphs[0].replace(/^>\s*/gm, '');
  text = text.replace(/\s+/g, ' ').trim();
  let from = 0;
  while (from < text.length) {
    const end = sentenceEnd(text, from);
    const sentence = tidy(text.slice(from, end));
    if (!/^\(?(Required|Optional)\)?[.:]?$/i.test(sentence) || end === text.length) return sentence;
    from = end;
  }
  return '';
}

// ---------------------------------------------------------------------------------------------
// Types

// The database's type kinds, in the vocabulary. Internally a type is a primitive name (string) or
// { ref: Name } / { list: T } / { map: T } / { union: [T, ...] }; render() writes the grammar of
// tools/spec/README.md: "string", "KeySchema", "list<KeySchema>", "map<string>", "list<KeySchema>|json".
const PRIMITIVE = { string: 'string', integer: 'integer', number: 'number', boolean: 'boolean',
  json: 'json', 'date-time': 'timestamp', tag: 'tag' };
// Union members are ordered most specific first, json (which admits any value) last.
const UNION_RANK = { ref: 0, list: 1, map: 2, boolean: 3, integer: 4, number: 5, timestamp: 6, string: 7, tag: 8, json: 9 };
const TYPE_NAME = /^[A-Z][A-Za-z0-9_]*$/;

function typeKind(t) { return typeof t === 'string' ? t : Object.keys(t)[0]; }

function render(t) {
  switch (typeKind(t)) {
    case 'ref': return t.ref;
    case 'list': return `list<${render(t.list)}>`;
    case 'map': return `map<${render(t.map)}>`;
    case 'union': return t.union.map(render).join('|');
    default: return t;
  }
}

class Reducer {
  constructor(db) {
    this.typeDefs = new Map(db.all('typeDefinition').map((td) => [td.$id, td]));
    this.stats = { unionProperties: 0, cycles: 0 };
  }

  // Converts a database PropertyType to the vocabulary; `owned` maps the $ids of the resource's
  // type definitions to their names, `uses` collects the names referred to.
  convert(t, owned, uses, where) {
    if (!t || typeof t.type !== 'string') fail(`${where}: type without a kind: ${JSON.stringify(t)}`);
    if (Object.hasOwn(PRIMITIVE, t.type)) return PRIMITIVE[t.type];
    switch (t.type) {
      case 'ref': {
        const id = t.reference && t.reference.$ref;
        const name = owned.get(id);
        if (name === undefined) fail(`${where}: reference to $id ${id}, which is not one of the resource's own types`);
        uses.add(name);
        return { ref: name };
      }
      case 'array': return { list: this.convert(t.element, owned, uses, where) };
      case 'map': return { map: this.convert(t.element, owned, uses, where) };
      case 'union': {
        const members = new Map();
        for (const m of t.types || []) {
          const c = this.convert(m, owned, uses, where);
          for (const x of typeKind(c) === 'union' ? c.union : [c]) members.set(render(x), x);
        }
        const sorted = [...members.values()].sort((a, b) => (UNION_RANK[typeKind(a)] - UNION_RANK[typeKind(b)])
          || (render(a) < render(b) ? -1 : render(a) > render(b) ? 1 : 0));
        if (sorted.length === 0) fail(`${where}: empty union`);
        return sorted.length === 1 ? sorted[0] : { union: sorted };
      }
      default:
        return fail(`${where}: unknown type kind '${t.type}' (a new kind in the database; extend the vocabulary)`);
    }
  }

  properties(props, owned, uses, where) {
    const out = {};
    for (const [name, p] of Object.entries(props || {})) {
      const at = `${where}.${name}`;
      const type = render(this.convert(p.type, owned, uses, at));
      if (type.includes('|')) this.stats.unionProperties++;
      const prop = { type };
      if (p.required === true) prop.required = true;
      if (p.causesReplacement === 'yes') prop.update = 'replacement';
      else if (p.causesReplacement === 'maybe') prop.update = 'conditional';
      else if (p.causesReplacement !== undefined && p.causesReplacement !== 'no') fail(`${at}: causesReplacement '${p.causesReplacement}'`);
      if (p.deprecated !== undefined && p.deprecated !== 'NONE') prop.deprecated = true;
      const doc = firstSentence(p.documentation);
      if (doc) prop.doc = doc;
      out[name] = prop;
    }
    return out;
  }

  resource(r, typeDefIds, service) {
    const where = r.cloudFormationType;
    const owned = new Map();
    for (const id of typeDefIds) {
      const td = this.typeDefs.get(id);
      if (!td) fail(`${where}: usesType names a missing type definition $id ${id}`);
      if (!TYPE_NAME.test(td.name)) fail(`${where}: nested type name '${td.name}' does not match ${TYPE_NAME}`);
      if ([...owned.values()].includes(td.name)) fail(`${where}: two nested types named ${td.name}`);
      owned.set(id, td.name);
    }
    const out = { service };
    const doc = firstSentence(r.documentation);
    if (doc) out.doc = doc;
    if (r.cloudFormationTransform) out.transform = r.cloudFormationTransform;
    const uses = new Set();
    out.properties = this.properties(r.properties, owned, uses, where);
    out.attributes = {};
    for (const [name, a] of Object.entries(r.attributes || {})) {
      out.attributes[name] = render(this.convert(a.type, owned, uses, `${where} attribute ${name}`));
    }
    // Nested types and their uses, for reachability and cycles.
    const edges = new Map();
    out.types = {};
    for (const id of typeDefIds) {
      const td = this.typeDefs.get(id);
      const tdUses = new Set();
      const t = {};
      const tdoc = firstSentence(td.documentation);
      if (tdoc) t.doc = tdoc;
      t.properties = this.properties(td.properties, owned, tdUses, `${where}.${td.name}`);
      out.types[td.name] = t;
      edges.set(td.name, tdUses);
    }
    // Unused: reached from neither a property nor an attribute.
    const reached = new Set();
    const stack = [...uses];
    while (stack.length) {
      const n = stack.pop();
      if (reached.has(n)) continue;
      reached.add(n);
      stack.push(...edges.get(n));
    }
    for (const name of Object.keys(out.types)) if (!reached.has(name)) out.types[name].unused = true;
    const cycles = recursiveTypes(edges);
    this.stats.cycles += cycles.length;
    for (const name of cycles.flat()) out.types[name].recursive = true;
    return out;
  }
}

// The types that contain themselves through nested types: members of a strongly connected
// component of the "property of type A refers to type B" graph with more than one member, or
// with an edge to itself (Tarjan's algorithm, iterative). Returns the components (the cycles).
function recursiveTypes(edges) {
  const index = new Map();
  const low = new Map();
  const onStack = new Set();
  const stack = [];
  const result = [];
  let counter = 0;
  for (const root of [...edges.keys()].sort()) {
    if (index.has(root)) continue;
    const work = [[root, [...edges.get(root)].sort(), 0]];
    index.set(root, counter); low.set(root, counter); counter++;
    stack.push(root); onStack.add(root);
    while (work.length) {
      const frame = work[work.length - 1];
      const [v, succ] = frame;
      if (frame[2] < succ.length) {
        const w = succ[frame[2]++];
        if (!index.has(w)) {
          index.set(w, counter); low.set(w, counter); counter++;
          stack.push(w); onStack.add(w);
          work.push([w, [...edges.get(w)].sort(), 0]);
        } else if (onStack.has(w)) {
          low.set(v, Math.min(low.get(v), index.get(w)));
        }
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent), low.get(v)));
      }
      if (low.get(v) === index.get(v)) {
        const component = [];
        let w;
        do { w = stack.pop(); onStack.delete(w); component.push(w); } while (w !== v);
        if (component.length > 1 || edges.get(v).has(v)) result.push(component);
      }
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Output

// JSON with object keys sorted (by UTF-16 code units) at every level and no white space.
function canonicalJson(value) {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) fail(`non-finite number ${value}`);
  return JSON.stringify(value);
}

function main(argv) {
  let out = DEFAULT_OUT;
  let check = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out' && i + 1 < argv.length) out = path.resolve(argv[++i]);
    else if (argv[i] === '--check') check = true;
    else fail(`unknown argument '${argv[i]}' (usage: reduce-spec.js [--out FILE] [--check])`);
  }

  const { version, db } = loadDatabase();
  const reducer = new Reducer(db);
  const resources = {};
  const usedServices = new Set();
  const ownedTypeDefs = new Set();
  let nestedTypes = 0;
  let attributes = 0;
  let recursive = 0;
  let unused = 0;
  for (const r of db.all('resource')) {
    const type = r.cloudFormationType;
    if (Object.hasOwn(resources, type)) fail(`${type} appears twice`);
    const owners = db.incoming('hasResource', r);
    if (owners.length !== 1) fail(`${type} belongs to ${owners.length} services`);
    const s = owners[0].entity;
    if (!type.startsWith(`${s.cloudFormationNamespace}::`)) fail(`${type} is filed under ${s.cloudFormationNamespace}`);
    const ids = db.follow('usesType', r).map((link) => link.entity.$id);
    for (const id of ids) {
      if (ownedTypeDefs.has(id)) fail(`${type}: nested type $id ${id} is shared with another resource`);
      ownedTypeDefs.add(id);
    }
    const reduced = reducer.resource(r, ids, s.shortName);
    resources[type] = reduced;
    usedServices.add(s.shortName);
    const types = Object.values(reduced.types);
    nestedTypes += types.length;
    recursive += types.filter((t) => t.recursive).length;
    unused += types.filter((t) => t.unused).length;
    attributes += Object.keys(reduced.attributes).length;
  }
  const orphans = db.all('typeDefinition').length - ownedTypeDefs.size;

  const text = canonicalJson({
    format: FORMAT,
    source: { package: PACKAGE, version },
    resources,
  });
  const bytes = Buffer.from(text, 'utf8');

  const counts = [
    ['resource types', Object.keys(resources).length],
    ['services', usedServices.size],
    ['nested types', nestedTypes],
    ['attributes', attributes],
    ['union-typed properties', reducer.stats.unionProperties],
    ['self-containing (recursive) nested types', `${recursive} (in ${reducer.stats.cycles} cycles)`],
    ['unused nested types', unused],
  ];
  if (orphans) counts.push(['type definitions owned by no resource (dropped)', orphans]);
  const log = (line) => process.stdout.write(`${line}\n`);
  log(`${PACKAGE}@${version}`);
  for (const [label, n] of counts) log(`  ${label}: ${n}`);

  const rel = path.relative(process.cwd(), out) || out;
  if (check) {
    const current = fs.existsSync(out) ? fs.readFileSync(out) : null;
    if (current && current.equals(bytes)) { log(`${rel}: up to date (${bytes.length} bytes)`); return; }
    log(`${rel}: out of date; run node tools/spec/reduce-spec.js`);
    process.exit(1);
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, bytes);
  log(`${rel}: ${bytes.length} bytes (${zlib.gzipSync(bytes, { level: 9 }).length} gzipped)`);
}

main(process.argv.slice(2));
