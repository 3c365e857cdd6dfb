// Reads one return from disk, whatever its form (.xlsx, .json or a CSV folder), and never throws for
// a bad file: every problem comes back as issues naming the file, sheet and cell. Each .xlsx is read
// once into memory, its zip checked (zipGuard), then handed to ExcelJS.
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { ParsedReturn, parseReturn } from "../parseReturn";
import { isReturnCsvFolder, rawReturnFromCsvFolder } from "./returnCsv";
import { parseReturnJson } from "./returnJson";
import { CellRejected, rawReturnFromWorkbook } from "./returnXlsx";
import { DEFAULT_ZIP_LIMITS, ZipLimits, ZipRejected, checkXlsxPackage } from "./zipGuard";

/** A return file larger than this on disk is refused before it is read (a real one is well under 1 MB). */
export const MAX_RETURN_FILE_BYTES = 20 * 1024 * 1024;

const reject = (file: string, reason: string, sheet = "", cell = ""): ParsedReturn => ({ ok: false, issues: [{ file, sheet, cell, reason }] });

export async function readReturnXlsx(file: string, label = path.basename(file), limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ParsedReturn> {
  let buf: Buffer;
  try {
    // Sync on purpose: for a file this small one read call beats the promise API's chunked reads.
    buf = fs.readFileSync(file);
  } catch (e) {
    return reject(label, `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return readReturnXlsxBuffer(buf, label, limits);
}

export async function readReturnXlsxBuffer(buf: Buffer, label: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ParsedReturn> {
  if (buf.length > MAX_RETURN_FILE_BYTES) return reject(label, `the file is ${(buf.length / 1048576).toFixed(1)} MB (limit ${MAX_RETURN_FILE_BYTES / 1048576} MB)`);
  try {
    checkXlsxPackage(buf, limits);
  } catch (e) {
    if (e instanceof ZipRejected) return reject(label, e.message);
    throw e;
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch (e) {
    return reject(label, `not a readable workbook (${(e as Error).message})`);
  }
  try {
    return parseReturn(rawReturnFromWorkbook(wb), label);
  } catch (e) {
    if (e instanceof CellRejected) return reject(label, e.message, e.sheet, e.cell);
    throw e;
  }
}

export async function readReturnFile(file: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ParsedReturn> {
  const label = path.basename(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return reject(label, "file not found");
  }
  if (stat.isDirectory()) {
    if (!isReturnCsvFolder(file)) return reject(label, "a folder without return.csv is not a CSV return");
    try {
      return parseReturn(rawReturnFromCsvFolder(file), label);
    } catch (e) {
      return reject(label, (e as Error).message);
    }
  }
  if (/\.xlsx$/i.test(file)) return readReturnXlsx(file, label, limits);
  if (/\.json$/i.test(file)) {
    if (stat.size > MAX_RETURN_FILE_BYTES) return reject(label, `the file is ${(stat.size / 1048576).toFixed(1)} MB (limit ${MAX_RETURN_FILE_BYTES / 1048576} MB)`);
    return parseReturnJson(fs.readFileSync(file, "utf8"), label);
  }
  return reject(label, "not a return: expected an .xlsx workbook, a .json file or a CSV return folder");
}
