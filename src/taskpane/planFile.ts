// Reads a plan workbook the user picks (the parent plan) in the browser: the zip guard, ExcelJS
// loaded from the bytes and the same snapshot the file adapter gives, with no Node APIs (the file
// adapter, src/xlsx/adapter.ts, uses Buffer). Loaded on demand: it pulls in ExcelJS and JSZip.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { checkXlsxPackage, DEFAULT_ZIP_LIMITS, ZipLimits, ZipRejected } from "../qsr/files/zipGuard";
import { jszipInflate } from "../qsr/files/zipInflate";
import { liftTableFormulas, readDefinedNames } from "../xlsx/packageParts";
import { workbookSnapshot } from "../xlsx/snapshot";
import type { WorkbookSnapshot } from "../workbook/port";

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** A plan is bigger than a return (up to some 20,000 rows) but nowhere near these limits. */
export const PLAN_FILE_LIMITS: ZipLimits = { ...DEFAULT_ZIP_LIMITS, maxUncompressedBytes: 100 * 1024 * 1024 };

/** The workbook in the file as the model reads it; throws one plain sentence naming the file when it cannot be read. */
export async function planFileSnapshot(fileName: string, data: ArrayBuffer | Uint8Array, limits: ZipLimits = PLAN_FILE_LIMITS): Promise<WorkbookSnapshot> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const fail = (reason: string) => new Error(`${fileName}: ${reason}`);
  if (bytes.length === 0) throw fail("the file is empty (0 bytes)");
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) {
    throw fail("this is an old-format (.xls) or password-protected workbook; open it in Excel, remove any password and save it as .xlsx");
  }
  try {
    await checkXlsxPackage(bytes, limits, jszipInflate(bytes));
  } catch (e) {
    if (e instanceof ZipRejected) throw fail(e.message);
    throw e;
  }
  const wb = new ExcelJS.Workbook();
  let names;
  try {
    const zip = await JSZip.loadAsync(bytes);
    names = await readDefinedNames(zip);
    // ExcelJS misreads tables with calculated columns: lift those formulas first, as the file adapter does.
    await liftTableFormulas(zip);
    await wb.xlsx.load((await zip.generateAsync({ type: "uint8array" })) as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw fail(`the workbook is damaged and cannot be read (${(e as Error).message})`);
  }
  return workbookSnapshot(wb, names);
}
