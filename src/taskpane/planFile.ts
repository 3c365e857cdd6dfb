// Reads a plan workbook the user picks (the parent plan) in the browser through the one opener
// (src/xlsx/open.ts): the same signature check, zip guard, structure guard and limits as the
// command line, ExcelJS loaded from the bytes and the same snapshot the file adapter gives, with no
// Node APIs. Loaded on demand: it pulls in ExcelJS and JSZip.
import { OpenLimits, openXlsx, PLAN_LIMITS } from "../xlsx/open";
import { workbookSnapshot } from "../xlsx/snapshot";
import type { WorkbookSnapshot } from "../workbook/port";

/** The plan limits, the same as the command line's (stated in the README). */
const PLAN_FILE_LIMITS: OpenLimits = PLAN_LIMITS;

/** The workbook in the file as the model reads it; throws one plain sentence naming the file when it cannot be read. */
export async function planFileSnapshot(fileName: string, data: ArrayBuffer | Uint8Array, limits: OpenLimits = PLAN_FILE_LIMITS): Promise<WorkbookSnapshot> {
  const opened = await openXlsx(data, fileName, limits);
  return workbookSnapshot(opened.workbook, opened.names);
}
