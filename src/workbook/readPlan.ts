// A plan workbook snapshot -> the model. Tables are found by name and columns by header (any order;
// extra columns are kept out of the model, not an error). Every row keeps its cell addresses, and
// every problem names file, sheet, cell and what is wrong.
import { z } from "zod";
import { IsoDate } from "../model/dates";
import { DEFAULT_SLIPPAGE_MONTHS, DEFAULT_TOLERANCES, Tolerances } from "../model/framework";
import {
  ACTION_COLUMNS,
  actionSchema,
  Column,
  FORMAT_VERSION,
  Located,
  MEASURE_COLUMNS,
  measureSchema,
  Plan,
  PLAN_DETAILS_FIELDS,
  PlanDetails,
  planDetailsSchema,
  REGISTER_COLUMNS,
  registerEntrySchema,
  TIERS,
  Tier,
  UPDATE_COLUMNS,
  updateSchema,
} from "../model/plan";
import { readCycle } from "../cycle/sheet";
import { NAMES } from "../status/names";
import { cellAddress, cellOrNull, columnLetter, parseCell } from "./a1";
import { isBlank, parseDate, parseField, parseNumber } from "./cellValues";
import { SETTINGS_ROWS } from "./layout";
import { FORMAT_VERSION_LABEL, SHEETS, TABLES } from "./names";
import { CellValue, SheetSnapshot, TableSnapshot, WorkbookSnapshot } from "./port";

export interface PlanReadError {
  file?: string;
  sheet: string;
  /** e.g. "M7"; absent when the problem is a whole table or sheet. */
  cell?: string;
  /** The column header or field label concerned. */
  column?: string;
  /** The full sentence, e.g. 'plan.xlsx Measures!M7: Q2 actual "twelve" is not a number'. */
  message: string;
}

export interface PlanSettings {
  reportingDate: IsoDate | null;
  tolerances: Tolerances;
  slippageMonths: number;
}

export interface PlanRead {
  plan: Plan;
  settings: PlanSettings;
  errors: PlanReadError[];
}

/** The workbook is not a structured plan (convert uses this to tell loose workbooks from plans). */
export class NotAPlanError extends Error {
  constructor(
    readonly file: string | undefined,
    readonly reason: string,
  ) {
    super(`${file ? `${file}: ` : ""}${reason}`);
    this.name = "NotAPlanError";
  }
}

export interface WorkbookKind {
  kind: "empty" | "loose" | "plan";
  tier?: Tier;
  formatVersion?: number;
}

const normal = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();

function sheetNamed(snapshot: WorkbookSnapshot, name: string): SheetSnapshot | undefined {
  return snapshot.sheets.find((s) => normal(s.name) === normal(name));
}

/** Column A labels -> row numbers and the value beside each in column B. */
function labelledValues(sheet: SheetSnapshot): Map<string, { row: number; value: CellValue }> {
  const { row: top, col: left } = parseCell(sheet.origin);
  const found = new Map<string, { row: number; value: CellValue }>();
  if (left > 1) return found;
  sheet.values.forEach((r, i) => {
    const label = r[0];
    if (typeof label === "string" && label.trim() !== "" && !found.has(normal(label))) {
      found.set(normal(label), { row: top + i, value: r.length > 1 ? r[1] : null });
    }
  });
  return found;
}

export function detectWorkbookKind(snapshot: WorkbookSnapshot): WorkbookKind {
  if (snapshot.sheets.every((s) => s.values.every((r) => r.every(isBlank)))) return { kind: "empty" };
  const planSheet = sheetNamed(snapshot, SHEETS.plan);
  const labels = planSheet ? labelledValues(planSheet) : undefined;
  const stamp = labels?.get(normal(FORMAT_VERSION_LABEL))?.value;
  const version = typeof stamp === "number" ? stamp : typeof stamp === "string" && /^\d+$/.test(stamp.trim()) ? Number(stamp) : undefined;
  if (!labels || version === undefined) return { kind: "loose" };
  const tierText = labels.get(normal("Tier"))?.value;
  const tier = TIERS.find((t) => typeof tierText === "string" && normal(t) === normal(tierText));
  return { kind: "plan", formatVersion: version, ...(tier ? { tier } : {}) };
}

class Reader {
  readonly errors: PlanReadError[] = [];
  constructor(readonly file: string | undefined) {}

  error(sheet: string, cell: string | undefined, column: string | undefined, what: string): void {
    const where = `${sheet}${cell ? `!${cell}` : ""}`;
    this.errors.push({ file: this.file, sheet, cell, column, message: `${this.file ? `${this.file} ` : ""}${where}: ${what}` });
  }

  details(sheet: SheetSnapshot): PlanDetails {
    const labels = labelledValues(sheet);
    const raw: Record<string, unknown> = {};
    for (const f of PLAN_DETAILS_FIELDS) {
      const found = labels.get(normal(f.label));
      const cell = found ? `B${found.row}` : undefined;
      const shape = planDetailsSchema.shape[f.key] as z.ZodType;
      const value = found?.value ?? null;
      const input = f.key === "formatVersion" ? parseNumber(value) : { ok: true as const, value: isBlank(value) ? undefined : String(value).trim() };
      if (!input.ok) {
        this.error(sheet.name, cell, f.label, `${f.label} ${input.problem}`);
        continue;
      }
      if (f.key === "formatVersion" && typeof input.value === "number" && input.value > FORMAT_VERSION) {
        this.error(sheet.name, cell, f.label, `this plan was made in format ${input.value} by a newer Golden Thread; this version reads format ${FORMAT_VERSION}`);
        raw[f.key] = FORMAT_VERSION;
        continue;
      }
      const result = shape.safeParse(input.value);
      if (result.success) raw[f.key] = result.data;
      else if (!found) this.error(sheet.name, undefined, f.label, `no "${f.label}" row (labels are read from column A)`);
      else this.error(sheet.name, cell, f.label, `${f.label} ${input.value === undefined ? "is blank" : JSON.stringify(input.value)}: ${result.error.issues[0]?.message ?? "not valid"}`);
    }
    // Keep going with what could be read: the errors say what is missing or wrong.
    const blank = Object.fromEntries(PLAN_DETAILS_FIELDS.map((f) => [f.key, ""]));
    return { ...blank, formatVersion: FORMAT_VERSION, tier: "Team", ...raw } as PlanDetails;
  }

  table<S extends z.ZodObject<z.ZodRawShape>>(snapshot: WorkbookSnapshot, name: string, columns: Column[], schema: S): Located<z.infer<S>>[] {
    const t = snapshot.tables.find((x) => normal(x.name) === normal(name));
    if (!t) {
      this.error(name, undefined, undefined, `no table named ${name}; a plan keeps its ${name.toLowerCase()} in an Excel table of that name`);
      return [];
    }
    return this.rows(t, columns, schema);
  }

  rows<S extends z.ZodObject<z.ZodRawShape>>(t: TableSnapshot, columns: Column[], schema: S): Located<z.infer<S>>[] {
    const { start } = rangeStart(t.range);
    const headerIndex = new Map<string, number>();
    t.headers.forEach((h, i) => {
      if (!headerIndex.has(normal(h))) headerIndex.set(normal(h), i);
    });
    const present = columns.flatMap((c) => {
      const i = headerIndex.get(normal(c.meta.header));
      return i === undefined ? [] : [{ column: c, index: i, letter: columnLetter(start.col + i) }];
    });
    const missing = columns.filter((c) => c.meta.required && !headerIndex.has(normal(c.meta.header)));
    for (const c of missing) this.error(t.sheet, `${columnLetter(start.col)}${start.row}`, c.meta.header, `table ${t.name} has no "${c.meta.header}" column`);
    if (missing.some((c) => c.meta.kind === "id")) return [];

    const located: Located<z.infer<S>>[] = [];
    // One column-letter map for the whole table, shared by every row's source (200,000 copies cost 50 MB).
    const letters = Object.fromEntries(present.map((p) => [p.column.key, p.letter]));
    t.rows.forEach((cells, i) => {
      const row = start.row + 1 + i;
      if (present.every((p) => isBlank(cells[p.index] ?? null))) return;
      const raw: Record<string, unknown> = {};
      for (const p of present) {
        const value = cells[p.index] ?? null;
        if (isBlank(value)) continue;
        const parsed = parseField(p.column.meta, value);
        if (parsed.ok) raw[p.column.key] = parsed.value;
        // The bad cell is reported and left to its default, so the row still reaches the checks.
        else this.error(t.sheet, `${p.letter}${row}`, p.column.meta.header, `${p.column.meta.header} ${parsed.problem}`);
      }
      const result = schema.safeParse(raw);
      if (!result.success) {
        for (const issue of result.error.issues) {
          const key = String(issue.path[0] ?? "");
          const p = present.find((x) => x.column.key === key);
          const header = columns.find((c) => c.key === key)?.meta.header ?? key;
          this.error(t.sheet, p ? `${p.letter}${row}` : `row ${row}`, header, `${header} ${describeIssue(issue, raw[key])}`);
        }
        return;
      }
      const source = { ...(this.file ? { file: this.file } : {}), sheet: t.sheet, row, columns: letters };
      located.push(Object.assign(result.data as z.infer<S>, { source })); // assign, not spread: rows keep one shared object shape, much faster to read in bulk
    });
    return located;
  }

  namedValue(snapshot: WorkbookSnapshot, name: string, label: string): { value: CellValue; sheet: string; cell?: string } {
    const ref = snapshot.names.find((n) => n.name === name)?.ref.replace(/^=/, "");
    const at = ref ? cellOrNull(ref) : null;
    if (at?.sheet !== undefined) {
      const sheet = sheetNamed(snapshot, at.sheet);
      if (sheet) {
        const cell = cellAddress(at.row, at.col);
        return { value: valueAt(sheet, cell), sheet: sheet.name, cell };
      }
    }
    // The name may be lost (e.g. a copy made by another tool): fall back to the Settings label.
    const settings = sheetNamed(snapshot, SHEETS.settings);
    const found = settings ? labelledValues(settings).get(normal(label)) : undefined;
    return { value: found?.value ?? null, sheet: SHEETS.settings, cell: found ? `B${found.row}` : undefined };
  }

  settings(snapshot: WorkbookSnapshot): PlanSettings {
    const label = (name: string) => SETTINGS_ROWS.find((r) => r.name === name)?.label ?? name;
    const date = this.namedValue(snapshot, NAMES.reportingDate, label(NAMES.reportingDate));
    let reportingDate: IsoDate | null = null;
    if (!isBlank(date.value)) {
      const parsed = parseDate(date.value);
      if (parsed.ok) reportingDate = parsed.value as IsoDate;
      else this.error(date.sheet, date.cell, "Reporting date", `Reporting date ${parsed.problem}`);
    }
    const numberSetting = (name: string, fallback: number, check: (n: number) => string | null): number => {
      const found = this.namedValue(snapshot, name, label(name));
      if (isBlank(found.value)) return fallback;
      const parsed = parseNumber(found.value);
      const problem = parsed.ok ? check(parsed.value as number) : parsed.problem;
      if (problem) {
        this.error(found.sheet, found.cell, label(name), `${label(name)} ${problem}`);
        return fallback;
      }
      return parsed.ok ? (parsed.value as number) : fallback;
    };
    const percent = (n: number) => (n < 0 ? `${n} cannot be negative` : null);
    return {
      reportingDate,
      tolerances: {
        greenWithin: numberSetting(NAMES.greenWithin, DEFAULT_TOLERANCES.greenWithin, percent),
        amberWithin: numberSetting(NAMES.amberWithin, DEFAULT_TOLERANCES.amberWithin, percent),
      },
      slippageMonths: numberSetting(NAMES.slippageMonths, DEFAULT_SLIPPAGE_MONTHS, (n) => (Number.isInteger(n) && n >= 1 && n <= 24 ? null : `${n} must be a whole number of months from 1 to 24`)),
    };
  }
}

function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  const shown = value === undefined ? "is blank" : JSON.stringify(value);
  switch (issue.code) {
    case "too_big":
      return `${shown} is more than ${String(issue.maximum)}`;
    case "too_small":
      return value === undefined || value === "" ? "is required" : `${shown} is less than ${String(issue.minimum)}`;
    default:
      return value === undefined ? "is required" : `${shown}: ${issue.message}`;
  }
}

function rangeStart(range: string) {
  const [a] = range.replace(/^.*!/, "").split(":");
  return { start: parseCell(a) };
}

function valueAt(sheet: SheetSnapshot, address: string): CellValue {
  const { row, col } = parseCell(address);
  const origin = parseCell(sheet.origin);
  return sheet.values[row - origin.row]?.[col - origin.col] ?? null;
}

/** Reads a plan workbook; throws NotAPlanError when the snapshot is not a structured plan. */
export function readPlan(snapshot: WorkbookSnapshot, file?: string): PlanRead {
  const kind = detectWorkbookKind(snapshot);
  if (kind.kind !== "plan") {
    throw new NotAPlanError(
      file,
      kind.kind === "empty" ? "the workbook is empty" : `not a Golden Thread plan workbook (no "${SHEETS.plan}" sheet with a "${FORMAT_VERSION_LABEL}" row); convert it first`,
    );
  }
  const reader = new Reader(file);
  const details = reader.details(sheetNamed(snapshot, SHEETS.plan)!);
  const plan: Plan = {
    details,
    actions: reader.table(snapshot, TABLES.actions, ACTION_COLUMNS, actionSchema),
    measures: reader.table(snapshot, TABLES.measures, MEASURE_COLUMNS, measureSchema),
    updates: reader.table(snapshot, TABLES.updates, UPDATE_COLUMNS, updateSchema),
    register: reader.table(snapshot, TABLES.register, REGISTER_COLUMNS, registerEntrySchema),
    // Problems in the sign-off sheets are the check's to report (as errors), not reasons to refuse the plan.
    cycle: readCycle(snapshot, file),
  };
  const settings = reader.settings(snapshot);
  return { plan, settings, errors: reader.errors };
}
