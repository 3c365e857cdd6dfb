#!/usr/bin/env node
// The CLI is compiled TypeScript (npm's "prepare" step builds dist/ on install).
const path = require("path");
const fs = require("fs");
const main = path.join(__dirname, "..", "dist", "src", "cli", "main.js");
if (!fs.existsSync(main)) {
  console.error("service-plan: not built yet. Run `npm run build:cli` (or `npm ci`, which builds it) in " + path.dirname(__dirname));
  process.exitCode = 1;
} else {
  // `service-plan demo | head -1`: the reader went away; stop quietly, as git and ripgrep do.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (err) => {
      if (err && err.code === "EPIPE") process.exit(process.exitCode || 0);
      throw err;
    });
  }
  require(main).main(process.argv).catch((err) => {
    console.error(`service-plan: ${err && err.message ? err.message : err}`);
    process.exitCode = process.exitCode || 1;
  });
}
