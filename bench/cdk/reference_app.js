'use strict';
// The reference application (app.cpp, service/, toolchain/) written with aws-cdk-lib, so that
// bench/run_bench.py can time the AWS CDK's synth of it beside cdkpp's.
//   node bench/cdk/reference_app.js <outdir | -> <context file>
// <context file> is cdkpp's synth.context.json; aws-cdk-lib and constructs come from NODE_PATH.
// With '-', the app writes where the CLI tells it (CDK_OUTDIR), as `cdk synth --app` runs it.
const fs = require('fs');
const path = require('path');

if (process.argv.length !== 4) {
  console.error('usage: node reference_app.js <outdir | -> <context file>');
  process.exit(2);
}
const outdir = process.argv[2] === '-' ? undefined : path.resolve(process.argv[2]);
const contextFile = path.resolve(process.argv[3]);

const cdk = require('aws-cdk-lib');
const { Construct } = require('constructs');
const apigwv2 = require('aws-cdk-lib/aws-apigatewayv2');
const { HttpLambdaIntegration } = require('aws-cdk-lib/aws-apigatewayv2-integrations');
const cloudfront = require('aws-cdk-lib/aws-cloudfront');
const origins = require('aws-cdk-lib/aws-cloudfront-origins');
const codebuild = require('aws-cdk-lib/aws-codebuild');
const codepipeline = require('aws-cdk-lib/aws-codepipeline');
const actions = require('aws-cdk-lib/aws-codepipeline-actions');
const dynamodb = require('aws-cdk-lib/aws-dynamodb');
const iam = require('aws-cdk-lib/aws-iam');
const lambda = require('aws-cdk-lib/aws-lambda');
const logs = require('aws-cdk-lib/aws-logs');
const s3 = require('aws-cdk-lib/aws-s3');
const s3deploy = require('aws-cdk-lib/aws-s3-deployment');

const SERVICE_DIR = path.resolve(__dirname, '../../service');
// The pipeline's own steps install the CLI version that the repository pins, as cdkpp's do.
const CLI_VERSION = require('../../package.json').devDependencies['aws-cdk'];

// --- Configuration: the context values that app.cpp reads -----------------------------------

function optional(app, key) {
  const value = app.node.tryGetContext(key);
  return value === undefined || value === '' ? undefined : String(value);
}

function required(app, key) {
  const value = optional(app, key);
  if (value === undefined) throw new Error(`context value '${key}' is missing or empty`);
  return value;
}

// "<prefix>:account" and "<prefix>:region". Optional ones may be left open, and with neither
// set the stacks are environment-agnostic.
function environment(app, prefix, read = required) {
  const env = { account: read(app, `${prefix}:account`), region: read(app, `${prefix}:region`) };
  return env.account || env.region ? env : undefined;
}

function serviceConfig(app) {
  const number = (key) => Number(required(app, `user-management:${key}`));
  const provisioned = required(app, 'user-management:dynamodb-billing-mode') === 'PROVISIONED';
  return {
    singleStack: required(app, 'cdkpp:service-layout') === 'single-stack',
    reservedConcurrency: number('lambda-reserved-concurrency'),
    provisioned,
    readCapacity: provisioned ? number('dynamodb-read-capacity') : undefined,
    writeCapacity: provisioned ? number('dynamodb-write-capacity') : undefined,
  };
}

// --- User Management: the users table and the API in front of it ---------------------------

// The users table, keyed by "id". PITR and encryption at rest are cdkpp's table defaults; the
// CDK's table leaves them off.
function addDatabase(scope, id, config) {
  return new dynamodb.Table(new Construct(scope, id), 'Table', {
    partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
    billingMode: config.provisioned ? dynamodb.BillingMode.PROVISIONED
      : dynamodb.BillingMode.PAY_PER_REQUEST,
    readCapacity: config.readCapacity,
    writeCapacity: config.writeCapacity,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    encryption: dynamodb.TableEncryption.AWS_MANAGED,
  });
}

// A Python function serving every route under /api of an HTTP API; returns the API's URL.
function addIngress(scope, id, config, table) {
  const ingress = new Construct(scope, id);
  const fn = new lambda.Function(ingress, 'Function', {
    runtime: lambda.Runtime.PYTHON_3_12,
    handler: 'app.handler',
    code: lambda.Code.fromAsset(path.join(SERVICE_DIR, 'user_management/api')),
    environment: { TABLE_NAME: table.tableName },
    timeout: cdk.Duration.seconds(10),
    reservedConcurrentExecutions: config.reservedConcurrency,
    // An explicit log group: logRetention (a custom resource) is deprecated.
    logGroup: new logs.LogGroup(ingress, 'FunctionLogGroup', {
      retention: logs.RetentionDays.ONE_MONTH,
    }),
  });
  table.grantReadWriteData(fn);

  const api = new apigwv2.HttpApi(ingress, 'HttpApi', {
    apiName: `${cdk.Stack.of(ingress).stackName}-${id}`,
  });
  // A route of our own id rather than addRoutes, whose ids are made of method and path.
  new apigwv2.HttpRoute(api, 'ProxyRoute', {
    httpApi: api,
    routeKey: apigwv2.HttpRouteKey.with('/api/{proxy+}', apigwv2.HttpMethod.ANY),
    integration: new HttpLambdaIntegration('LambdaIntegration', fn),
  });
  return api.url;
}

// --- Admin Console: the page in a private bucket behind CloudFront --------------------------

// The API's host is the third part of "https://<host>/"; its answers are never cached, and
// every header but Host is forwarded (API Gateway routes by its own host name).
function apiBehavior(apiEndpoint) {
  const host = cdk.Fn.select(2, cdk.Fn.split('/', apiEndpoint));
  return {
    origin: new origins.HttpOrigin(host, { originId: 'UserManagementApi' }),
    viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
    allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
    cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
    originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
  };
}

// Returns the console's URL.
function addHosting(scope, id, apiEndpoint) {
  const hosting = new Construct(scope, id);
  const bucket = new s3.Bucket(hosting, 'Bucket', {
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
  });
  const originAccessControl = new cloudfront.S3OriginAccessControl(hosting, 'OriginAccessControl');
  const distribution = new cloudfront.Distribution(hosting, 'Distribution', {
    defaultBehavior: {
      origin: origins.S3BucketOrigin.withOriginAccessControl(bucket, {
        originAccessControl, originId: 'Bucket',
      }),
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
    },
    additionalBehaviors: { '/api/*': apiBehavior(apiEndpoint) },
    defaultRootObject: 'index.html',
  });

  // The page, and a config.json with the API's endpoint as CloudFormation resolves it.
  new s3deploy.BucketDeployment(hosting, 'Deployment', {
    sources: [
      s3deploy.Source.asset(path.join(SERVICE_DIR, 'admin_console/ui')),
      s3deploy.Source.jsonData('config.json', { userManagementApiEndpoint: apiEndpoint }),
    ],
    destinationBucket: bucket,
    distribution,
    logGroup: new logs.LogGroup(hosting, 'DeploymentLogGroup', {
      retention: logs.RetentionDays.ONE_MONTH,
    }),
  });
  return `https://${distribution.distributionDomainName}`;
}

// --- The service: a stack per bounded context, or one stack; returns its stacks -------------

function addService(scope, prefix, config, env) {
  const addStack = (name) => new cdk.Stack(scope, name, { stackName: name, env });
  if (config.singleStack) {
    // The bounded context prefixes the ids, so that its resources stay recognisable.
    const stack = addStack(prefix);
    const table = addDatabase(stack, 'UserManagementDatabase', config);
    const apiEndpoint = addIngress(stack, 'UserManagementIngress', config, table);
    const uiEndpoint = addHosting(stack, 'AdminConsoleHosting', apiEndpoint);
    new cdk.CfnOutput(stack, 'AdminConsoleUIEndpoint', { value: uiEndpoint });
    return [stack];
  }
  const users = addStack(`${prefix}-UserManagement`);
  const apiEndpoint = addIngress(users, 'Ingress', config, addDatabase(users, 'Database', config));
  new cdk.CfnOutput(users, 'APIEndpoint', { value: apiEndpoint });
  const adminConsole = addStack(`${prefix}-AdminConsole`);
  const uiEndpoint = addHosting(adminConsole, 'Hosting', apiEndpoint);
  new cdk.CfnOutput(adminConsole, 'UIEndpoint', { value: uiEndpoint });
  // Declared, not only implied by the import, so that the pipeline orders the deployments.
  adminConsole.addStackDependency(users, 'imports the User Management API endpoint');
  return [users, adminConsole];
}

// --- The toolchain: the pipeline that builds the repository and deploys production ---------

// A role that `cdk bootstrap` made in env, e.g. "deploy" or "file-publishing".
function bootstrapRoleArn(env, kind) {
  const qualifier = cdk.DefaultStackSynthesizer.DEFAULT_QUALIFIER;
  return `arn:${cdk.Aws.PARTITION}:iam::${env.account}:role/cdk-${qualifier}-${kind}-role-` +
    `${env.account}-${env.region}`;
}

// A project running one command of the CLI; the curated image holds several Node.js versions,
// the CLI needs 20.
function cliProject(scope, id, command, role) {
  return new codebuild.PipelineProject(scope, id, {
    role,
    buildSpec: codebuild.BuildSpec.fromObject({
      version: '0.2',
      phases: {
        install: { commands: [`npm install -g aws-cdk@${CLI_VERSION}`],
          'runtime-versions': { nodejs: '20' } },
        build: { commands: [command] },
      },
    }),
  });
}

// The repository's own commands on Debian 12 with Node.js 20, as a developer runs them.
function synthProject(scope, id) {
  return new codebuild.PipelineProject(scope, id, {
    environment: {
      buildImage: codebuild.LinuxBuildImage.fromDockerRegistry(
        'public.ecr.aws/docker/library/node:20-bookworm'),
      computeType: codebuild.ComputeType.LARGE,
      environmentVariables: { CDKPP_BUILD_STAGE: { value: '1' } },
    },
    buildSpec: codebuild.BuildSpec.fromObject({
      version: '0.2',
      phases: {
        install: { commands: ['bash .ci/setup'] },
        build: { commands: ['cmake --preset production', 'cmake --build --preset production',
          'ctest --preset production'] },
      },
      artifacts: { 'base-directory': 'build/production/cdk.out', files: '**/*' },
    }),
  });
}

// Per stack, a change set made then executed with the stage's bootstrap roles, each stack
// after those it depends on.
function deployActions(scope, stage, stacks, synthOutput) {
  const deployRole = iam.Role.fromRoleArn(scope, 'DeployRole',
    bootstrapRoleArn(stage, 'deploy'), { mutable: false });
  const deploymentRole = iam.Role.fromRoleArn(scope, 'CfnExecRole',
    bootstrapRoleArn(stage, 'cfn-exec'), { mutable: false });
  const deployedAt = new Map();
  return stacks.flatMap((stack) => {
    const prepare = 1 + Math.max(0, ...stack.dependencies.map((d) => deployedAt.get(d) || 0));
    deployedAt.set(stack, prepare + 1);
    const common = { stackName: stack.stackName, changeSetName: 'PipelineChange',
      role: deployRole };
    return [
      new actions.CloudFormationCreateReplaceChangeSetAction({
        ...common, actionName: `${stack.node.id}.Prepare`, runOrder: prepare,
        adminPermissions: false, deploymentRole,
        templatePath: synthOutput.atPath(`${stage.artifactId}/${stack.templateFile}`),
        cfnCapabilities: [cdk.CfnCapabilities.NAMED_IAM, cdk.CfnCapabilities.AUTO_EXPAND],
      }),
      new actions.CloudFormationExecuteChangeSetAction({
        ...common, actionName: `${stack.node.id}.Deploy`, runOrder: prepare + 1,
      }),
    ];
  });
}

// Source, Build (the synth), UpdatePipeline (this stack again, before anything else), then per
// stage added, Assets and the stage's deployments; laid out as the CDK's pipelines module.
class CodePipeline extends Construct {
  constructor(scope, id, source) {
    super(scope, id);
    this.pipeline = new codepipeline.Pipeline(this, 'Pipeline', {
      pipelineType: codepipeline.PipelineType.V2,
      restartExecutionOnUpdate: true,
      // Another account deploys from the artifacts: they need a key it may be granted.
      crossAccountKeys: true,
      enableKeyRotation: true,
      usePipelineRoleForActions: true,
    });
    this.synthOutput = new codepipeline.Artifact('Synth_Output');
    const sourceOutput = new codepipeline.Artifact('Source_Output');
    const [owner, repo] = source.repository.split('/');
    this.pipeline.addStage({ stageName: 'Source', actions: [
      new actions.CodeStarConnectionsSourceAction({ actionName: `${owner}_${repo}`, owner, repo,
        connectionArn: source.connectionArn, branch: source.branch, output: sourceOutput }),
    ] });
    // The stage reuses a construct named after the action: the project goes into it.
    const build = this.pipeline.addStage({ stageName: 'Build' });
    const synthScope = new Construct(this.pipeline.node.findChild('Build'), 'Synth');
    build.addAction(new actions.CodeBuildAction({ actionName: 'Synth', input: sourceOutput,
      outputs: [this.synthOutput], project: synthProject(synthScope, 'CdkBuildProject') }));
    this.addSelfMutation();
  }

  addSelfMutation() {
    const self = cdk.Stack.of(this);
    const project = cliProject(new Construct(this, 'UpdatePipeline'), 'SelfMutation',
      `cdk -a . deploy ${self.artifactId} --require-approval=never --verbose`);
    project.addToRolePolicy(new iam.PolicyStatement({ actions: ['sts:AssumeRole'],
      resources: ['deploy', 'file-publishing'].map((kind) => bootstrapRoleArn(self, kind)) }));
    this.addBuildStage('UpdatePipeline', 'SelfMutate', project);
  }

  addBuildStage(stageName, actionName, project) {
    this.pipeline.addStage({ stageName, actions: [
      new actions.CodeBuildAction({ actionName, input: this.synthOutput, project }),
    ] });
  }

  // The stage's assets published with its file-publishing role (the CLI checks the stage's
  // bootstrap version with its deploy role first), then its stacks deployed.
  addStage(stage, stacks) {
    const assets = new Construct(this, 'Assets');
    const fileRole = new iam.Role(assets, 'FileRole', {
      assumedBy: new iam.ServicePrincipal('codebuild.amazonaws.com'),
    });
    fileRole.addToPolicy(new iam.PolicyStatement({ actions: ['sts:AssumeRole'],
      resources: ['file-publishing', 'deploy'].map((kind) => bootstrapRoleArn(stage, kind)) }));
    this.addBuildStage('Assets', 'FileAsset1', cliProject(assets, 'FileAsset1',
      `cdk publish-assets --unstable=publish-assets --app ${stage.artifactId} --all`, fileRole));
    this.pipeline.addStage({ stageName: stage.node.id,
      actions: deployActions(this, stage, stacks, this.synthOutput) });
  }
}

// The pipeline, and inside it the Production stage with the service in production.
function addToolchain(app, appName) {
  const stack = new cdk.Stack(app, `${appName}-Toolchain-Management`, {
    env: environment(app, 'toolchain'),
  });
  const pipeline = new CodePipeline(new Construct(stack, 'DeploymentPipeline'), 'CodePipeline', {
    connectionArn: required(app, 'toolchain:source-connection-arn'),
    repository: required(app, 'toolchain:source-repository'),
    branch: required(app, 'toolchain:source-branch'),
  });
  const stage = new cdk.Stage(pipeline, 'Production', { env: environment(app, 'production') });
  const name = `${appName}-Service-Production`;
  pipeline.addStage(stage, addService(stage, name, serviceConfig(app)));
}

// As the CLI runs an app: path and asset metadata on, no version reporting, no stack traces;
// the preset's values are context values, as `cdk -c` would pass them.
const app = new cdk.App({
  outdir,
  analyticsReporting: false,
  context: {
    ...JSON.parse(fs.readFileSync(contextFile, 'utf8')).context,
    'aws:cdk:enable-path-metadata': true,
    'aws:cdk:enable-asset-metadata': true,
    'aws:cdk:disable-stack-trace': true,
  },
});
const appName = required(app, 'cdkpp:app-name');
if (required(app, 'cdkpp:stage') === 'production') {
  addToolchain(app, appName);
} else {
  addService(app, `${appName}-Service-Sandbox`, serviceConfig(app),
    environment(app, 'sandbox', optional));
}
app.synth();
