// A return on disk, whatever its form (.xlsx, .json or a CSV folder): the bytes are read safely
// (file type and size before reading, at most the limit plus one byte: a named pipe, a device, a
// dangling link or a loop is one reject with its reason) and handed to the one return reader
// (readReturnBytes.ts, shared with the task pane) with zlib as the zip guard's inflater.
import * as fs from "fs";
import * as path from "path";
import { FileRejected, readInputFile } from "../../files/safeRead";
import { TextEncodingError } from "../../csv/encoding";
import { CsvSyntaxError } from "../../csv/parse";
import { OpenLimits, RETURN_LIMITS } from "../../xlsx/open";
import { ParsedReturn, parseReturn } from "../parseReturn";
import { rejectReturn as reject, readReturnBytes } from "./readReturnBytes";
import { isReturnCsvFolder, rawReturnFromCsvFolder } from "./returnCsv";
import { zlibInflate } from "./zipInflate.node";

export async function readReturnFile(file: string, limits: OpenLimits = RETURN_LIMITS, label = path.basename(file)): Promise<ParsedReturn> {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(file);
  } catch {
    stat = undefined; // the safe reader below says why (missing, dangling link, loop, permission)
  }
  if (stat?.isDirectory()) {
    if (!isReturnCsvFolder(file)) return reject(label, "a folder without return.csv is not a CSV return");
    try {
      return parseReturn(rawReturnFromCsvFolder(file), label);
    } catch (e) {
      if (e instanceof FileRejected || e instanceof TextEncodingError || e instanceof CsvSyntaxError) return reject(label, e.message);
      return reject(label, (e as Error).message);
    }
  }
  if (!/\.(xlsx|json)$/i.test(file)) return reject(label, "not a return: expected an .xlsx workbook, a .json file or a CSV return folder");
  let bytes: Buffer;
  try {
    bytes = readInputFile(file, limits.maxFileBytes, label);
  } catch (e) {
    if (e instanceof FileRejected) return reject(label, e.reason);
    throw e;
  }
  return readReturnBytes(label, bytes, { limits, inflate: zlibInflate });
}
