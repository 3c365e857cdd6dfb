// The return's Trends sheet: each measure's quarters so far (its earlier quarters from the return's
// history, then this quarter), with two Excel 2010 sparklines: the actuals by quarter, and how far
// each quarter was better or worse than its target (misses in red below the line, which is the
// target). Values only, like the rest of the return; the collector does not read this sheet.
import ExcelJS from "exceljs";
import { parsePeriod, Quarter } from "../../model/period";
import { againstTarget, QUARTERS_OF_YEAR } from "../../status/trend";
import { addSparklineGroup, sheetRange, TREND_COLOURS } from "../../xlsx/sparklines";
import { QsrReturn, ReturnColumn } from "../schema";
import { addTableSheet } from "./returnXlsx";

export const TRENDS_SHEET = "Trends";

const column = (key: string, header: string, kind: ReturnColumn["kind"], width: number): ReturnColumn => ({ key, header, kind, width, csv: key });

const QUARTER_COLUMNS = (suffix: string, header: string) => QUARTERS_OF_YEAR.map((q) => column(`q${q}${suffix}`, `Q${q} ${header}`, "number", 9));

const TREND_COLUMNS: ReturnColumn[] = [
  column("id", "Measure ID", "text", 12),
  column("name", "Measure", "longText", 40),
  column("polarity", "Polarity", "text", 9),
  ...QUARTER_COLUMNS("Actual", "actual"),
  column("trend", "Actual by quarter", "text", 16),
  ...QUARTER_COLUMNS("Target", "target"),
  ...QUARTER_COLUMNS("Against", "vs target (+ better)"),
  column("against", "Against target", "text", 16),
];

function quarterOf(period: string): { startYear: number; quarter: Quarter } | null {
  try {
    return parsePeriod(period);
  } catch {
    return null;
  }
}

/** One row per measure: actual and target for each quarter of the year reached so far. */
export function trendRows(r: QsrReturn): Record<string, unknown>[] {
  const now = quarterOf(r.header.period);
  return r.measures.map((m) => {
    const row: Record<string, unknown> = { id: m.id, name: m.name, polarity: m.polarity ?? "" };
    const set = (q: Quarter, actual: number | null, target: number | null) => {
      row[`q${q}Actual`] = actual;
      row[`q${q}Target`] = target;
      row[`q${q}Against`] = againstTarget(m.polarity, actual, target);
    };
    for (const h of r.history) {
      const p = quarterOf(h.period);
      if (h.itemType !== "Measure" || h.id !== m.id || !p || !now || p.startYear !== now.startYear || p.quarter >= now.quarter) continue;
      set(p.quarter, h.actual, h.target);
    }
    if (now) set(now.quarter, m.actual, m.target);
    return row;
  });
}

/** Adds the Trends sheet and its sparklines (written into the package with the workbook). */
export function addTrendsSheet(wb: ExcelJS.Workbook, r: QsrReturn, title: string): void {
  const rows = trendRows(r);
  const ws = addTableSheet(wb, TRENDS_SHEET, TREND_COLUMNS, rows, title);
  const letter = (key: string) => ws.getColumn(TREND_COLUMNS.findIndex((c) => c.key === key) + 1).letter;
  const range = (from: string, to: string, row: number) => sheetRange(TRENDS_SHEET, `${letter(from)}${row}:${letter(to)}${row}`);
  const rowNumbers = rows.map((_, i) => i + 2);
  // Rows tall enough for a sparkline to be read (a one-line row leaves it a few pixels high).
  for (const n of rowNumbers) ws.getRow(n).height = Math.max(ws.getRow(n).height ?? 0, 30);
  addSparklineGroup(wb, {
    sheet: TRENDS_SHEET,
    kind: "column",
    sparklines: rowNumbers.map((n) => ({ data: range("q1Actual", "q4Actual", n), cell: `${letter("trend")}${n}` })),
    colours: TREND_COLOURS,
    last: true,
    fromZero: true,
    axis: true,
  });
  addSparklineGroup(wb, {
    sheet: TRENDS_SHEET,
    kind: "column",
    sparklines: rowNumbers.map((n) => ({ data: range("q1Against", "q4Against", n), cell: `${letter("against")}${n}` })),
    colours: TREND_COLOURS,
    negative: true,
    axis: true,
  });
}
