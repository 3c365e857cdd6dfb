// `service-plan ... | head -1`: when the reader goes away the command stops quietly (exit 0, no stack trace).
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const root = path.join(__dirname, "../..");
const built = fs.existsSync(path.join(root, "dist/src/cli/main.js"));
const maybe = built ? test : test.skip;

maybe("a closed pipe ends the command quietly", async () => {
  const child = spawn(process.execPath, [path.join(root, "bin/service-plan.js"), "demo", "--out", fs.mkdtempSync(path.join(os.tmpdir(), "gt-epipe-"))], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += String(d)));
  // Read the first chunk, then close the pipe as `head -1` does.
  child.stdout.once("data", () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  expect(stderr).not.toMatch(/EPIPE|at .*\.js:\d+/);
  expect(code).toBe(0);
});
