#!/usr/bin/env node
'use strict';
// Prints, as JSON, what the synthesized toolchain template tells the pipeline to do:
//   build      the Build stage's project: environment variables, commands (install, then
//              build) and the folder that becomes the output artifact;
//   steps      every other CodeBuild action: its stage, name, install and build commands;
//   templates  the files of the output artifact that CloudFormation actions deploy.
//   node pipeline-steps.js <toolchain template>
const fs = require('fs');

function projectOf(resources, action, file) {
  const ref = action.Configuration.ProjectName.Ref;
  const project = resources[ref];
  if (!project) throw new Error(`${file}: no project ${ref} for action ${action.Name}`);
  const spec = JSON.parse(project.Properties.Source.BuildSpec);
  const phase = (name) => (spec.phases[name] && spec.phases[name].commands) || [];
  const env = {};
  for (const v of project.Properties.Environment.EnvironmentVariables || []) env[v.Name] = v.Value;
  return { project: ref, env, install: phase('install'), commands: phase('build'),
    output: spec.artifacts ? spec.artifacts['base-directory'] : null };
}

function main([file]) {
  if (!file) throw new Error('usage: node pipeline-steps.js <toolchain template>');
  const resources = JSON.parse(fs.readFileSync(file, 'utf8')).Resources;
  const pipelines =
    Object.values(resources).filter((r) => r.Type === 'AWS::CodePipeline::Pipeline');
  if (pipelines.length !== 1) throw new Error(`${file}: ${pipelines.length} pipelines, not 1`);

  let build = null;
  const steps = [];
  const templates = [];
  for (const stage of pipelines[0].Properties.Stages) {
    for (const action of stage.Actions) {
      const provider = action.ActionTypeId.Provider;
      if (provider === 'CodeBuild') {
        const project = projectOf(resources, action, file);
        if (stage.Name === 'Build') build = project;
        else steps.push({ stage: stage.Name, action: action.Name, ...project });
      } else if (provider === 'CloudFormation' && action.Configuration.TemplatePath) {
        templates.push(action.Configuration.TemplatePath.replace(/^[^:]*::/, ''));
      }
    }
  }
  if (!build) throw new Error(`${file}: the pipeline has no Build stage`);
  build.commands = [...build.install, ...build.commands];
  console.log(JSON.stringify({ build, steps, templates }));
}

try {
  main(process.argv.slice(2));
} catch (e) {
  console.error(`error: ${e.message}`);
  process.exit(2);
}
