#!/usr/bin/env node
'use strict';
// Runs AWS's offline CloudFormation validator (@aws/cloudformation-validate, the pinned
// version) on every *.template.json of a cloud assembly and of its nested assemblies.
// The report's `status` stays "OK" even when findings are FATAL, so the gate is the
// severities: any FATAL or ERROR finding fails (WARN too with --fail-on-warn).
const fs = require('fs');
const path = require('path');
const cfnv = require('@aws/cloudformation-validate');
const { listAssemblies, stackArtifacts, rel, setBase, Report, runMain } =
  require('./lib/assembly');

const USAGE = 'usage: node tests/interop/cfn-validate.js [--fail-on-warn] ' +
  '<cdk.out dir | file.template.json>...';
const ORDER = ['FATAL', 'ERROR', 'WARN', 'INFO', 'DEBUG'];

// Templates to check, with the concrete account/region of their stack when the manifest
// gives one (the validator resolves pseudo parameters, default region us-east-1).
function collectTemplates(target) {
  if (fs.statSync(target).isFile()) return [{ file: target }];
  const out = [];
  for (const asm of listAssemblies(target)) {
    const envByFile = {};
    for (const s of stackArtifacts(asm)) {
      const m = /^aws:\/\/([^/]+)\/(.+)$/.exec(s.art.environment || '');
      envByFile[s.props.templateFile] = m ? { account: m[1], region: m[2] } : {};
      if (s.props.templateFile && !fs.existsSync(path.join(asm.dir, s.props.templateFile))) {
        out.push({ file: path.join(asm.dir, s.props.templateFile), missing: true });
      }
    }
    const files = fs.readdirSync(asm.dir).filter((f) => f.endsWith('.template.json')).sort();
    for (const f of files) out.push({ file: path.join(asm.dir, f), env: envByFile[f] || {} });
  }
  return out;
}

function main(args) {
  const failOnWarn = args.includes('--fail-on-warn');
  const targets = args.filter((a) => a !== '--fail-on-warn');
  if (!targets.length) throw new Error(USAGE);
  const report = new Report('cfn-validate');
  console.log(`@aws/cloudformation-validate ${require('@aws/cloudformation-validate/package.json')
    .version}`);
  const engine = new cfnv.RegoEngine();
  try {
    for (const target of targets) {
      if (!fs.existsSync(target)) throw new Error(`${target}: no such file or directory`);
      setBase(fs.statSync(target).isFile() ? path.dirname(target) : target);
      const templates = collectTemplates(target);
      if (!templates.length) report.fail(`${target}: no *.template.json found`);
      for (const t of templates) {
        const name = rel(t.file);
        if (t.missing) {
          report.fail(`${name}: named by the manifest but missing`);
          continue;
        }
        const env = t.env || {};
        const pseudo = {};
        if (env.region && env.region !== 'unknown-region') pseudo.region = env.region;
        if (env.account && env.account !== 'unknown-account') pseudo.accountId = env.account;
        const r = engine.validateStandard(new cfnv.TemplateFile(t.file), {
          severityLevel: 'DEBUG', // print findings of every severity
          pseudoParameterOverrides: pseudo,
        });
        const diags = [...r.diagnostics].sort((a, b) =>
          ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity) ||
          (a.startLine || 0) - (b.startLine || 0));
        const c = r.metadata.counts;
        console.log(`${name}: status ${r.status}, ${c.fatal} fatal, ${c.errors} errors, ` +
          `${c.warnings} warnings, ${c.informational} info, ${c.debug} debug` +
          (pseudo.region ? ` (region ${pseudo.region})` : ''));
        for (const d of diags) {
          const ent = d.entity ? ` ${d.entity.entityType} ${d.entity.logicalId}` : '';
          const at = d.propertyPath ? ` ${d.propertyPath}` : '';
          const line = d.startLine ? ` (line ${d.startLine})` : '';
          console.log(`    [${d.severity}] ${d.ruleId}${ent}${at}${line}: ${d.message}`);
        }
        const bad = diags.filter((d) => d.severity === 'FATAL' || d.severity === 'ERROR' ||
          (failOnWarn && d.severity === 'WARN'));
        if (r.status !== 'OK') report.fail(`${name}: validator status ${r.status}`);
        report.check(bad.length === 0, `${name}: no blocking findings`,
          `${name}: ${bad.length} blocking finding(s): ` +
          bad.map((d) => `${d.ruleId} ${d.message}`).join(' | '));
      }
    }
  } finally {
    engine.free();
  }
  report.finish();
}

if (require.main === module) runMain(USAGE, main);
