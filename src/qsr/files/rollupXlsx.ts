// The Corporate Plan overview roll-up as a print-ready workbook: Summary, Returns, Actions, Measures,
// counts by directorate and by Corporate Plan priority, Exceptions, Missing and Rejects.
import * as fs from "fs";
import ExcelJS from "exceljs";
import { colourStatus, workbookBytes } from "../../xlsx/print";
import { COUNT_KEYS, Rollup } from "../collect";
import { RETURN_ACTION_COLUMNS, RETURN_EXCEPTION_COLUMNS, RETURN_MEASURE_COLUMNS, ReturnColumn } from "../schema";
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
  dataQuality: "Data quality",
  drafts: "Drafts left out",
  missing: "Missing",
  rejects: "Rejects",
} as const;

export const ROLLUP_RETURN_COLUMNS: ReturnColumn[] = [
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

export const ROLLUP_MISSING_COLUMNS: ReturnColumn[] = [
  c("expected", "Expected", "text", 24),
  c("kind", "Plan or directorate", "text", 12),
  c("status", "Status", "text", 10),
  c("preparedOn", "Prepared on", "text", 20),
  c("returnFile", "Return file(s)", "longText", 30),
];

export const ROLLUP_DATA_QUALITY_COLUMNS: ReturnColumn[] = [
  c("measureId", "Measure ID", "text", 12),
  c("period", "Period", "text", 11),
  c("kind", "Finding", "text", 18),
  c("detail", "What is wrong", "longText", 70),
  c("file", "Return file(s)", "longText", 28),
  c("sheet", "Sheet", "text", 10),
  c("cell", "Cell(s)", "text", 10),
];

export const ROLLUP_REJECT_COLUMNS: ReturnColumn[] = [c("file", "File", "text", 28), c("sheet", "Sheet", "text", 14), c("cell", "Cell", "text", 10), c("reason", "Reason", "longText", 80)];

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
  tally("Measures by RAG", r.measures.map((m) => m.rag), strip(COUNT_KEYS.rag, "RAG: "));
  tally("Measures by direction of travel", r.measures.map((m) => m.direction), strip(COUNT_KEYS.direction, "Direction: "));
  tally("Actions by status", r.actions.map((a) => a.status), strip(COUNT_KEYS.actionStatus, "Action: "));
  printSetup(summary, title, "cover");
  const returns = addTableSheet(wb, ROLLUP_SHEETS.returns, ROLLUP_RETURN_COLUMNS, r.returns, title);
  // The content hash is for matching returns to plans, not for reading: kept, hidden, not printed.
  returns.getColumn(ROLLUP_RETURN_COLUMNS.findIndex((x) => x.key === "planHash") + 1).hidden = true;
  addTableSheet(wb, ROLLUP_SHEETS.actions, [...PROVENANCE, ...RETURN_ACTION_COLUMNS, ...SOURCE], r.actions, title);
  addTableSheet(wb, ROLLUP_SHEETS.measures, [...PROVENANCE, ...RETURN_MEASURE_COLUMNS, ...SOURCE, c("alsoReportedIn", "Also reported in", "text", 18)], r.measures, title);
  for (const [name, group, counts, named] of [
    [ROLLUP_SHEETS.byDirectorate, "Directorate", r.countsByDirectorate, false],
    [ROLLUP_SHEETS.byPriority, "Corporate Plan priority", r.countsByPriority, true],
  ] as const) {
    const ws = addTableSheet(wb, name, countColumns(group, named), counts, title);
    // Status count columns carry their status colour in the header, so RAG counts read at a glance.
    ws.getRow(1).eachCell((cell) => colourStatus(cell, STATUS_COLOURS[String(cell.value ?? "")]));
  }
  addTableSheet(wb, ROLLUP_SHEETS.exceptions, [...PROVENANCE, ...RETURN_EXCEPTION_COLUMNS, ...SOURCE], r.exceptions, title);
  addTableSheet(wb, ROLLUP_SHEETS.dataQuality, ROLLUP_DATA_QUALITY_COLUMNS, r.dataQuality, title);
  addTableSheet(wb, ROLLUP_SHEETS.drafts, ROLLUP_RETURN_COLUMNS.filter((x) => x.key !== "planHash"), r.draftsExcluded, title);
  addTableSheet(wb, ROLLUP_SHEETS.missing, ROLLUP_MISSING_COLUMNS, r.missing, title);
  addTableSheet(wb, ROLLUP_SHEETS.rejects, ROLLUP_REJECT_COLUMNS, r.rejects, title);
  return wb;
}

export async function writeRollupXlsx(r: Rollup, file: string, generatedOn: string): Promise<void> {
  await fs.promises.writeFile(file, await workbookBytes(rollupWorkbook(r, generatedOn)));
}
