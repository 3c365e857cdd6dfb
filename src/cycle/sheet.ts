// Where a plan keeps its sign-off (format v2, docs/workbook-format.md): the protected "Sign-off"
// sheet holds who, role, date and fingerprint; the very hidden, protected "Signed-off values" sheet
// the SignedOff table of frozen values; the visible "Agreed changes" sheet the AgreedChanges table. Designs for the adapters, and the
// reading back with every problem naming file, sheet and cell.
import { IsoDate, isoToSerial } from "../model/dates";
import { columnLetter, parseCell } from "../workbook/a1";
import { isBlank, parseDate } from "../workbook/cellValues";
import { CellDesign, CellValue, ColumnDesign, SheetDesign, TableDesign, WorkbookSnapshot } from "../workbook/port";
import { canonicalCell, canonicalValue, fieldHeader, fieldOfHeader, FROZEN_ACTION_FIELDS, FROZEN_MEASURE_FIELDS, FrozenValue, ITEM_TYPES, ItemType } from "./frozen";
import { AgreedChange, SignOff } from "./signOff";

export const CYCLE_SHEETS = { signOff: "Sign-off", frozen: "Signed-off values", agreedChanges: "Agreed changes" } as const;
export const CYCLE_TABLES = { signedOff: "SignedOff", agreedChanges: "AgreedChanges" } as const;

/** Labels in column A of the Sign-off sheet, values in column B, in this order from row 1. */
const SIGN_OFF_LABELS = {
  planId: "Plan ID",
  planYear: "Plan year",
  by: "Signed off by",
  role: "Role",
  on: "Signed off on",
  fingerprint: "Fingerprint (SHA-256)",
  count: "Frozen values",
} as const;
/** The Plan sheet's own sign-off rows (column A labels; "Role" only where a plan has that row), filled at sign-off. */
export const PLAN_SIGN_OFF_LABELS = { by: "Signed off by", role: "Role", on: "Date signed off" } as const;

const LABEL_ORDER = ["planId", "planYear", "by", "role", "on", "fingerprint", "count"] as const;

/**
 * The SignedOff table: one row per action or measure, a column per frozen field (an action's row
 * leaves the measure columns blank and the other way round). Plans signed off before kept one row
 * per value (Item type, ID, Field, Value): four times the bytes to write, so a 20,000-row plan took
 * more than one 4 MB request inside Excel. Both are read.
 */
const SIGNED_OFF_HEADERS = ["Item type", "ID", ...FROZEN_ACTION_FIELDS.map((f) => fieldHeader("Action", f)), ...FROZEN_MEASURE_FIELDS.map((f) => fieldHeader("Measure", f))];
const LONG_FORM_HEADERS = ["Field", "Value"];

/** The SignedOff rows of a sign-off: one per item, in plan order. */
function signedOffRows(values: readonly FrozenValue[]): CellValue[][] {
  const rows: CellValue[][] = [];
  let row: CellValue[] | null = null;
  for (const v of values) {
    const at = SIGNED_OFF_HEADERS.indexOf(fieldHeader(v.itemType, v.field), 2);
    // A new row for each item (and for a repeated ID's second row, whose field is already filled).
    if (!row || row[0] !== v.itemType || row[1] !== v.id || row[at] !== undefined) {
      row = [v.itemType, v.id];
      rows.push(row);
    }
    row[at] = v.value === "" ? null : v.value;
  }
  return rows.map((r) => SIGNED_OFF_HEADERS.map((_, j) => r[j] ?? null));
}
const AGREED_CHANGE_HEADERS = ["Item type", "ID", "Field", "Signed-off value", "Agreed value", "Agreed by", "Agreed on", "Reason"] as const;

const textColumn = (header: string, width: number, locked = true): ColumnDesign => ({ header, width, numberFormat: "@", locked, wrap: width > 30 });

/**
 * The sheets of a sign-off: "Sign-off" (visible, protected: who, role, date and fingerprint, so people
 * see the plan is signed off) and "Signed-off values" (very hidden, protected: the frozen values).
 * No password: protection stops accidents; the fingerprint and the BI team's record catch the rest.
 */
export function signOffSheets(s: SignOff): SheetDesign[] {
  const values: Record<(typeof LABEL_ORDER)[number], CellValue> = {
    planId: s.planId,
    planYear: s.planYear,
    by: s.by,
    role: s.role,
    on: isoToSerial(s.on),
    fingerprint: s.fingerprint,
    count: s.values.length,
  };
  const cells: CellDesign[] = LABEL_ORDER.flatMap((k, i) => [
    { address: `A${i + 1}`, value: SIGN_OFF_LABELS[k], bold: true },
    { address: `B${i + 1}`, value: values[k], numberFormat: k === "on" ? "dd/mm/yyyy" : k === "count" ? "0" : "@", locked: true },
  ]);
  cells.push({
    address: `A${LABEL_ORDER.length + 2}`,
    value: `The values frozen at sign-off are kept on the hidden "${CYCLE_SHEETS.frozen}" sheet. They are not changed in-year: an agreed change (who, when, why) goes on the "${CYCLE_SHEETS.agreedChanges}" sheet.`,
    wrap: false,
  });
  const table: TableDesign = {
    name: CYCLE_TABLES.signedOff,
    sheet: CYCLE_SHEETS.frozen,
    topLeft: "A1",
    columns: SIGNED_OFF_HEADERS.map((h, j) => textColumn(h, j === 0 ? 10 : j === 1 ? 16 : 14)),
    rows: s.values.length > 0 ? signedOffRows(s.values) : [SIGNED_OFF_HEADERS.map(() => null)],
    statusFormats: [],
  };
  const noPrint = { landscape: false, paper: "A4" as const, fitToWidth: true, area: null };
  return [
    { name: CYCLE_SHEETS.signOff, visibility: "visible", cells, tables: [], columnWidths: { A: 22, B: 70 }, freezeRows: 0, protect: true, print: noPrint },
    { name: CYCLE_SHEETS.frozen, visibility: "veryHidden", cells: [], tables: [table], columnWidths: {}, freezeRows: 1, protect: true, print: noPrint },
  ];
}

/** The Agreed changes sheet: visible, so everyone sees what moved and why; unprotected so the table can grow. */
export function agreedChangesSheet(title?: string): SheetDesign {
  const table: TableDesign = {
    name: CYCLE_TABLES.agreedChanges,
    sheet: CYCLE_SHEETS.agreedChanges,
    topLeft: "A1",
    columns: [
      { ...textColumn("Item type", 10, false), prompt: "Action or Measure." },
      { ...textColumn("ID", 14, false), prompt: "The action or measure ID, e.g. KPI-ASC-01." },
      { ...textColumn("Field", 16, false), prompt: "The signed-off column that changed, e.g. Annual target, Q3 target, Due date." },
      { ...textColumn("Signed-off value", 14, false), prompt: "The value before this change (as signed off, or as last agreed)." },
      { ...textColumn("Agreed value", 14, false), prompt: "The value agreed: the plan cell must hold this." },
      { ...textColumn("Agreed by", 22, false), prompt: "Who agreed the change: name and role (e.g. the Assistant Director, or ELT)." },
      { header: "Agreed on", width: 12, numberFormat: "dd/mm/yyyy", locked: false, validation: { type: "date", prompt: "The date it was agreed, dd/mm/yyyy.", error: "Type a date as dd/mm/yyyy." } },
      { ...textColumn("Reason", 48, false), prompt: "Why the change was agreed: it is reported in the quarterly return." },
    ],
    rows: [[null, null, null, null, null, null, null, null]],
    statusFormats: [],
  };
  return {
    name: CYCLE_SHEETS.agreedChanges,
    visibility: "visible",
    cells: [],
    tables: [table],
    columnWidths: {},
    freezeRows: 1,
    protect: false,
    print: { landscape: true, paper: "A4", fitToWidth: false, scale: 80, repeatRows: "1:1", area: null, ...(title ? { title } : {}) },
  };
}

/** A table row for an agreed change, in AGREED_CHANGE_HEADERS order. */
export function agreedChangeRow(c: AgreedChange): CellValue[] {
  return [c.itemType, c.id, fieldHeader(c.itemType, c.field), c.was === "" ? null : c.was, c.now === "" ? null : c.now, c.agreedBy, isoToSerial(c.agreedOn), c.reason];
}

export interface CycleReadProblem {
  file?: string;
  sheet: string;
  cell?: string;
  message: string;
}

export interface CycleRead {
  signOff: SignOff | null;
  changes: AgreedChange[];
  /** Where each agreed change sits, parallel to changes. */
  changeCells: string[];
  problems: CycleReadProblem[];
}

const norm = (s: string) => s.trim().toLowerCase();

function itemTypeOf(v: CellValue): ItemType | undefined {
  return ITEM_TYPES.find((t) => typeof v === "string" && norm(v) === norm(t));
}

/** Reads the sign-off and agreed changes from a snapshot; a plan never signed off reads as null, no problem. */
export function readCycle(snapshot: WorkbookSnapshot, file?: string): CycleRead {
  const problems: CycleReadProblem[] = [];
  const problem = (sheet: string, cell: string | undefined, what: string) =>
    problems.push({ ...(file ? { file } : {}), sheet, ...(cell ? { cell } : {}), message: `${file ? `${file} ` : ""}${sheet}${cell ? `!${cell}` : ""}: ${what}` });
  const changes: AgreedChange[] = [];
  const changeCells: string[] = [];

  let signOff: SignOff | null = null;
  const sheet = snapshot.sheets.find((s) => norm(s.name) === norm(CYCLE_SHEETS.signOff));
  const frozenTable = snapshot.tables.find((t) => norm(t.name) === norm(CYCLE_TABLES.signedOff));
  if (sheet && sheet.values.some((r) => r.some((v) => !isBlank(v)))) {
    const origin = parseCell(sheet.origin);
    const at = (row: number): CellValue => (origin.col === 1 ? (sheet.values[row - origin.row]?.[1] ?? null) : null);
    const label = (row: number): CellValue => (origin.col === 1 ? (sheet.values[row - origin.row]?.[0] ?? null) : null);
    const got: Record<string, CellValue> = {};
    LABEL_ORDER.forEach((k, i) => {
      if (norm(String(label(i + 1) ?? "")) !== norm(SIGN_OFF_LABELS[k])) problem(sheet.name, `A${i + 1}`, `expected the label "${SIGN_OFF_LABELS[k]}"; the sign-off record has been changed by hand`);
      got[k] = at(i + 1);
    });
    const date = parseDate(got.on);
    if (!date.ok || isBlank(got.on)) problem(sheet.name, "B5", `Signed off on ${isBlank(got.on) ? "is blank" : date.ok ? "" : date.problem}`);
    const values: FrozenValue[] = [];
    if (!frozenTable) problem(CYCLE_SHEETS.frozen, undefined, `no table named ${CYCLE_TABLES.signedOff}: the frozen values are missing`);
    else {
      const start = parseCell(frozenTable.range.replace(/^.*!/, "").split(":")[0]);
      const headers = frozenTable.headers.map((h) => norm(String(h)));
      const longForm = LONG_FORM_HEADERS.every((h) => headers.includes(norm(h)));
      frozenTable.rows.forEach((r, i) => {
        if (r.every(isBlank)) return;
        const row = start.row + 1 + i;
        const type = itemTypeOf(r[0]);
        if (!type) return problem(frozenTable.sheet, `${columnLetter(start.col)}${row}`, `item type ${JSON.stringify(r[0])} is not Action or Measure`);
        const id = canonicalValue(r[1]);
        if (longForm) {
          // Item type, ID, Field, Value: a row per value (plans signed off before the wide form).
          const field = fieldOfHeader(type, String(r[2] ?? ""));
          if (!field) problem(frozenTable.sheet, `${columnLetter(start.col + 2)}${row}`, `${JSON.stringify(r[2])} is not a field sign-off freezes`);
          else values.push({ itemType: type, id, field, value: canonicalCell(type, field, r[3]) });
          return;
        }
        // A row per item: each column that is one of this item type's frozen fields holds its value.
        frozenTable.headers.forEach((h, j) => {
          const field = j > 1 ? fieldOfHeader(type, String(h)) : undefined;
          if (field) values.push({ itemType: type, id, field, value: canonicalCell(type, field, r[j]) });
        });
      });
    }
    signOff = {
      planId: canonicalValue(got.planId),
      planYear: canonicalValue(got.planYear),
      by: canonicalValue(got.by),
      role: canonicalValue(got.role),
      on: (date.ok && !isBlank(got.on) ? date.value : "") as IsoDate,
      fingerprint: canonicalValue(got.fingerprint).toLowerCase(),
      values,
    };
  }

  const changeTable = snapshot.tables.find((t) => norm(t.name) === norm(CYCLE_TABLES.agreedChanges));
  if (changeTable) {
    const index = AGREED_CHANGE_HEADERS.map((h) => changeTable.headers.findIndex((x) => norm(String(x)) === norm(h)));
    const missing = AGREED_CHANGE_HEADERS.filter((_, i) => index[i] < 0);
    const start = parseCell(changeTable.range.replace(/^.*!/, "").split(":")[0]);
    const letter = (i: number) => columnLetter(start.col + index[i]);
    if (missing.length > 0) problem(changeTable.sheet, `A${start.row}`, `table ${changeTable.name} has no ${missing.map((m) => `"${m}"`).join(", ")} column`);
    else
      changeTable.rows.forEach((r, i) => {
        const cells = index.map((j) => r[j] ?? null);
        if (cells.every(isBlank)) return;
        const row = start.row + 1 + i;
        const type = itemTypeOf(cells[0]);
        const field = type ? fieldOfHeader(type, String(cells[2] ?? "")) : undefined;
        const on = parseDate(cells[6]);
        if (!type) return problem(changeTable.sheet, `${letter(0)}${row}`, `item type ${JSON.stringify(cells[0])} is not Action or Measure`);
        if (!field)
          return problem(
            changeTable.sheet,
            `${letter(2)}${row}`,
            `${JSON.stringify(cells[2])} is not a field sign-off freezes (${type === "Action" ? "Due date, Measure of success" : "Measure, Unit, Polarity, Annual target, Q1-Q4 target, Green/Amber within %"})`,
          );
        if (isBlank(cells[5])) return problem(changeTable.sheet, `${letter(5)}${row}`, "an agreed change needs who agreed it");
        if (isBlank(cells[6]) || !on.ok) return problem(changeTable.sheet, `${letter(6)}${row}`, `Agreed on ${isBlank(cells[6]) ? "is blank" : on.ok ? "" : on.problem}`);
        if (isBlank(cells[7])) return problem(changeTable.sheet, `${letter(7)}${row}`, "an agreed change needs its reason");
        changes.push({
          itemType: type,
          id: canonicalValue(cells[1]),
          field,
          was: canonicalCell(type, field, cells[3]),
          now: canonicalCell(type, field, cells[4]),
          agreedBy: canonicalValue(cells[5]),
          agreedOn: on.value as IsoDate,
          reason: canonicalValue(cells[7]),
        });
        changeCells.push(`${changeTable.sheet}!${letter(0)}${row}`);
      });
  }
  return { signOff, changes, changeCells, problems };
}
