// Small pieces every CLI command needs: where the package lives, the framework, a user-facing error.
import * as fs from "fs";
import * as path from "path";
import { IsoDate, parseUserDate } from "../model/dates";
import { Framework, parseFramework } from "../model/framework";
import { TextEncodingError } from "../csv/encoding";
import { readTextFile } from "../csv/readFile";
import { FileRejected } from "../files/safeRead";

/** The largest framework file accepted (a real one is a few kilobytes). */
const MAX_FRAMEWORK_BYTES = 1024 * 1024;

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

const EXAMPLE_FRAMEWORK = "examples/sefton-framework.json";

/** Loads --framework FILE, or the shipped Sefton example when none is given. */
export function loadFramework(file?: string): Framework {
  const target = file ?? path.join(packageRoot(), EXAMPLE_FRAMEWORK);
  let text: string;
  try {
    // The safe reader: a pipe, a device or a huge file named as the framework is refused unread.
    text = readTextFile(target, MAX_FRAMEWORK_BYTES, file ?? EXAMPLE_FRAMEWORK).text;
  } catch (e) {
    if (e instanceof FileRejected || e instanceof TextEncodingError) throw new UserError(e.message.replace(/: file not found$/, ": framework file not found"));
    throw e;
  }
  return parseFramework(text, file ?? EXAMPLE_FRAMEWORK);
}

/** A date option: dd/mm/yyyy (or yyyy-mm-dd) -> yyyy-mm-dd; refused in words naming the option. */
export function parseDateOption(text: string | undefined, option: string): IsoDate {
  const iso = parseUserDate(text ?? "");
  if (!iso) throw new UserError(`${option}: "${(text ?? "").trim()}" is not a date; write it as dd/mm/yyyy`);
  return iso;
}

/** An error whose message is meant for the user as it stands (no stack trace). */
export class UserError extends Error {}

export function fail(err: unknown): void {
  process.stderr.write(`service-plan: ${err instanceof Error ? err.message : String(err)}\n`);
  if (!process.exitCode) process.exitCode = 1;
}
