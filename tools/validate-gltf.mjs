#!/usr/bin/env node
// validate-gltf.mjs — run the Khronos glTF-Validator on one .glb/.gltf file.
//
//   node tools/validate-gltf.mjs FILE.glb
//
// Prints one JSON object: {file, validatorVersion, numErrors, numWarnings,
// numInfos, numHints, messages: [{code, severity, pointer, message}]}
// (severity 0 error, 1 warning, 2 info, 3 hint; at most 100 messages).
// Exit status: 0 iff numErrors == 0; 1 if the asset has errors; 2 on usage or
// I/O errors or when the validator cannot parse the input at all.
// Uses the npm package gltf-validator (tools/package.json; `npm install` here).
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import * as validator from 'gltf-validator';

const file = process.argv[2];
if (!file || process.argv.length > 3) {
  console.error('usage: node tools/validate-gltf.mjs FILE.glb');
  process.exit(2);
}

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
console.log(JSON.stringify(summary, null, 2));
process.exit(issues.numErrors === 0 ? 0 : 1);
