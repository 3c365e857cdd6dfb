// Reads one return from its bytes (.xlsx or .json), with no Node APIs, so the task pane can collect
// returns the user picks; the command line reads files through readReturnFile.ts, which ends here too.
// Never throws for a bad file: every problem comes back as issues naming the file, sheet and cell.
import ExcelJS from "exceljs";
import { ParsedReturn, parseReturn } from "../parseReturn";
import { parseReturnJson } from "./returnJson";
import { CellRejected, rawReturnFromWorkbook } from "./returnXlsx";
import { CappedInflate, checkXlsxPackage, DEFAULT_ZIP_LIMITS, ZipLimits, ZipRejected } from "./zipGuard";
import { jszipInflate } from "./zipInflate";

/** A return file larger than this is refused before it is read (a real one is well under 1 MB). */
export const MAX_RETURN_FILE_BYTES = 20 * 1024 * 1024;

export const rejectReturn = (file: string, reason: string, sheet = "", cell = ""): ParsedReturn => ({ ok: false, issues: [{ file, sheet, cell, reason }] });

export const tooBig = (file: string, bytes: number): ParsedReturn | null =>
  bytes > MAX_RETURN_FILE_BYTES ? rejectReturn(file, `the file is ${(bytes / 1048576).toFixed(1)} MB (limit ${MAX_RETURN_FILE_BYTES / 1048576} MB)`) : null;

const asBytes = (bytes: Uint8Array | ArrayBuffer): Uint8Array => (bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));

/** An .xlsx return: size, then the zip guard, then ExcelJS, then the return's own checks. */
export async function readReturnXlsxBytes(
  data: Uint8Array | ArrayBuffer,
  label: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  inflate?: CappedInflate,
): Promise<ParsedReturn> {
  const bytes = asBytes(data);
  const big = tooBig(label, bytes.length);
  if (big) return big;
  try {
    await checkXlsxPackage(bytes, limits, inflate ?? jszipInflate(bytes));
  } catch (e) {
    if (e instanceof ZipRejected) return rejectReturn(label, e.message);
    throw e;
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    return rejectReturn(label, `not a readable workbook (${(e as Error).message})`);
  }
  try {
    return parseReturn(rawReturnFromWorkbook(wb), label);
  } catch (e) {
    if (e instanceof CellRejected) return rejectReturn(label, e.message, e.sheet, e.cell);
    throw e;
  }
}

/** A return picked as a file: .xlsx or .json by its name (CSV returns are folders: the command line reads those). */
export async function readReturnBytes(name: string, data: Uint8Array | ArrayBuffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ParsedReturn> {
  if (/\.xlsx$/i.test(name)) return readReturnXlsxBytes(data, name, limits);
  if (/\.json$/i.test(name)) {
    const bytes = asBytes(data);
    const big = tooBig(name, bytes.length);
    if (big) return big;
    return parseReturnJson(new TextDecoder("utf-8").decode(bytes), name);
  }
  if (/\.csv$/i.test(name)) return rejectReturn(name, "a CSV return is a folder of four files: collect it with the command line (service-plan collect), or pick its xlsx or JSON form");
  return rejectReturn(name, "not a return: expected an .xlsx workbook or a .json file");
}
