#!/usr/bin/env node
'use strict';
// The parity app written with aws-cdk-lib: the same app as cdkpp_app.cpp. The parity test
// synthesizes both and compares the assemblies (compare.js).
//   node tests/interop/parity/cdk_app.js <output dir>
// aws-cdk-lib and constructs come from the repository's node_modules (`npm ci` at the root).
const path = require('path');

const USAGE = 'usage: node tests/interop/parity/cdk_app.js <output dir>';
if (process.argv.length !== 3 || process.argv[2] === '-h' || process.argv[2] === '--help') {
  console.error(USAGE);
  process.exit(2);
}
const outdir = path.resolve(process.argv[2]);

// No built-in CloudFormation validation (@aws/cloudformation-validate): it would add
// validation-report.json (and warnings on stderr for findings); every other file of the
// assembly is the same with or without it.
process.env.CDK_VALIDATION = 'false';

const NODE_MODULES = path.resolve(__dirname, '..', '..', '..', 'node_modules');
const cdk = require(path.join(NODE_MODULES, 'aws-cdk-lib'));
const s3assets = require(path.join(NODE_MODULES, 'aws-cdk-lib', 'aws-s3-assets'));
const { Construct } = require(path.join(NODE_MODULES, 'constructs'));

// As the CLI runs an app: path metadata on, no version reporting (no CDKMetadata), and no
// stack traces (creation stacks hold absolute paths of this file).
const app = new cdk.App({
  outdir,
  analyticsReporting: false,
  context: {
    'aws:cdk:enable-path-metadata': true,
    'aws:cdk:enable-asset-metadata': true,
    'aws:cdk:disable-stack-trace': true,
    'aws:cdk:disable-creation-stack-traces': true,
  },
});

// --- stack 1
const um = new cdk.Stack(app, 'MyApp-Service-Sandbox-UserManagement');
const ingress = new Construct(um, 'Ingress');
const api = new cdk.CfnResource(ingress, 'Api', {
  type: 'AWS::ApiGatewayV2::Api',
  properties: { Name: 'x', ProtocolType: 'HTTP' },
});
const endpoint = `https://${api.ref}.execute-api.${um.region}.${um.urlSuffix}/`;
new cdk.CfnOutput(um, 'APIEndpoint', { value: endpoint });

// Assets: a folder (text with CRLF across the 8 KiB pieces, binary, invalid UTF-8, a link) as
// a function's code, and a single file.
const ASSETS = path.join(__dirname, 'assets');
const fnScope = new Construct(ingress, 'Function');
const code = new s3assets.Asset(fnScope, 'Code', { path: path.join(ASSETS, 'handler') });
const fn = new cdk.CfnResource(fnScope, 'Resource', {
  type: 'AWS::Lambda::Function',
  properties: {
    Code: { S3Bucket: code.s3BucketName, S3Key: code.s3ObjectKey },
    Handler: 'index.handler',
    Role: 'arn:aws:iam::123456789012:role/parity',
    Runtime: 'python3.12',
  },
});
code.addResourceMetadata(fn, 'Code');
const page = new s3assets.Asset(um, 'Page', { path: path.join(ASSETS, 'page.html') });
new cdk.CfnOutput(um, 'PageUrl', { value: page.httpUrl });
new cdk.CfnOutput(um, 'PageObject', { value: page.s3ObjectUrl });
new cdk.CfnOutput(um, 'PageKey', { value: page.s3ObjectKey });

// --- stack 2
const ac = new cdk.Stack(app, 'MyApp-Service-Sandbox-AdminConsole');
const hosting = new Construct(ac, 'Hosting');
const bucketScope = new Construct(hosting, 'Bucket');
const param = new cdk.CfnParameter(ac, 'Stage', { type: 'String', default: 'sandbox' });
const cond = new cdk.CfnCondition(ac, 'IsProd', {
  expression: cdk.Fn.conditionEquals(param.valueAsString, 'prod'),
});
const mapping = new cdk.CfnMapping(hosting, 'RegionMap', {
  mapping: { 'eu-west-1': { Short: 'euw1' }, 'us-east-1': { Short: 'use1' } },
});
const bucket = new cdk.CfnResource(bucketScope, 'Resource', {
  type: 'AWS::S3::Bucket',
  properties: {
    Tags: [
      { Key: 'endpoint', Value: endpoint },
      { Key: 'short', Value: mapping.findInMap(ac.region, 'Short') },
    ],
  },
});
bucket.cfnOptions.condition = cond;

// --- toolchain stack with a stage
const tc = new cdk.Stack(app, 'MyApp-Toolchain-Management', {
  env: { account: '111111111111', region: 'eu-west-1' },
});
const a = new cdk.CfnResource(tc, 'ArtifactBucket', { type: 'AWS::S3::Bucket' });
a.applyRemovalPolicy(cdk.RemovalPolicy.RETAIN);
const b = new cdk.CfnResource(tc, 'Queue', { type: 'AWS::SQS::Queue' });
b.addResourceDependency ? b.addResourceDependency(a) : b.addDependency(a);
b.cfnOptions.deletionPolicy = cdk.CfnDeletionPolicy.DELETE;
const tcPage = new s3assets.Asset(tc, 'Page', {
  path: path.join(ASSETS, 'page.html'), displayName: 'The parity page',
});
new cdk.CfnOutput(tc, 'PageUrl', { value: tcPage.httpUrl });
new cdk.CfnOutput(tc, 'PageBucket', { value: tcPage.s3BucketName });

const dp = new Construct(tc, 'DeploymentPipeline');
const cp = new Construct(dp, 'CodePipeline');
const prod = new cdk.Stage(cp, 'Production', {
  env: { account: '222222222222', region: 'eu-west-1' },
});
const pum = new cdk.Stack(prod, 'MyApp-Service-Production-UserManagement', {
  stackName: 'MyApp-Service-Production-UserManagement',
});
const papi = new cdk.CfnResource(new Construct(pum, 'Ingress'), 'Api', {
  type: 'AWS::ApiGatewayV2::Api',
  properties: { Name: 'x', ProtocolType: 'HTTP' },
});
const pcode = new s3assets.Asset(pum, 'Code', { path: path.join(ASSETS, 'handler') });
new cdk.CfnOutput(pum, 'CodeKey', { value: pcode.s3ObjectKey });
new cdk.CfnOutput(pum, 'CodeBucket', { value: pcode.s3BucketName });
const pac = new cdk.Stack(prod, 'MyApp-Service-Production-AdminConsole', {
  stackName: 'MyApp-Service-Production-AdminConsole',
});
new cdk.CfnResource(new Construct(new Construct(pac, 'Hosting'), 'Bucket'), 'Resource', {
  type: 'AWS::S3::Bucket',
  properties: {
    Tags: [{ Key: 'api', Value: papi.getAtt('ApiEndpoint') }, { Key: 'id', Value: papi.ref }],
  },
});

app.synth();
