#!/usr/bin/env node
// The CLI is compiled TypeScript (npm's "prepare" step builds dist/ on install).
const path = require("path");
const fs = require("fs");
const main = path.join(__dirname, "..", "dist", "src", "cli", "main.js");
// Node lets its heap grow to several GB before collecting garbage, so reading 300 returns peaked at
// 1.1 GB of which a quarter was live. The command runs with a bounded heap instead (the largest
// plan and return set accepted fit well within it: npm run bench), unless the caller chose one.
const HEAP_MB = 768;
const heapChosen = [...process.execArgv, process.env.NODE_OPTIONS || ""].some((a) => a.includes("--max-old-space-size"));
if (!heapChosen && fs.existsSync(main)) {
  const { spawnSync } = require("child_process");
  const r = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, ...process.execArgv, __filename, ...process.argv.slice(2)], { stdio: "inherit" });
  if (r.error) {
    console.error(`service-plan: ${r.error.message}`);
    process.exitCode = 1;
  } else if (r.signal) process.kill(process.pid, r.signal);
  else process.exitCode = r.status;
} else if (!fs.existsSync(main)) {
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
