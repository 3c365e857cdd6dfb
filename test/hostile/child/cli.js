/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS: runs before any TypeScript can */
// The service-plan command from the TypeScript sources, for child-process tests. On exit it writes
// the process's peak resident memory (bytes) to the file named by GT_PEAK_RSS_FILE, if set.
require("./register");
const fs = require("fs");
process.on("exit", () => {
  if (process.env.GT_PEAK_RSS_FILE) fs.writeFileSync(process.env.GT_PEAK_RSS_FILE, String(process.resourceUsage().maxRSS * 1024));
});
require("../../../src/cli/main")
  .main(process.argv)
  .catch((e) => {
    process.stderr.write(`service-plan: ${e && e.message ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
