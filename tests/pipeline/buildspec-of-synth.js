#!/usr/bin/env node
'use strict';
// Prints, as JSON, what the synthesized toolchain template tells CodeBuild to do in the
// pipeline's Build stage: the Synth action's project, its environment variables, its buildspec
// commands (install, then build) and the folder that becomes the output artifact.
//   node buildspec-of-synth.js <toolchain template>
const fs = require('fs');

function main([file]) {
  if (!file) throw new Error('usage: node buildspec-of-synth.js <toolchain template>');
  const resources = JSON.parse(fs.readFileSync(file, 'utf8')).Resources;
  const pipelines = Object.values(resources).filter((r) => r.Type === 'AWS::CodePipeline::Pipeline');
  if (pipelines.length !== 1) throw new Error(`${file}: ${pipelines.length} pipelines, not 1`);
  const build = pipelines[0].Properties.Stages.find((s) => s.Name === 'Build');
  if (!build) throw new Error(`${file}: the pipeline has no Build stage`);
  const [action] = build.Actions;
  const projectRef = action.Configuration.ProjectName.Ref;
  const project = resources[projectRef];
  if (!project) throw new Error(`${file}: no project ${projectRef}`);
  const spec = JSON.parse(project.Properties.Source.BuildSpec);
  const phase = (name) => (spec.phases[name] && spec.phases[name].commands) || [];
  const env = {};
  for (const v of project.Properties.Environment.EnvironmentVariables || []) env[v.Name] = v.Value;
  console.log(JSON.stringify({
    project: projectRef,
    env,
    commands: [...phase('install'), ...phase('pre_build'), ...phase('build')],
    output: spec.artifacts['base-directory'],
  }));
}

try {
  main(process.argv.slice(2));
} catch (e) {
  console.error(`error: ${e.message}`);
  process.exit(2);
}
