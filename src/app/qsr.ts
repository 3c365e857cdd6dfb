// The Quarterly Service Report return of a plan: what still needs explaining, the return itself, and
// its files (xlsx, CSV, JSON) as bytes for the face to save or hand to the user.
import type { Framework } from "../model/framework";
import type { Period } from "../model/period";
import { cellOf } from "../model/plan";
import { buildReturn, ExceptionInfoMissingError } from "../qsr/buildReturn";
import { describeMissing, describeNeeds, missingExceptionInfo } from "../qsr/exceptions";
import { CSV_FILES, returnCsvFiles } from "../qsr/files/returnCsv";
import { returnJson } from "../qsr/files/returnJson";
import type { QsrReturn } from "../qsr/schema";
import { OpenPlan, returnSettings } from "./plan";

export const RETURN_FORMATS = ["xlsx", "csv", "json"] as const;
export type ReturnFormat = (typeof RETURN_FORMATS)[number];

/** An exception (Red measure, action slipped over the limit) still missing its explanation. */
export interface ReturnGap {
  itemId: string;
  sheet: string;
  cell: string;
  message: string;
}

export function returnGaps(open: Pick<OpenPlan, "plan" | "settings">, period: Period, framework?: Framework): ReturnGap[] {
  return missingExceptionInfo(open.plan, returnSettings(open, framework), period).map((f) => ({
    itemId: f.id,
    sheet: f.source?.sheet ?? "",
    cell: f.source ? cellOf(f.source, f.missing[0]?.field ?? "id") : "",
    // The pane labels each gap by its item and cell already; the message says what it needs and why.
    message: `${f.rule}: ${describeNeeds(f)}`,
  }));
}

export interface ReturnRequest {
  period: Period;
  preparedBy: string;
  /** yyyy-mm-dd or yyyy-mm-ddThh:mm:ssZ */
  preparedOn: string;
  /** true: marked DRAFT; false: final (refused while exceptions lack information); "auto": draft only when they do. */
  draft: boolean | "auto";
  /** Overrides the plan's tolerances and slippage months. */
  framework?: Framework;
  fileName: string;
}

/** Builds the return; a final return with unexplained exceptions is refused, naming each cell. */
export function prepareReturn(open: Pick<OpenPlan, "plan" | "settings">, request: ReturnRequest): QsrReturn {
  const settings = returnSettings(open, request.framework);
  const draft = request.draft === "auto" ? missingExceptionInfo(open.plan, settings, request.period).length > 0 : request.draft;
  try {
    return buildReturn(open.plan, settings, request.period, { preparedBy: request.preparedBy, preparedOn: request.preparedOn, draft });
  } catch (e) {
    if (e instanceof ExceptionInfoMissingError) {
      const rows = e.missing.map((f) => `  ${f.source?.file ? "" : `${request.fileName} `}${describeMissing(f)}`).join("\n");
      throw new Error(`${request.fileName}: cannot write a final return: ${e.missing.length} exception(s) need more information (or make it a draft):\n${rows}`);
    }
    throw new Error(`${request.fileName}: ${(e as Error).message}`);
  }
}

/** OSP-ASCO-2024-25-Q2 (plus -DRAFT): safe on every file system, sorts by plan then period; a plan ID ending in the year does not repeat it. */
export function returnFileStem(r: QsrReturn): string {
  const safe = (s: string) => s.replace(/[^0-9A-Za-z]+/g, "-").replace(/^-|-$/g, "");
  const [id, period] = [safe(r.header.planId), safe(r.header.period)];
  const year = /^(\d{4})-(.*)$/.exec(period);
  const stem = year && id.endsWith(`-${year[1]}`) ? `${id}-${year[2]}` : `${id}-${period}`;
  return `${stem}${r.header.status === "Draft" ? "-DRAFT" : ""}`;
}

export interface ReturnFile {
  /** Relative path: "STEM.xlsx", "STEM.json", or "STEM-csv/actions.csv" (the CSV form is a folder of four files). */
  path: string;
  mimeType: string;
  bytes: Uint8Array;
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The return's files in the formats asked for. ExcelJS loads only when xlsx is asked for. */
export async function returnFiles(r: QsrReturn, formats: readonly ReturnFormat[]): Promise<ReturnFile[]> {
  const stem = returnFileStem(r);
  const text = (s: string) => new TextEncoder().encode(s);
  const files: ReturnFile[] = [];
  for (const format of formats) {
    if (format === "xlsx") {
      const [{ returnWorkbook }, { workbookBytes }] = await Promise.all([
        import(/* webpackChunkName: "qsr-xlsx" */ "../qsr/files/returnXlsx"),
        import(/* webpackChunkName: "qsr-xlsx" */ "../xlsx/print"),
      ]);
      files.push({ path: `${stem}.xlsx`, mimeType: XLSX_MIME, bytes: await workbookBytes(returnWorkbook(r)) });
    } else if (format === "json") {
      files.push({ path: `${stem}.json`, mimeType: "application/json", bytes: text(returnJson(r)) });
    } else {
      const csv = returnCsvFiles(r);
      for (const key of Object.keys(CSV_FILES) as (keyof typeof CSV_FILES)[]) {
        files.push({ path: `${stem}-csv/${CSV_FILES[key]}`, mimeType: "text/csv", bytes: text(csv[key]) });
      }
    }
  }
  return files;
}
