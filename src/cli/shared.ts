// Small pieces every CLI command needs: where the package lives, the framework, a user-facing error.
import * as fs from "fs";
import * as path from "path";
import { Framework, parseFramework } from "../model/framework";

/** The package root (holds examples/), whether running from dist/ or from src/ under ts-jest. */
export function packageRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, "package.json"))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error("cannot find the golden-thread package root");
    dir = up;
  }
  return dir;
}

export const EXAMPLE_FRAMEWORK = "examples/sefton-framework.json";

/** Loads --framework FILE, or the shipped Sefton example when none is given. */
export function loadFramework(file?: string): Framework {
  const target = file ?? path.join(packageRoot(), EXAMPLE_FRAMEWORK);
  if (!fs.existsSync(target)) throw new UserError(`${file}: framework file not found`);
  return parseFramework(fs.readFileSync(target, "utf8"), file ?? EXAMPLE_FRAMEWORK);
}

/** An error whose message is meant for the user as it stands (no stack trace). */
export class UserError extends Error {}

export function fail(err: unknown): void {
  process.stderr.write(`service-plan: ${err instanceof Error ? err.message : String(err)}\n`);
  if (!process.exitCode) process.exitCode = 1;
}
