// The command line's side of the one overwrite rule (safeWrite.ts) for what each command writes:
// a workbook, text files, or a folder of them. Every path a command reads is passed as an input so
// that no spelling of it (a link, a hard link, ../) can be written.
import type { XlsxWorkbook } from "../xlsx/adapter";
import { CellTooLong } from "../xlsx/quotePrefix";
import { FileRejected } from "./safeRead";
import { checkOutputPath, OutputRules, writeOutputFile } from "./safeWrite";

export { checkOutputPath };
export type { OutputRules };

/** The inputs a command names (options left unset are skipped). */
export const inputsOf = (...files: (string | readonly string[] | undefined)[]): string[] => files.flat().filter((f): f is string => typeof f === "string" && f !== "");

/** Saves a workbook by the rule; a cell over Excel's limit is named with the file. */
export async function saveWorkbook(wb: XlsxWorkbook, out: string, rules: OutputRules): Promise<void> {
  checkOutputPath(out, rules);
  let bytes: Uint8Array;
  try {
    bytes = await wb.toBuffer();
  } catch (e) {
    if (e instanceof CellTooLong) throw new FileRejected(rules.label ?? out, `not written: ${e.message}`);
    throw e;
  }
  writeOutputFile(out, bytes, rules);
}

/** Writes bytes made by make() by the rule, checking the path first so no work is wasted on a refused path. */
export async function saveBytes(out: string, make: () => Promise<Uint8Array | string> | Uint8Array | string, rules: OutputRules): Promise<void> {
  checkOutputPath(out, rules);
  let data: Uint8Array | string;
  try {
    data = await make();
  } catch (e) {
    if (e instanceof CellTooLong) throw new FileRejected(rules.label ?? out, `not written: ${e.message}`);
    throw e;
  }
  writeOutputFile(out, data, rules);
}
