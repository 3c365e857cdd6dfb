// THE one way a return is read: from its name and bytes (.xlsx or .json), with no Node APIs, so the
// task pane reads the returns the user picks exactly as the command line reads files (which reads
// the bytes safely in readReturnFile.ts and ends here too). The .xlsx form goes through the one
// opener (src/xlsx/open.ts) with the return limits. Never throws for a bad file: every problem
// comes back as issues naming the file, sheet and cell.
import { decodeText, TextEncodingError } from "../../csv/encoding";
import { openXlsx, RETURN_LIMITS, OpenLimits } from "../../xlsx/open";
import { XlsxReadError } from "../../xlsx/readError";
import { ParsedReturn, parseReturn } from "../parseReturn";
import { RETURN_SHEETS } from "../schema";
import { parseReturnJson } from "./returnJson";
import { CellRejected, rawReturnFromWorkbook } from "./returnXlsx";
import type { CappedInflate } from "./zipGuard";

export const rejectReturn = (file: string, reason: string, sheet = "", cell = ""): ParsedReturn => ({ ok: false, issues: [{ file, sheet, cell, reason }] });

export interface ReadReturnOptions {
  limits?: OpenLimits;
  /** zlib's on the command line; JSZip's (the default) in the browser. */
  inflate?: CappedInflate;
}

const asBytes = (bytes: Uint8Array | ArrayBuffer): Uint8Array => (bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));

// The sheets rawReturnFromWorkbook reads, found by name in any case as it finds them; the Trends
// sheet is for people (its sparklines draw the figures the Measures sheet holds) and is not loaded.
const READ_SHEETS = new Set(Object.values(RETURN_SHEETS).map((s) => s.toLowerCase()));
const isReadSheet = (sheet: string) => READ_SHEETS.has(sheet.trim().toLowerCase());

async function readXlsx(bytes: Uint8Array, label: string, opts: ReadReturnOptions): Promise<ParsedReturn> {
  let opened;
  try {
    opened = await openXlsx(bytes, label, opts.limits ?? RETURN_LIMITS, opts.inflate, isReadSheet);
  } catch (e) {
    if (e instanceof XlsxReadError) return rejectReturn(label, e.reason, e.sheet, e.cell);
    return rejectReturn(label, `not a readable workbook (${(e as Error).message})`);
  }
  try {
    return parseReturn(rawReturnFromWorkbook(opened.workbook), label);
  } catch (e) {
    if (e instanceof CellRejected) return rejectReturn(label, e.message, e.sheet, e.cell);
    return rejectReturn(label, `cannot be read as a return (${(e as Error).message})`);
  }
}

/** A return given as its name and bytes: .xlsx or .json by its name (CSV returns are folders: the command line reads those). */
export async function readReturnBytes(name: string, data: Uint8Array | ArrayBuffer, opts: ReadReturnOptions = {}): Promise<ParsedReturn> {
  const bytes = asBytes(data);
  const limit = (opts.limits ?? RETURN_LIMITS).maxFileBytes;
  if (bytes.length > limit) return rejectReturn(name, `the file is ${(bytes.length / 1048576).toFixed(1)} MB (limit ${(limit / 1048576).toFixed(1)} MB)`);
  if (/\.xlsx$/i.test(name)) return readXlsx(bytes, name, opts);
  if (/\.json$/i.test(name)) {
    try {
      const decoded = decodeText(bytes, name);
      return parseReturnJson(decoded.text, name);
    } catch (e) {
      if (e instanceof TextEncodingError) return rejectReturn(name, `line ${e.line}, column ${e.column}: ${e.problem}`);
      throw e;
    }
  }
  if (/\.csv$/i.test(name)) return rejectReturn(name, "a CSV return is a folder of four files: collect it with the command line (service-plan collect), or pick its xlsx or JSON form");
  return rejectReturn(name, "not a return: expected an .xlsx workbook or a .json file");
}
