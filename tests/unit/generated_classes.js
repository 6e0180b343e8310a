#!/usr/bin/env node
// Every resource type of the specification has exactly one generated class: reads the
// specification and every generated service header, and compares the two sets of types.
//
//   node generated_classes.js <cloudformation-spec.json> <generated include folder>
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const [specFile, includeDir] = process.argv.slice(2);
const spec = JSON.parse(fs.readFileSync(specFile, 'utf8'));
const expected = new Set(Object.keys(spec.resources));

const declaration = /^class (Cfn\w+) : public cdk::CfnResource \{\n public:\n  static constexpr std::string_view kCfnType = "([^"]+)";$/gm;
const generated = new Map();
let headers = 0;
for (const vendor of fs.readdirSync(path.join(includeDir, 'cdk'))) {
  for (const file of fs.readdirSync(path.join(includeDir, 'cdk', vendor))) {
    headers++;
    const text = fs.readFileSync(path.join(includeDir, 'cdk', vendor, file), 'utf8');
    for (const [, className, type] of text.matchAll(declaration)) {
      if (generated.has(type)) throw new Error(`${type} has two classes`);
      generated.set(type, `cdk::${vendor}::${path.basename(file, '.hpp')}::${className}`);
    }
  }
}

const missing = [...expected].filter((type) => !generated.has(type));
const extra = [...generated.keys()].filter((type) => !expected.has(type));
console.log(`${expected.size} resource types in the specification, ${generated.size} generated ` +
  `classes in ${headers} headers`);
if (missing.length || extra.length || generated.size !== expected.size) {
  console.log(`missing: ${missing.join(', ') || 'none'}`);
  console.log(`not in the specification: ${extra.join(', ') || 'none'}`);
  process.exit(1);
}
console.log(`e.g. AWS::DynamoDB::Table -> ${generated.get('AWS::DynamoDB::Table')}`);
