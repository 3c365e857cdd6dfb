#!/usr/bin/env node
// `npm run validate`: checks the add-in manifests offline against Microsoft's add-in manifest
// schemas (copied into schemas/addin-manifest) with xmllint (Debian's libxml2-utils): the source
// manifest.xml (localhost), the production manifest as the build makes it for a sample ADDIN_URL,
// and the built dist/addin/manifest.xml when a build is there. No network.
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const SCHEMA = path.join(ROOT, "schemas", "addin-manifest", "OfficeAppManifestV1_1.xsd");
const SAMPLE_URL = "https://plans.example.gov.uk/golden-thread/";

/** Validates each manifest; returns one line per problem, naming the file (empty when all valid). */
function validateManifests({ built = path.join(ROOT, "dist", "addin", "manifest.xml") } = {}) {
  if (spawnSync("xmllint", ["--version"]).status !== 0) return { checked: [], problems: ["xmllint is not installed: install Debian's libxml2-utils (apt-get install libxml2-utils) and run again."] };
  const { manifestFor } = require(path.join(ROOT, "webpack.config.js"));
  const source = path.join(ROOT, "manifest.xml");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gt-manifest-"));
  const production = path.join(dir, "production-manifest.xml");
  fs.writeFileSync(production, manifestFor(fs.readFileSync(source, "utf8"), SAMPLE_URL));
  const files = [
    { file: source, name: "manifest.xml" },
    { file: production, name: `the production manifest for ${SAMPLE_URL}` },
    ...(fs.existsSync(built) ? [{ file: built, name: path.relative(ROOT, built) }] : []),
  ];
  const problems = [];
  try {
    for (const { file, name } of files) {
      const run = spawnSync("xmllint", ["--noout", "--schema", SCHEMA, file], { encoding: "utf8" });
      if (run.status === 0) continue;
      for (const line of run.stderr.split("\n")) if (line.trim() && !/ fails to validate$/.test(line)) problems.push(`${name}: ${line.startsWith(file) ? line.slice(file.length + 1) : line}`);
      if (!problems.some((p) => p.startsWith(`${name}:`))) problems.push(`${name}: does not validate against ${path.relative(ROOT, SCHEMA)}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { checked: files.map((f) => f.name), problems };
}

module.exports = { validateManifests, SAMPLE_URL };

if (require.main === module) {
  const result = validateManifests();
  for (const name of result.checked) if (!result.problems.some((p) => p.startsWith(`${name}:`))) console.log(`${name}: valid`);
  if (!result.checked.some((n) => n.startsWith("dist")))
    console.log("dist/addin/manifest.xml: not built (ADDIN_URL=https://... npm run build makes it); the production manifest was checked as the build makes it");
  if (result.problems.length > 0) {
    console.error(result.problems.join("\n"));
    process.exit(1);
  }
}
