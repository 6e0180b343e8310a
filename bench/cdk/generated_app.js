'use strict';
// The benchmark's generated application written with aws-cdk-lib: the same N stacks of M
// resources as bench/generated_app.cpp (tables, functions with their roles and policies, and
// an import per table of the stack before). bench/run_bench.py runs both side by side.
//   node bench/cdk/generated_app.js <outdir> <stacks> <resources> <function code folder>
// aws-cdk-lib and constructs are found through NODE_PATH (the bench's own install).
const path = require('path');

const USAGE = 'usage: node generated_app.js <outdir> <stacks> <resources> <code folder>';
if (process.argv.length !== 6) {
  console.error(USAGE);
  process.exit(2);
}
const [outdir, stackCount, resourceCount, codeDir] = [
  path.resolve(process.argv[2]), Number(process.argv[3]), Number(process.argv[4]),
  path.resolve(process.argv[5]),
];

const cdk = require('aws-cdk-lib');
const dynamodb = require('aws-cdk-lib/aws-dynamodb');
const lambda = require('aws-cdk-lib/aws-lambda');

// A table, its function and the function's role and policy.
const RESOURCES_PER_PAIR = 4;
const ENV = { account: '111111111111', region: 'eu-west-1' };

// The defaults of cdkpp's L2 table, which the CDK's leaves off.
function addTable(scope, id) {
  return new dynamodb.Table(scope, id, {
    partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    encryption: dynamodb.TableEncryption.AWS_MANAGED,
  });
}

function pad(n) {
  return String(n).padStart(3, '0');
}

function addStack(app, index, before) {
  const stack = new cdk.Stack(app, `Bench${pad(index)}`, { env: ENV });
  const tables = [];
  const pairs = Math.floor(resourceCount / RESOURCES_PER_PAIR);
  for (let pair = 0; pair < pairs; ++pair) {
    const table = addTable(stack, `Table${pad(pair)}`);
    const fn = new lambda.Function(stack, `Function${pad(pair)}`, {
      runtime: lambda.Runtime.PYTHON_3_12,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(codeDir),
      environment: { TABLE_NAME: table.tableName },
    });
    table.grantReadWriteData(fn);
    if (pair < before.length) {
      fn.addEnvironment('UPSTREAM_TABLE_NAME', before[pair].tableName);
      before[pair].grantReadData(fn);
    }
    tables.push(table);
  }
  for (let extra = pairs * RESOURCES_PER_PAIR; extra < resourceCount; ++extra) {
    addTable(stack, `Extra${pad(extra)}`);
  }
  return tables;
}

// As the CLI runs an app: path and asset metadata on, no version reporting, no stack traces.
const app = new cdk.App({
  outdir,
  analyticsReporting: false,
  context: {
    'aws:cdk:enable-path-metadata': true,
    'aws:cdk:enable-asset-metadata': true,
    'aws:cdk:disable-stack-trace': true,
  },
});
let before = [];
for (let index = 0; index < stackCount; ++index) before = addStack(app, index, before);
app.synth();
