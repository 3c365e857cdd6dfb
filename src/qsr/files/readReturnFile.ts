// Reads one return from disk, whatever its form (.xlsx, .json or a CSV folder), and never throws for
// a bad file: every problem comes back as issues naming the file, sheet and cell. Each .xlsx is read
// once into memory and handed to the byte reader (readReturnBytes.ts, shared with the task pane)
// with zlib as the zip guard's inflater.
import * as fs from "fs";
import * as path from "path";
import { ParsedReturn, parseReturn } from "../parseReturn";
import { isReturnCsvFolder, rawReturnFromCsvFolder } from "./returnCsv";
import { parseReturnJson } from "./returnJson";
import { MAX_RETURN_FILE_BYTES, readReturnXlsxBytes, rejectReturn as reject, tooBig } from "./readReturnBytes";
import { DEFAULT_ZIP_LIMITS, ZipLimits } from "./zipGuard";
import { zlibInflate } from "./zipInflate.node";

export { MAX_RETURN_FILE_BYTES };

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

export async function readReturnXlsxBuffer(buf: Uint8Array, label: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ParsedReturn> {
  return readReturnXlsxBytes(buf, label, limits, zlibInflate);
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
    const big = tooBig(label, stat.size);
    if (big) return big;
    return parseReturnJson(fs.readFileSync(file, "utf8"), label);
  }
  return reject(label, "not a return: expected an .xlsx workbook, a .json file or a CSV return folder");
}
