// The one opener (open.ts) for a file on disk: the safe reader first (file type and size before a
// byte is read), then zlib as the zip guard's inflater. Command line only (Node APIs).
import * as path from "path";
import { FileRejected, readInputFile } from "../files/safeRead";
import { zlibInflate } from "../qsr/files/zipInflate.node";
import { OpenedXlsx, OpenLimits, openXlsx } from "./open";
import { XlsxReadError } from "./readError";

/** Opens an .xlsx file within the limits; throws XlsxReadError naming the file for anything refused. */
export async function openXlsxFile(file: string, limits: OpenLimits, label = path.basename(file)): Promise<OpenedXlsx> {
  return openXlsx(xlsxFileBytes(file, limits.maxFileBytes), label, limits, zlibInflate);
}

/** The bytes of an .xlsx file through the safe reader; XlsxReadError for a path that cannot be read. */
export function xlsxFileBytes(file: string, maxBytes: number): Buffer {
  try {
    return readInputFile(file, maxBytes, file);
  } catch (e) {
    // About the path itself (missing, a folder, a pipe): named as the user gave it.
    if (e instanceof FileRejected) throw new XlsxReadError(file, e.reason);
    throw e;
  }
}
