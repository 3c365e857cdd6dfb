// What the planning-year commands (signoff, agree-change, record, rollover) share: open a plan file,
// write the result to --out (never the input, never over a file without --force), dates in UK form.
import * as path from "path";
import { FileRejected } from "../../files/safeRead";
import { checkOutputPath, writeOutputFile } from "../../files/safeWrite";
import { XlsxWorkbook } from "../../xlsx/adapter";
import { UserError } from "../shared";

export interface OutOptions {
  out: string;
  force?: boolean;
  json?: boolean;
}

export { parseDateOption } from "../shared";

/** Checks --out before any work, then opens the plan. */
export async function openForChange(file: string, opts: OutOptions): Promise<XlsxWorkbook> {
  if (!/\.xlsx$/i.test(opts.out)) throw new UserError(`--out: "${opts.out}" must name an .xlsx file`);
  try {
    checkOutputPath(opts.out, { inputs: [file], force: opts.force, label: opts.out });
  } catch (e) {
    if (e instanceof FileRejected) throw new UserError(e.message);
    throw e;
  }
  return XlsxWorkbook.open(file);
}

export async function saveTo(wb: XlsxWorkbook, file: string, opts: OutOptions): Promise<void> {
  try {
    writeOutputFile(opts.out, await wb.toBuffer(), { inputs: [file], force: opts.force, label: opts.out });
  } catch (e) {
    if (e instanceof FileRejected) throw new UserError(e.message);
    throw e;
  }
}

export const baseName = (file: string) => path.basename(file);

/** Domain and use-case errors are the user's to read as they stand. */
export function asUserError(e: unknown): unknown {
  return e instanceof Error && !(e instanceof UserError) && /^(SignOffError|PeriodError|RollForwardError|Error)$/.test(e.name) ? new UserError(e.message) : e;
}
