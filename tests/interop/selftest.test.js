'use strict';
// Self-test of the judge scripts (run: node --test tests/interop/). A small app is
// synthesized with the real aws-cdk-lib; every judge must accept it, and must reject a copy
// with one deliberate defect.
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const HERE = __dirname;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdkpp-interop-selftest-'));
test.after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function synthGood(outdir) {
  process.env.CDK_VALIDATION = 'false'; // the library's own validator is not under test
  const cdk = require('aws-cdk-lib');
  const { Construct } = require('constructs');
  const app = new cdk.App({
    outdir,
    analyticsReporting: false,
    context: {
      'aws:cdk:enable-path-metadata': true,
      'aws:cdk:disable-stack-trace': true,
      'aws:cdk:disable-creation-stack-traces': true,
    },
  });
  const p = new cdk.Stack(app, 'Producer');
  const q = new cdk.CfnResource(new Construct(p, 'Queue'), 'Resource', { type: 'AWS::SQS::Queue' });
  const c = new cdk.Stack(app, 'Consumer');
  new cdk.CfnResource(c, 'Param', {
    type: 'AWS::SSM::Parameter', properties: { Type: 'String', Value: q.getAtt('Arn') },
  });
  const stage = new cdk.Stage(new Construct(app, 'Group'), 'Beta');
  const s = new cdk.Stack(stage, 'Svc');
  new cdk.CfnResource(s, 'Topic', { type: 'AWS::SNS::Topic' });
  app.synth();
}

function copy(name, mutate) {
  const dir = path.join(tmp, name);
  fs.cpSync(path.join(tmp, 'good'), dir, { recursive: true });
  if (mutate) mutate(dir);
  return dir;
}
const readJ = (f) => JSON.parse(fs.readFileSync(f, 'utf8'));
const writeJ = (f, j) => fs.writeFileSync(f, JSON.stringify(j, null, 1));
const nestedDir = (dir) => path.join(dir, 'assembly-Group-Beta');

function run(script, ...args) {
  const r = spawnSync(process.execPath, [path.join(HERE, script), ...args],
    { encoding: 'utf8', timeout: 180000 });
  return { code: r.status, out: `${r.stdout}\n${r.stderr}` };
}
function expectPass(script, ...args) {
  const r = run(script, ...args);
  assert.strictEqual(r.code, 0, `${script} should pass:\n${r.out}`);
}
function expectFail(script, pattern, ...args) {
  const r = run(script, ...args);
  assert.strictEqual(r.code, 1, `${script} should fail:\n${r.out}`);
  assert.match(r.out, pattern);
}

test('synthesize the fixture', () => {
  synthGood(path.join(tmp, 'good'));
  assert.ok(fs.existsSync(path.join(nestedDir(path.join(tmp, 'good')), 'manifest.json')));
});

test('validate-assembly', () => {
  expectPass('validate-assembly.js', path.join(tmp, 'good'));
  expectFail('validate-assembly.js', /additional properties 'stray'/,
    copy('va-root', (d) => {
      const m = readJ(path.join(d, 'manifest.json'));
      m.stray = true;
      writeJ(path.join(d, 'manifest.json'), m);
    }));
  expectFail('validate-assembly.js', /additional properties 'bogus'/,
    copy('va-nested', (d) => {
      const f = path.join(nestedDir(d), 'manifest.json');
      const m = readJ(f);
      Object.values(m.artifacts).find((a) => a.type === 'aws:cloudformation:stack')
        .properties.bogus = 1;
      writeJ(f, m);
    }));
  expectFail('validate-assembly.js', /cdk\.out: version/,
    copy('va-marker', (d) => fs.writeFileSync(path.join(nestedDir(d), 'cdk.out'),
      '{"version":"1.0.0"}')));
});

test('cfn-validate', () => {
  expectPass('cfn-validate.js', path.join(tmp, 'good'));
  expectFail('cfn-validate.js', /NoSuchProperty/, copy('cfn-bad', (d) => {
    const f = path.join(d, 'Producer.template.json');
    const t = readJ(f);
    Object.values(t.Resources)[0].Properties = { NoSuchProperty: 'x' };
    writeJ(f, t);
  }));
});

test('logical-ids', () => {
  expectPass('logical-ids.js', path.join(tmp, 'good'));
  expectFail('logical-ids.js', /CDK says 'Queue4A7E3555'/, copy('li-bad', (d) => {
    for (const f of fs.readdirSync(d).filter((x) => /^Producer\./.test(x))) {
      const p = path.join(d, f);
      fs.writeFileSync(p, fs.readFileSync(p, 'utf8').split('Queue4A7E3555').join('QueueX'));
    }
  }));
  expectFail('logical-ids.js', /artifact id is 'Wrong'/, copy('li-artifact', (d) => {
    const f = path.join(nestedDir(d), 'manifest.json');
    const m = readJ(f);
    const [id, art] = Object.entries(m.artifacts).find(([, a]) =>
      a.type === 'aws:cloudformation:stack');
    delete m.artifacts[id];
    m.artifacts.Wrong = art;
    writeJ(f, m);
  }));
});

test('cdk-ls', () => {
  const expected = path.join(tmp, 'expected.txt');
  fs.writeFileSync(expected, 'Producer\nConsumer\nGroup/Beta/Svc (Beta-Svc)\n');
  expectPass('cdk-ls.js', path.join(tmp, 'good'), expected);
  fs.writeFileSync(expected, 'Producer\nConsumer\n');
  expectFail('cdk-ls.js', /unexpected 'Group\/Beta\/Svc/, path.join(tmp, 'good'), expected);
});
