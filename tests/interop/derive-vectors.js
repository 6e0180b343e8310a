#!/usr/bin/env node
'use strict';
// Derives test vectors for the C++ unit tests from the real aws-cdk-lib: logical IDs, stack
// artifact IDs and names, and cross-stack export/import rendering. Prints the JSON to stdout;
// with --write it also writes tests/unit/vectors/cdk-vectors.json. The output depends only on
// the pinned package versions (no paths, times or random values), so reruns are byte-equal.
const fs = require('fs');
const os = require('os');
const path = require('path');
const cdk = require('aws-cdk-lib');
const { Construct } = require('constructs');

const OUT_FILE = path.join(__dirname, '..', 'unit', 'vectors', 'cdk-vectors.json');
// aws-cdk-lib 2.276 runs @aws/cloudformation-validate on every synth and prints warnings for
// the dummy resources; the vectors are about names, so switch that off.
process.env.CDK_VALIDATION = 'false';
const DUMMY_TYPE = 'Cdkpp::Vector::Leaf';

// Every App gets its own scratch outdir (Stages create folders when constructed).
const scratchRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'cdkpp-vectors-'));
let appCount = 0;
function newApp() {
  return new cdk.App({
    outdir: path.join(scratchRoot, String(appCount++)),
    analyticsReporting: false,
    context: {
      'aws:cdk:disable-stack-trace': true,
      'aws:cdk:disable-creation-stack-traces': true,
    },
  });
}

const firstLine = (e) => String(e && e.message ? e.message : e).split('\n')[0];

// ---------------------------------------------------------------------------------------
// (a) logical IDs: components below the stack -> stack.getLogicalId(leaf)
const L = (n, s) => s.repeat(n);
const LOGICAL_ID_CASES = [
  ['single component', ['MyBucket']],
  ['single component, stripped', ['Foo-bar']],
  ['single component with spaces and dots', ['with space.and.dots']],
  ['single component that is only digits', ['123']],
  ['single Resource is kept', ['Resource']],
  ['two components', ['Parent', 'ThingResource']],
  ['test vector 1 of 2', ['Parent', 'ThingResource1']],
  ['test vector 2 of 2', ['Parent', 'ThingResource2']],
  ['L2 pattern X/Resource', ['MyBucket', 'Resource']],
  ['Resource in the middle', ['Parent', 'Child', 'Resource', 'HeyThere']],
  ['Resource first', ['Resource', 'Foo']],
  ['Resource twice', ['Resource', 'Resource']],
  ['Resource twice plus name', ['Foo', 'Resource', 'Resource']],
  ['nested role', ['Function1', 'ServiceRole', 'Resource']],
  ['Default leaf', ['CDKMetadata', 'Default']],
  ['Default first', ['Default', 'Foo', 'Bar']],
  ['Default in the middle', ['Parent', 'Default', 'HeyThere']],
  ['same as previous without Default', ['Parent', 'HeyThere']],
  ['Default twice leaves one component (no hash)', ['Default', 'Default', 'Foo']],
  ['Default is case-sensitive', ['DEFAULT', 'default', 'Foo']],
  ['duplicate removed', ['Pipeline', 'Pipeline', 'Resource']],
  ['duplicate removed, deeper', ['Pipeline', 'Pipeline', 'Role', 'DefaultPolicy', 'Resource']],
  ['component ending with the previous one is kept', ['Bar', 'FooBar']],
  ['component that the previous one ends with is dropped', ['FooBar', 'Bar']],
  ['dupes compare with the last KEPT component', ['FooBar', 'Bar', 'Bar', 'oBar']],
  ['dupes compare raw strings before stripping', ['a-b', 'b', '-b', 'ab']],
  ['triple duplicate', ['A', 'A', 'A']],
  ['duplicate after Default removal', ['X', 'Default', 'X']],
  ['Resource is deduped before it is dropped', ['MyResource', 'Resource', 'Child']],
  ['non-alphanumerics (CDK test)', ['Foo-bar', 'B00m', 'Hello_World', '&&Horray Horray.']],
  ['same human part, other hash (CDK test)', ['Foobar', 'B00m', 'HelloWorld', 'HorrayHorray']],
  ['unicode stripped, hashed as UTF-8', ['Bücket', 'Überall']],
  ['CJK and emoji', ['日本', '🚀Rocket', 'Ab']],
  ['single unicode component', ['Dätä']],
  ['human part truncated to 240', [L(200, 'A'), L(100, 'B')]],
  ['human part exactly 240', [L(120, 'C'), L(120, 'D')]],
  ['human part 241', [L(120, 'C'), L(121, 'D')]],
  ['single component of 255 (no hash)', [L(255, 'x')]],
  ['single component of 256 (hash)', [L(256, 'x')]],
  ['single component stripped to 255 (CDK test)', [L(255, '*y-')]],
  ['id with slash becomes --', ['Parent', 'a/b']],
  ['leaf id with slashes', ['Parent/Child', 'Leaf/x']],
  ['id that is only a slash', ['x', '/']],
  ['single component stripped to empty', ['.']],
  ['only Default', ['Default']],
];

function logicalIdVectors() {
  return LOGICAL_ID_CASES.map(([name, passed]) => {
    const v = { name };
    try {
      const app = newApp();
      const stack = new cdk.Stack(app, 'Stack');
      let scope = stack;
      passed.forEach((id, i) => {
        scope = i === passed.length - 1
          ? new cdk.CfnResource(scope, id, { type: DUMMY_TYPE })
          : new Construct(scope, id);
      });
      // `components` are the ids as the CDK stored them ('/' -> '--'); the ids given to the
      // constructors are kept in `componentsAsPassed` when they differ.
      const ids = scope.node.scopes.slice(stack.node.scopes.length).map((c) => c.node.id);
      if (ids.join('\0') !== passed.join('\0')) v.componentsAsPassed = passed;
      v.components = ids;
      v.logicalId = stack.getLogicalId(scope);
    } catch (e) {
      if (!v.components) v.components = passed;
      v.error = firstLine(e);
    }
    return v;
  });
}

// ---------------------------------------------------------------------------------------
// (b) stacks: construct path from the App -> artifactId, stackName, nested assembly folder
const S = (id) => ({ id, type: 'Stage' });
const C = (id) => ({ id, type: 'Construct' });
const K = (id, stackName) => ({ id, type: 'Stack', ...(stackName ? { stackName } : {}) });
const STACK_CASES = [
  ['top-level stack', [K('MyStack')]],
  ['top-level stack, given name', [K('MyStack', 'Other-Name')]],
  ['stack in a stage', [S('Stage'), K('Stack1')]],
  ['stack in nested stages', [S('Outer'), S('Inner'), K('Service')]],
  ['stack under a plain construct', [C('Holder'), K('Stack')]],
  ['stack under constructs inside a stage', [S('Prod'), C('Group'), C('Sub'), K('Api')]],
  ['stage under a stack and constructs (pipeline layout)',
    [K('Toolchain'), C('DeploymentPipeline'), C('CodePipeline'), S('Production'),
      K('MyApp-Service-Production-UserManagement', 'MyApp-Service-Production-UserManagement')]],
  ['stack id Default under a construct', [C('Holder'), K('Default')]],
  ['stack id Resource under a construct in a stage', [S('Stage'), C('Holder'), K('Resource')]],
  ['top-level id of 128 characters', [K(L(128, 'S'))]],
  ['top-level id of 129 characters', [K(L(129, 'S'))]],
  ['top-level id of 130, given name', [K(L(130, 'S'), 'ShortName')]],
  ['long id under a construct (split in the middle)', [C('Holder'), K(L(130, 'L'))]],
  ['long ids in a stage under constructs', [S('Stage'), C(L(70, 'A')), K(L(70, 'B'))]],
  ['stage id with dot and underscore', [S('my_stage.v1'), K('Stack')]],
  ['stack id with a slash', [K('a/b')]],
  ['stack id with underscore (invalid stack name)', [K('My_Stack')]],
];

function stackVectors() {
  return STACK_CASES.map(([name, pathSpec]) => {
    const v = { name, path: pathSpec.map((p) => ({ ...p })) };
    try {
      const app = newApp();
      let scope = app;
      const stages = [];
      pathSpec.forEach((p, i) => {
        if (p.type === 'Stage') scope = new cdk.Stage(scope, p.id);
        else if (p.type === 'Stack') {
          scope = new cdk.Stack(scope, p.id, p.stackName ? { stackName: p.stackName } : {});
        } else scope = new Construct(scope, p.id);
        if (p.type === 'Stage') stages.push(scope);
        // The id as the CDK stored it, when it differs from the id passed ('/' -> '--').
        if (scope.node.id !== p.id) v.path[i].sanitizedId = scope.node.id;
      });
      v.displayName = scope.node.path;
      v.artifactId = scope.artifactId;
      v.stackName = scope.stackName;
      if (pathSpec[pathSpec.length - 1].stackName) v.stackNameGiven = true;
      v.templateFile = scope.templateFile;
      v.assemblyDirectory = stages.map((s) => s.artifactId).join('/');
    } catch (e) {
      v.error = firstLine(e);
    }
    return v;
  });
}

// ---------------------------------------------------------------------------------------
// (c) exports: synthesize producer + consumer, read what the CDK wrote
const EXPORT_CASES = [
  { name: 'Ref of a resource', kind: 'Ref', target: ['Bucket', 'Resource'],
    type: 'AWS::S3::Bucket' },
  { name: 'GetAtt Arn', kind: 'GetAtt', target: ['Bucket', 'Resource'],
    type: 'AWS::S3::Bucket', attribute: 'Arn' },
  { name: 'GetAtt with a dot', kind: 'GetAtt', target: ['Db', 'Resource'],
    type: 'AWS::RDS::DBInstance', attribute: 'Endpoint.Port' },
  { name: 'account of an env-agnostic producer', kind: 'Pseudo', attribute: 'account' },
  { name: 'region of an env-agnostic producer', kind: 'Pseudo', attribute: 'region' },
  { name: 'stackName of the producer is a literal, not exported', kind: 'Pseudo',
    attribute: 'stackName' },
  { name: 'stackId of the producer (a pseudo scoped to the producer: exported)',
    kind: 'Pseudo', attribute: 'stackId' },
  { name: 'ScopedAws(producer).accountId (exported)', kind: 'ScopedPseudo',
    attribute: 'accountId' },
  { name: 'Ref inside a string (Fn::Join)', kind: 'Ref', target: ['Api'],
    type: 'AWS::ApiGatewayV2::Api', inString: true },
  { name: 'GetAtt string list (Fn::Split of the import)', kind: 'GetAtt',
    target: ['Zone'], type: 'AWS::Route53::HostedZone', attribute: 'NameServers',
    list: true },
  { name: 'producer and consumer in a stage', kind: 'Ref', target: ['Queue'],
    type: 'AWS::SQS::Queue', stage: 'Prod' },
  { name: 'long stack name and long logical ID: export name cut from the left',
    kind: 'Ref', target: [L(100, 'R'), L(150, 'T')], type: 'AWS::SQS::Queue',
    producerStackName: `P${L(127, 'n')}` },
  { name: 'given producer stack name', kind: 'GetAtt', target: ['Topic'],
    type: 'AWS::SNS::Topic', attribute: 'TopicName', producerStackName: 'Shared-Messaging' },
];

function exportVectors() {
  return EXPORT_CASES.map((c) => {
    const app = newApp();
    const parent = c.stage ? new cdk.Stage(app, c.stage) : app;
    const producer = new cdk.Stack(parent, 'Producer',
      c.producerStackName ? { stackName: c.producerStackName } : {});
    const consumer = new cdk.Stack(parent, 'Consumer');
    let value;
    let targetResource;
    if (c.kind === 'Pseudo') {
      // An env-agnostic stack's account/region are the pseudo parameters themselves, so
      // the consumer just uses its own {Ref: AWS::...}: no export, no dependency.
      value = producer[c.attribute];
    } else if (c.kind === 'ScopedPseudo') {
      // Pseudo parameters scoped to the producer are references to it, so they are exported.
      value = new cdk.ScopedAws(producer)[c.attribute];
    } else {
      let scope = producer;
      c.target.forEach((id, i) => {
        scope = i === c.target.length - 1
          ? new cdk.CfnResource(scope, id, { type: c.type })
          : new Construct(scope, id);
      });
      targetResource = scope;
      if (c.kind === 'Ref') value = scope.ref;
      else if (c.list) {
        value = cdk.Token.asList(scope.getAtt(c.attribute, cdk.ResolutionTypeHint.STRING_LIST));
      } else value = scope.getAtt(c.attribute);
    }
    if (c.inString) value = `https://${value}.example.com/`;
    // The consumer puts the value in a real property of a real resource type.
    const use = c.list
      ? new cdk.CfnResource(consumer, 'Use', {
        type: 'AWS::Route53::RecordSet',
        properties: { Name: 'sub.example.com', Type: 'NS', HostedZoneName: 'example.com.',
          TTL: '300', ResourceRecords: value },
      })
      : new cdk.CfnResource(consumer, 'Use', {
        type: 'AWS::SSM::Parameter', properties: { Type: 'String', Value: value },
      });
    const asm = app.synth();
    const nested = c.stage ? asm.getNestedAssembly(parent.artifactId) : asm;
    const pArt = nested.getStackArtifact(producer.artifactId);
    const cArt = nested.getStackArtifact(consumer.artifactId);
    const pt = pArt.template;
    const ct = cArt.template;
    const outputs = Object.entries(pt.Outputs || {}).filter(([, o]) => o.Export);
    const v = {
      name: c.name,
      producerStackName: producer.stackName,
      producerArtifactId: producer.artifactId,
      producerPath: producer.node.path.split('/'),
      consumerPath: consumer.node.path.split('/'),
      reference: {
        kind: c.kind,
        ...(targetResource ? {
          target: targetResource.node.scopes.slice(producer.node.scopes.length)
            .map((s) => s.node.id),
          targetLogicalId: producer.getLogicalId(targetResource),
          resourceType: c.type,
        } : {}),
        ...(c.attribute ? { attribute: c.attribute } : {}),
        ...(c.list ? { typeHint: 'STRING_LIST' } : {}),
        ...(c.inString ? { embeddedIn: 'https://${token}.example.com/' } : {}),
      },
    };
    if (outputs.length > 1) throw new Error(`${c.name}: expected at most one export`);
    if (outputs.length) {
      const [oid, out] = outputs[0];
      // Where the CDK put the CfnOutput: <producer>/Exports/Output{json}.
      const outConstruct = producer.node.findAll()
        .find((x) => x instanceof cdk.CfnOutput && producer.getLogicalId(x) === oid);
      v.outputConstructPath = outConstruct.node.scopes.slice(producer.node.scopes.length)
        .map((s) => s.node.id);
      v.outputLogicalId = oid;
      v.outputValue = out.Value;
      v.exportName = out.Export.Name;
    } else {
      v.outputLogicalId = null;
      v.exportName = null;
    }
    v.consumerValue = ct.Resources[consumer.getLogicalId(use)]
      .Properties[c.list ? 'ResourceRecords' : 'Value'];
    v.consumerDependencies = cArt.dependencies.map((d) => d.id);
    return v;
  });
}

function main() {
  // aws-cdk-lib may print deprecation notes; keep stdout for the JSON only.
  const log = console.log;
  console.log = console.warn = (...a) => process.stderr.write(`${a.join(' ')}\n`);
  let doc;
  try {
    doc = {
      generatedBy: 'tests/interop/derive-vectors.js',
      versions: {
        'aws-cdk-lib': require('aws-cdk-lib/package.json').version,
        constructs: require('constructs/package.json').version,
      },
      logicalIds: logicalIdVectors(),
      stacks: stackVectors(),
      exports: exportVectors(),
    };
  } finally {
    console.log = log;
    fs.rmSync(scratchRoot, { recursive: true, force: true });
  }
  const text = `${JSON.stringify(doc, null, 2)}\n`;
  process.stdout.write(text);
  if (process.argv.includes('--write')) {
    fs.mkdirSync(path.dirname(OUT_FILE), { recursive: true });
    fs.writeFileSync(OUT_FILE, text);
    process.stderr.write(`wrote ${path.relative(process.cwd(), OUT_FILE)}\n`);
  }
}

main();
