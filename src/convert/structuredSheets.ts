// Which sheets of a workbook are already format v1 (the output of a conversion or a Golden Thread
// plan) and so are never read as loose source sheets: this is what makes convert safe to run twice.
import { WorkbookSnapshot } from "../workbook/port";
import { FORMAT_VERSION_NAME, SHEETS, TABLES } from "../workbook/names";
import { detectWorkbookKind } from "../workbook/readPlan";
import { CYCLE_SHEETS, CYCLE_TABLES } from "../cycle/sheet";

/** Tables the converter writes beside the plan. */
export const UNMAPPED_TABLE = "Unmapped";
export const CONVERSION_MAP_TABLE = "ConversionMap";
export const UNMAPPED_SHEET = "Unmapped";

const STRUCTURED_TABLES = new Set<string>([...Object.values(TABLES), ...Object.values(CYCLE_TABLES), UNMAPPED_TABLE, CONVERSION_MAP_TABLE].map((t) => t.toLowerCase()));
const PLAN_SHEETS = new Set<string>([...Object.values(SHEETS), ...Object.values(CYCLE_SHEETS), UNMAPPED_SHEET].map((s) => s.toLowerCase()));

/**
 * A sheet is structured when it holds a format v1 table (Actions, Measures, Unmapped...), or when
 * the workbook is stamped as a v1 plan (the FormatVersion name, or a Plan sheet with its "Format
 * version" row) and the sheet has a v1 sheet name.
 * A loose workbook with its own sheet called "Actions" but no such table stays a source sheet.
 */
export function structuredSheetNames(snapshot: WorkbookSnapshot): Set<string> {
  const out = new Set<string>();
  for (const t of snapshot.tables) if (STRUCTURED_TABLES.has(t.name.toLowerCase())) out.add(t.sheet);
  const stamped = snapshot.names.some((n) => n.name === FORMAT_VERSION_NAME) || detectWorkbookKind(snapshot).kind === "plan";
  if (stamped) for (const s of snapshot.sheets) if (PLAN_SHEETS.has(s.name.toLowerCase())) out.add(s.name);
  return out;
}

/** The loose sheets to convert, in workbook order. */
export function sourceSheetNames(snapshot: WorkbookSnapshot): string[] {
  const structured = structuredSheetNames(snapshot);
  return snapshot.sheets.map((s) => s.name).filter((n) => !structured.has(n));
}
