#!/usr/bin/env node
// validate-gltf.mjs — run the Khronos glTF-Validator on .glb/.gltf files.
//
//   node tools/validate-gltf.mjs FILE.glb [FILE.glb...]
//
// Prints, for one file, one JSON object: {file, validatorVersion, numErrors,
// numWarnings, numInfos, numHints, messages: [{code, severity, pointer,
// message}]} (severity 0 error, 1 warning, 2 info, 3 hint; at most 100
// messages); for several files, a JSON array of those objects (one node
// start-up for all the variants of an avatar: LODs x compression).
// The validator knows KHR_mesh_quantization and EXT_meshopt_compression.
// Exit status: 0 iff every file has numErrors == 0; 1 if an asset has errors;
// 2 on usage or I/O errors or when the validator cannot parse an input.
// Uses the npm package gltf-validator (tools/package.json; `npm install` here).
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import * as validator from 'gltf-validator';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node tools/validate-gltf.mjs FILE.glb [FILE.glb...]');
  process.exit(2);
}

async function validate(file) {
let bytes;
try {
  bytes = new Uint8Array(await readFile(file));
} catch (e) {
  console.error(`validate-gltf: ${file}: ${e.message}`);
  process.exit(2);
}

let report;
try {
  report = await validator.validateBytes(bytes, {
    uri: basename(file),
    maxIssues: 100,
    writeTimestamp: false,
    // A GLB is self-contained: refuse external buffers/images.
    externalResourceFunction: (uri) => Promise.reject(`external resource not allowed: ${uri}`),
  });
} catch (e) {
  console.error(`validate-gltf: ${file}: ${e}`);
  process.exit(2);
}

const issues = report.issues;
const summary = {
  file,
  validatorVersion: report.validatorVersion,
  numErrors: issues.numErrors,
  numWarnings: issues.numWarnings,
  numInfos: issues.numInfos,
  numHints: issues.numHints,
  messages: issues.messages.map(({ code, severity, pointer, message }) =>
    ({ code, severity, pointer, message })),
};
return summary;
}

const summaries = [];
for (const file of files)
  summaries.push(await validate(file));
console.log(JSON.stringify(files.length === 1 ? summaries[0] : summaries, null, 2));
// exitCode, not process.exit(): exit() can cut a long report short when
// stdout is a pipe (the write is asynchronous).
process.exitCode = summaries.every((s) => s.numErrors === 0) ? 0 : 1;
