// The CPOR as a print-ready workbook: a cover, the counts by priority, then one table per part of the
// report (key measures with their quarters, exceptions, slipped actions, what changed, changes to
// targets since sign-off, latest data, data quality), each with a Priority column so the BI team can filter and the pages repeat headers.
import ExcelJS from "exceljs";
import { colourStatus } from "../../xlsx/print";
import { countColumns } from "../../qsr/files/rollupXlsx";
import { addTableSheet, printSetup, STATUS_COLOURS } from "../../qsr/files/returnXlsx";
import { ReturnColumn } from "../../qsr/schema";
import { Cpor, shownDataQuality } from "../cpor";

/** "CP2: Adult Social Care", as every sheet's Priority column shows it. */
const priorityLabel = (p: { id: string; title: string }) => `${p.id}: ${p.title}`;

/** "England: 71.2 (2023/24); North West: 69.8" in one cell. */
const comparatorText = (comparators: readonly { name: string; value: unknown; period?: string }[]) => comparators.map((x) => `${x.name}: ${x.value}${x.period ? ` (${x.period})` : ""}`).join("; ");

const c = (key: string, header: string, kind: ReturnColumn["kind"] = "text", width = 14): ReturnColumn => ({ key, header, csv: key, kind, width });
// Wrapped: a priority title is longer than the column, and a cut-off title reads as another priority.
const PRIORITY = c("priority", "Priority", "longText", 20);

export const CPOR_SHEETS = {
  cover: "Report",
  glance: "At a glance",
  keyMeasures: "Key measures",
  exceptions: "Exceptions",
  slipped: "Slipped actions",
  changes: "Changes",
  targetChanges: "Changes to targets",
  unagreed: "Changed without agreement",
  latest: "Latest data",
  dataQuality: "Data quality",
} as const;

export function cporWorkbook(r: Cpor): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Golden Thread";
  const title = `${r.council} Corporate Plan Overview Report ${r.period}`;
  const cover = wb.addWorksheet(CPOR_SHEETS.cover);
  cover.columns = [{ width: 48 }, { width: 40 }];
  const lines: [string, string | number | Date][] = [
    ["Corporate Plan Overview Report", r.period],
    ["Council", r.council],
    ["Produced", /^\d{4}-\d\d-\d\d$/.test(r.generatedOn) ? new Date(`${r.generatedOn}T00:00:00Z`) : r.generatedOn],
    ["Returns in this report", r.returns],
    ["Draft returns left out", r.draftsLeftOut.length ? r.draftsLeftOut.join(", ") : "None"],
    ["Problems rejected in the roll-up", r.rejected],
    ["Measures", r.totals.measures],
    ["Actions", r.totals.actions],
    ["Exceptions", r.totals.exceptions],
    ["Data-quality findings", r.dataQuality.length],
    // Printed on the cover, so a pack with no changes still says so (a sheet with no rows prints no page).
    ["Changes to targets agreed since sign-off", r.targetChanges.length || "None this quarter"],
    ["Changed without agreement", r.unagreedChanges === null ? "Not checked: no sign-off records given" : r.unagreedChanges.length || "None this quarter"],
  ];
  for (const [label, value] of lines) {
    const row = cover.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { horizontal: "left", wrapText: true };
    if (value instanceof Date) row.getCell(2).numFmt = "dd/mm/yyyy";
  }
  cover.getRow(1).font = { bold: true, size: 14 };
  printSetup(cover, title, "cover");

  const glance = addTableSheet(wb, CPOR_SHEETS.glance, countColumns("Priority", true), [...r.priorities.map((p) => p.counts), { ...r.totals, group: "All priorities", name: "" }], title);
  glance.getRow(1).eachCell((cell) => colourStatus(cell, STATUS_COLOURS[String(cell.value ?? "")]));

  const quarters = ["Baseline", "Q1", "Q2", "Q3", "Q4"];
  const keyRows = r.priorities.flatMap((p) =>
    p.keyMeasures.map((m) => ({
      priority: priorityLabel(p),
      ...m,
      ...Object.fromEntries(m.trend.map((t) => [`trend ${t.label}`, t.value])),
      comparators: comparatorText(m.comparators),
    })),
  );
  addTableSheet(
    wb,
    CPOR_SHEETS.keyMeasures,
    [
      PRIORITY,
      c("id", "Measure ID", "text", 10),
      c("name", "Measure", "longText", 40),
      c("planId", "Plan", "text", 12),
      c("unit", "Unit", "text", 7),
      c("actual", "Actual", "number", 9),
      c("target", "Target", "number", 9),
      c("rag", "RAG", "choice", 10),
      c("direction", "Direction of travel", "choice", 12),
      ...quarters.map((q) => c(`trend ${q}`, q, "number", 9)),
      c("annualTarget", "Annual target", "number", 9),
      c("latestPeriod", "Latest data", "text", 14),
      c("comparators", "Comparators", "longText", 24),
    ],
    keyRows,
    title,
  );
  addTableSheet(
    wb,
    CPOR_SHEETS.exceptions,
    [
      PRIORITY,
      c("itemType", "Action or measure", "text", 10),
      c("id", "ID", "text", 12),
      c("title", "Action or measure", "longText", 36),
      c("planId", "Plan", "text", 12),
      c("status", "Status", "choice", 14),
      c("reason", "Reason", "longText", 30),
      c("correctiveAction", "Corrective action", "longText", 30),
      c("recoveryDate", "Recovery date", "date", 11),
      c("missing", "Still missing", "longText", 20),
    ],
    r.priorities.flatMap((p) => p.exceptions.map((e) => ({ priority: priorityLabel(p), ...e }))),
    title,
  );
  addTableSheet(
    wb,
    CPOR_SHEETS.slipped,
    [
      PRIORITY,
      c("id", "Action ID", "text", 12),
      c("action", "Action", "longText", 40),
      c("planId", "Plan", "text", 12),
      c("leadOfficer", "Lead officer", "text", 18),
      c("dueDate", "Due date", "date", 11),
      c("revisedDueDate", "Revised due date", "date", 11),
      c("slippageReason", "Reason for slippage", "longText", 28),
      c("correctiveAction", "Corrective action", "longText", 28),
      c("recoveryDate", "Recovery date", "date", 11),
    ],
    r.priorities.flatMap((p) => p.slipped.map((a) => ({ priority: priorityLabel(p), ...a }))),
    title,
  );
  const changeRows = r.priorities.flatMap((p) =>
    p.changes
      ? [
          ...p.changes.newReds.map((m) => ({ priority: priorityLabel(p), change: "New Red", id: m.id, title: m.name, detail: `was ${m.was}`, since: p.changes!.since })),
          ...p.changes.recovered.map((m) => ({ priority: priorityLabel(p), change: "Recovered from Red", id: m.id, title: m.name, detail: `now ${m.now}`, since: p.changes!.since })),
          ...p.changes.newlySlipped.map((a) => ({ priority: priorityLabel(p), change: "Newly slipped more than 3 months", id: a.id, title: a.action, detail: a.planId, since: p.changes!.since })),
        ]
      : [],
  );
  addTableSheet(
    wb,
    CPOR_SHEETS.changes,
    [PRIORITY, c("change", "Change", "text", 18), c("id", "ID", "text", 12), c("title", "Action or measure", "longText", 44), c("detail", "Detail", "text", 16), c("since", "Since", "text", 11)],
    changeRows,
    title,
  );
  addTableSheet(
    wb,
    CPOR_SHEETS.targetChanges,
    [
      // Narrower than the page's other tables so the reason stays on the page (A4 landscape at 80% holds about 160 units).
      PRIORITY,
      c("planId", "Plan", "text", 12),
      c("id", "ID", "text", 10),
      c("name", "Action or measure", "longText", 24),
      c("field", "What changed", "longText", 12),
      c("was", "Was (signed off)", "text", 10),
      c("now", "Now (agreed)", "text", 10),
      c("agreedBy", "Agreed by", "longText", 14),
      c("agreedOn", "Date agreed", "date", 11),
      c("reason", "Why", "longText", 26),
    ],
    r.targetChanges,
    title,
  );
  addTableSheet(
    wb,
    CPOR_SHEETS.unagreed,
    [c("planId", "Plan", "text", 14), c("returnFile", "Return", "longText", 30), c("detail", "What the check found", "longText", 100)],
    r.unagreedChanges ?? [],
    title,
  );
  addTableSheet(
    wb,
    CPOR_SHEETS.latest,
    [
      c("id", "Measure ID", "text", 10),
      c("name", "Measure", "longText", 44),
      c("planId", "Plan", "text", 12),
      c("actual", "Actual", "number", 9),
      c("rag", "RAG", "choice", 10),
      c("direction", "Direction of travel", "choice", 12),
      c("latestPeriod", "Latest data", "text", 14),
      c("comparators", "Comparators", "longText", 30),
    ],
    r.measures.map((m) => ({ ...m, comparators: comparatorText(m.comparators) })),
    title,
  );
  addTableSheet(
    wb,
    CPOR_SHEETS.dataQuality,
    [c("measureId", "Measure ID", "text", 10), c("kind", "Finding", "text", 16), c("detail", "Detail", "longText", 70), c("file", "Return file(s)", "longText", 24), c("cell", "Cell(s)", "text", 10)],
    shownDataQuality(r.dataQuality),
    title,
  );
  return wb;
}
