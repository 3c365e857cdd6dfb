// Every error the CLI prints starts with one prefix, commander's own usage errors included.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const root = path.join(__dirname, "../..");
const maybe = fs.existsSync(path.join(root, "dist/src/cli/main.js")) ? test : test.skip;

maybe.each([
  [["qsr", "plan.xlsx"], "service-plan: required option '--period <period>' not specified"],
  [["frobnicate"], "service-plan: unknown command 'frobnicate'"],
  [["check", "no-such-plan.xlsx"], "service-plan: no-such-plan.xlsx"],
])("service-plan %j says %s", (args, expected) => {
  const run = spawnSync(process.execPath, [path.join(root, "bin/service-plan.js"), ...args], { encoding: "utf8", cwd: root });
  expect(run.status).not.toBe(0);
  expect(run.stderr.startsWith(expected)).toBe(true);
  expect(run.stderr).not.toMatch(/^error:|\n\s+at /m);
});
