// Next year's plan as an .xlsx file, made in the pane from the open workbook (only read) through the
// roll-forward use case, for the pane to open as a new workbook or download. Loaded on demand: it
// pulls in ExcelJS and JSZip.
import { rollForwardPlan, RollForwardRequest } from "../app/rollForward";
import { XLSX_MIME } from "../app/qsr";
import type { RollForwardSummary } from "../cycle/rollForward";
import type { WorkbookPort } from "../workbook/port";
import { XlsxWorkbook } from "../xlsx/adapter";
import type { ExportedFile } from "./paneModel";

export async function rollForwardFile(from: WorkbookPort, request: RollForwardRequest): Promise<{ file: ExportedFile; summary: RollForwardSummary }> {
  const to = XlsxWorkbook.create("next year's plan");
  const result = await rollForwardPlan(from, to, request);
  const fileName = `${result.planId} ${result.planYear.replace("/", "-")}.xlsx`;
  return { file: { fileName, mimeType: XLSX_MIME, bytes: await to.toBytes() }, summary: result.summary };
}
