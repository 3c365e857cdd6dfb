// The Corporate Plan overview roll-up as a print-ready workbook: Summary, Returns, Actions, Measures,
// counts by directorate and by Corporate Plan priority, Exceptions, Missing and Rejects.
import * as fs from "fs";
import ExcelJS from "exceljs";
import { colourStatus, workbookBytes } from "../../xlsx/print";
import { COUNT_KEYS, Rollup } from "../collect";
import { RETURN_ACTION_COLUMNS, RETURN_EXCEPTION_COLUMNS, RETURN_HISTORY_COLUMNS, RETURN_MEASURE_COLUMNS, RETURN_SHEETS, RETURN_TARGET_CHANGE_COLUMNS, ReturnColumn } from "../schema";
import { addTableSheet, printSetup, STATUS_COLOURS } from "./returnXlsx";

const c = (key: string, header: string, kind: ReturnColumn["kind"] = "text", width = 14): ReturnColumn => ({ key, header, csv: key, kind, width });

const PROVENANCE: ReturnColumn[] = [c("planId", "Plan ID"), c("directorate", "Directorate", "text", 20), c("service", "Service", "text", 20), c("tier", "Tier", "text", 11)];
const SOURCE: ReturnColumn[] = [c("returnFile", "Return file", "text", 22)];

export const ROLLUP_SHEETS = {
  summary: "Summary",
  returns: "Returns",
  actions: "Actions",
  measures: "Measures",
  byDirectorate: "By directorate",
  byPriority: "By priority",
  exceptions: "Exceptions",
  targetChanges: RETURN_SHEETS.targetChanges,
  history: RETURN_SHEETS.history,
  dataQuality: "Data quality",
  drafts: "Drafts left out",
  missing: "Missing",
  rejects: "Rejects",
} as const;

const ROLLUP_RETURN_COLUMNS: ReturnColumn[] = [
  ...PROVENANCE,
  c("team", "Team", "text", 16),
  c("period", "Period", "text", 11),
  c("preparedBy", "Prepared by", "text", 18),
  c("preparedOn", "Prepared on", "text", 20),
  c("status", "Status", "text", 8),
  c("late", "Late", "flag", 7),
  c("actions", "Actions", "number", 8),
  c("measures", "Measures", "number", 9),
  c("exceptions", "Exceptions", "number", 10),
  c("planHash", "Plan content hash", "text", 20),
  ...SOURCE,
];

export const countColumns = (groupHeader: string, named = false): ReturnColumn[] => [
  c("group", groupHeader, "text", named ? 10 : 26),
  ...(named ? [c("name", "Priority", "text", 26)] : []),
  c("returns", "Returns", "number", 8),
  c("measures", "Measures", "number", 9),
  ...COUNT_KEYS.rag.map((k) => c(k, k.replace("RAG: ", ""), "number", 8)),
  ...COUNT_KEYS.direction.map((k) => c(k, k.replace("Direction: ", ""), "number", 10)),
  c("actions", "Actions", "number", 8),
  ...COUNT_KEYS.actionStatus.map((k) => c(k, k.replace("Action: ", ""), "number", 12)),
  c("exceptions", "Exceptions", "number", 10),
];

const ROLLUP_MISSING_COLUMNS: ReturnColumn[] = [
  c("expected", "Expected", "text", 24),
  c("kind", "Plan or directorate", "text", 12),
  c("status", "Status", "text", 10),
  c("preparedOn", "Prepared on", "text", 20),
  c("returnFile", "Return file(s)", "longText", 30),
];

const ROLLUP_DATA_QUALITY_COLUMNS: ReturnColumn[] = [
  c("measureId", "Measure ID", "text", 12),
  c("period", "Period", "text", 11),
  c("kind", "Finding", "text", 18),
  c("detail", "What is wrong", "longText", 70),
  c("file", "Return file(s)", "longText", 28),
  c("sheet", "Sheet", "text", 10),
  c("cell", "Cell(s)", "text", 10),
];

const ROLLUP_REJECT_COLUMNS: ReturnColumn[] = [c("file", "File", "text", 28), c("sheet", "Sheet", "text", 14), c("cell", "Cell", "text", 10), c("reason", "Reason", "longText", 80)];

const ACTION_ROWS: ReturnColumn[] = [...PROVENANCE, ...RETURN_ACTION_COLUMNS, ...SOURCE];
const MEASURE_ROWS: ReturnColumn[] = [...PROVENANCE, ...RETURN_MEASURE_COLUMNS, ...SOURCE, c("alsoReportedIn", "Also reported in", "text", 18)];
const EXCEPTION_ROWS: ReturnColumn[] = [...PROVENANCE, ...RETURN_EXCEPTION_COLUMNS, ...SOURCE];
const TARGET_CHANGE_ROWS: ReturnColumn[] = [...PROVENANCE, ...RETURN_TARGET_CHANGE_COLUMNS, ...SOURCE];
const HISTORY_ROWS: ReturnColumn[] = [...PROVENANCE, ...RETURN_HISTORY_COLUMNS, ...SOURCE];
const DRAFT_ROWS = ROLLUP_RETURN_COLUMNS.filter((x) => x.key !== "planHash");

/** Every table of the roll-up, once: the workbook's sheets and the CSV files both come from this list. */
export const ROLLUP_TABLES: { sheet: string; file: string; columns: ReturnColumn[]; rows: (r: Rollup) => object[] }[] = [
  { sheet: ROLLUP_SHEETS.returns, file: "returns", columns: ROLLUP_RETURN_COLUMNS, rows: (r) => r.returns },
  { sheet: ROLLUP_SHEETS.actions, file: "actions", columns: ACTION_ROWS, rows: (r) => r.actions },
  { sheet: ROLLUP_SHEETS.measures, file: "measures", columns: MEASURE_ROWS, rows: (r) => r.measures },
  { sheet: ROLLUP_SHEETS.byDirectorate, file: "by_directorate", columns: countColumns("Directorate"), rows: (r) => r.countsByDirectorate },
  { sheet: ROLLUP_SHEETS.byPriority, file: "by_priority", columns: countColumns("Corporate Plan priority", true), rows: (r) => r.countsByPriority },
  { sheet: ROLLUP_SHEETS.exceptions, file: "exceptions", columns: EXCEPTION_ROWS, rows: (r) => r.exceptions },
  { sheet: ROLLUP_SHEETS.targetChanges, file: "target_changes", columns: TARGET_CHANGE_ROWS, rows: (r) => r.targetChanges },
  { sheet: ROLLUP_SHEETS.history, file: "history", columns: HISTORY_ROWS, rows: (r) => r.history },
  { sheet: ROLLUP_SHEETS.dataQuality, file: "data_quality", columns: ROLLUP_DATA_QUALITY_COLUMNS, rows: (r) => r.dataQuality },
  { sheet: ROLLUP_SHEETS.drafts, file: "drafts_left_out", columns: DRAFT_ROWS, rows: (r) => r.draftsExcluded },
  { sheet: ROLLUP_SHEETS.missing, file: "missing", columns: ROLLUP_MISSING_COLUMNS, rows: (r) => r.missing },
  { sheet: ROLLUP_SHEETS.rejects, file: "rejects", columns: ROLLUP_REJECT_COLUMNS, rows: (r) => r.rejects },
];

export function rollupWorkbook(r: Rollup, generatedOn: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Golden Thread";
  const title = `Corporate Plan overview ${r.period}`;
  const summary = wb.addWorksheet(ROLLUP_SHEETS.summary);
  summary.columns = [{ width: 44 }, { width: 30 }];
  const lines: [string, string | number | Date][] = [
    ["Corporate Plan overview", r.period],
    ["Generated on", /^\d{4}-\d\d-\d\d$/.test(generatedOn) ? new Date(`${generatedOn}T00:00:00Z`) : generatedOn],
    ["Returns in the roll-up", r.returns.length],
    ["Draft returns counted", r.returns.filter((x) => x.status === "Draft").length],
    ["Draft returns left out (not counted)", r.draftsExcluded.length],
    ["Late returns", r.returns.filter((x) => x.late).length],
    ["Actions", r.actions.length],
    ["Measures (each corporate ID once)", r.measures.length],
    ["Data-quality findings", r.dataQuality.length],
    ["Exceptions", r.exceptions.length],
    ["Exceptions still missing information", r.exceptions.filter((e) => e.missing !== "").length],
    ["Changes to targets since sign-off (agreed)", r.targetChanges.length],
    ["Missing or late (against the expected list)", r.missing.length],
    ["Rejected files or problems", r.rejects.length],
  ];
  for (const [label, value] of lines) {
    const row = summary.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { horizontal: "left" };
    if (value instanceof Date) row.getCell(2).numFmt = "dd/mm/yyyy";
  }
  summary.getRow(1).font = { bold: true, size: 14 };
  // The RAG, direction and action status counts, each word in its own colour as everywhere else.
  const tally = (label: string, values: string[], order: readonly string[]) => {
    summary.addRow([]);
    summary.addRow([label]).getCell(1).font = { bold: true };
    for (const v of order) {
      const row = summary.addRow([v === "M" ? "M (cannot be measured yet)" : v, values.filter((x) => x === v).length]);
      row.getCell(2).alignment = { horizontal: "left" };
      colourStatus(row.getCell(1), STATUS_COLOURS[v]);
    }
  };
  const strip = (keys: string[], prefix: string) => keys.map((k) => k.replace(prefix, ""));
  tally(
    "Measures by RAG",
    r.measures.map((m) => m.rag),
    strip(COUNT_KEYS.rag, "RAG: "),
  );
  tally(
    "Measures by direction of travel",
    r.measures.map((m) => m.direction),
    strip(COUNT_KEYS.direction, "Direction: "),
  );
  tally(
    "Actions by status",
    r.actions.map((a) => a.status),
    strip(COUNT_KEYS.actionStatus, "Action: "),
  );
  printSetup(summary, title, "cover");
  for (const t of ROLLUP_TABLES) {
    const ws = addTableSheet(wb, t.sheet, t.columns, t.rows(r), title);
    // The content hash is for matching returns to plans, not for reading: kept, hidden, not printed.
    const hash = t.columns.findIndex((x) => x.key === "planHash");
    if (hash >= 0) ws.getColumn(hash + 1).hidden = true;
    // Status count columns carry their status colour in the header, so RAG counts read at a glance.
    if (t.file.startsWith("by_")) ws.getRow(1).eachCell((cell) => colourStatus(cell, STATUS_COLOURS[String(cell.value ?? "")]));
  }
  return wb;
}

export async function writeRollupXlsx(r: Rollup, file: string, generatedOn: string): Promise<void> {
  await fs.promises.writeFile(file, await workbookBytes(rollupWorkbook(r, generatedOn)));
}
