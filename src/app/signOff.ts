// Sign off a plan, and record an agreed change to a signed-off value. Sign-off freezes the plan's
// targets, trajectories, tolerances, definitions and approved dates in the hidden Sign-off sheet with
// their fingerprint, and gives the one-line record the BI team keeps.
import type { IsoDate } from "../model/dates";
import { isIsoDate, isoToSerial } from "../model/dates";
import { MEASURE_COLUMNS, ACTION_COLUMNS } from "../model/plan";
import { canonicalCell, fieldHeader, fieldOfHeader, FROZEN_ACTION_FIELDS, FROZEN_MEASURE_FIELDS, ITEM_TYPES, ItemType } from "../cycle/frozen";
import { signOffRecordLine } from "../cycle/record";
import { agreedChangeRow, agreedChangesSheet, CYCLE_SHEETS, CYCLE_TABLES, PLAN_SIGN_OFF_LABELS, signOffSheets } from "../cycle/sheet";
import { AgreedChange, shown, SignOff, SignOffError, signOffPlan as freeze, signedOffText } from "../cycle/signOff";
import { columnLetter, parseCell } from "../workbook/a1";
import { cellOf } from "../workbook/columnDesign";
import { SHEETS, TABLES } from "../workbook/names";
import type { CellValue, ReadRequest, SheetDesign, WorkbookEdit, WorkbookPort, WorkbookSnapshot } from "../workbook/port";
import { planOf } from "./plan";

export interface SignOffRequest {
  fileName: string;
  by: string;
  role: string;
  /** yyyy-mm-dd */
  on: IsoDate;
}

export interface SignOffResult {
  signOff: SignOff;
  /** The line for the BI team's sign-off record file. */
  recordLine: string;
  actions: number;
  measures: number;
}

/** What sign-off reads: the plan's details and settings, the frozen fields of each action and measure, and whether it was signed off before. */
const READ: ReadRequest = {
  sheets: [SHEETS.plan, SHEETS.settings, CYCLE_SHEETS.signOff],
  tables: [
    { name: TABLES.actions, columns: frozenHeaders("Action", ["id", ...FROZEN_ACTION_FIELDS]) },
    { name: TABLES.measures, columns: frozenHeaders("Measure", ["id", ...FROZEN_MEASURE_FIELDS]) },
    // Their headers only: a plan is read as one with them, and a format v1 plan lacks the last.
    { name: TABLES.updates, columns: [] },
    { name: TABLES.register, columns: [] },
    { name: CYCLE_TABLES.agreedChanges, columns: [] },
  ],
};

function frozenHeaders(itemType: ItemType, fields: readonly string[]): string[] {
  return fields.map((f) => fieldHeader(itemType, f));
}

/** The Plan sheet's own sign-off rows (found by their labels in column A), filled and locked so the sign-off shows where people look. */
function planSheetSignOff(snapshot: WorkbookSnapshot, s: SignOff): WorkbookEdit[] {
  const sheet = snapshot.sheets.find((x) => x.name.toLowerCase() === SHEETS.plan.toLowerCase());
  if (!sheet) return [];
  const origin = parseCell(sheet.origin);
  const rowOf = (label: string) => {
    const i = origin.col === 1 ? sheet.values.findIndex((r) => typeof r[0] === "string" && r[0].trim().toLowerCase() === label.toLowerCase()) : -1;
    return i < 0 ? null : origin.row + i;
  };
  const role = rowOf(PLAN_SIGN_OFF_LABELS.role);
  const cells: [number | null, CellValue, string][] = [
    [rowOf(PLAN_SIGN_OFF_LABELS.by), role ? s.by : `${s.by}${s.role ? ` (${s.role})` : ""}`, "@"],
    [role, s.role, "@"],
    [rowOf(PLAN_SIGN_OFF_LABELS.on), isoToSerial(s.on), "dd/mm/yyyy"],
  ];
  return cells.flatMap(([row, value, format]): WorkbookEdit[] =>
    row === null ? [] : [{ kind: "cells", sheet: sheet.name, address: `B${row}`, values: [[value]], numberFormats: [[format]], locked: true }],
  );
}

/**
 * Signs off the plan in `port`, in one update: it reads only the frozen fields, fills and locks the
 * Plan sheet's "Signed off by" and "Date signed off", locks the frozen cells (their sheets
 * protected) and adds the Sign-off sheets (and the Agreed changes sheet when a format v1 plan has none).
 * Refused, naming the cell, when the plan is already signed off or has rows that cannot be read
 * (their values would be frozen as blanks); then nothing is written.
 */
export async function signOffWorkbook(port: WorkbookPort, request: SignOffRequest): Promise<SignOffResult> {
  if (!isIsoDate(request.on)) throw new SignOffError(`${request.fileName}: sign-off date ${JSON.stringify(request.on)} is not a date`);
  return port.update(READ, (snapshot) => {
    const open = planOf(snapshot, request.fileName);
    const existing = open.plan.cycle?.signOff;
    if (existing)
      throw new SignOffError(
        `${request.fileName} ${CYCLE_SHEETS.signOff}!B3: this plan was already signed off by ${signedOffText(existing)}; a plan is signed off once a year. Change a signed-off value with an agreed change, or roll the plan forward to next year.`,
      );
    if (open.errors.length > 0)
      throw new SignOffError(
        `${request.fileName}: ${open.errors.length} cell(s) cannot be read, so sign-off would freeze them as blank; fix them first:\n${open.errors.map((e) => `  ${e.message}`).join("\n")}`,
      );
    const signOff = freeze(open.plan, request);
    const sheets: SheetDesign[] = signOffSheets(signOff);
    if (!snapshot.tables.some((t) => t.name.toLowerCase() === CYCLE_TABLES.agreedChanges.toLowerCase())) sheets.push(agreedChangesSheet());
    // The record sheets last: should a write fail before them, the plan is not signed off and sign-off can simply run again.
    const edits: WorkbookEdit[] = [
      ...planSheetSignOff(snapshot, signOff),
      { kind: "lock", table: TABLES.actions, columns: frozenHeaders("Action", FROZEN_ACTION_FIELDS) },
      { kind: "lock", table: TABLES.measures, columns: frozenHeaders("Measure", FROZEN_MEASURE_FIELDS) },
      { kind: "sheets", design: { sheets, names: [] } },
    ];
    return { edits, result: { signOff, recordLine: signOffRecordLine(signOff), actions: open.plan.actions.length, measures: open.plan.measures.length } };
  });
}

export interface AgreeChangeRequest {
  fileName: string;
  /** Action or measure ID. */
  id: string;
  /** The column header (e.g. "Annual target") or field name. */
  field: string;
  /** The agreed value as typed: a number, a date (yyyy-mm-dd or dd/mm/yyyy) or text; blank clears it. */
  value: string;
  agreedBy: string;
  agreedOn: IsoDate;
  reason: string;
}

export interface AgreeChangeResult {
  change: AgreedChange;
  /** Where the new value was written, e.g. "Measures!N5". */
  cell: string;
}

function typedValue(itemType: ItemType, field: string, text: string, where: string): CellValue {
  const column = (itemType === "Action" ? ACTION_COLUMNS : MEASURE_COLUMNS).find((c) => c.key === field)!;
  const t = text.trim();
  if (t === "") return null;
  if (column.meta.kind === "number") {
    const n = Number(t.replace(/,/g, ""));
    if (!Number.isFinite(n)) throw new SignOffError(`${where}: the agreed ${column.meta.header} "${text}" is not a number`);
    return n;
  }
  if (column.meta.kind === "date") {
    const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
    const iso = uk ? `${uk[3]}-${uk[2].padStart(2, "0")}-${uk[1].padStart(2, "0")}` : t;
    if (!isIsoDate(iso)) throw new SignOffError(`${where}: the agreed ${column.meta.header} "${text}" is not a date (dd/mm/yyyy)`);
    return cellOf("date", iso);
  }
  if (column.meta.list === "Polarities" && !["High", "Low", "Target"].includes(t)) throw new SignOffError(`${where}: polarity "${text}" is not High, Low or Target`);
  return t;
}

/**
 * What an agreed change reads: the plan's details, the sign-off and the agreed changes, and of the
 * actions and measures only their IDs and the column `field` names (the bulk of a plan it never needs).
 */
function agreeRead(field: string): ReadRequest {
  const changed = ITEM_TYPES.flatMap((t) => {
    const f = fieldOfHeader(t, field);
    return f ? [fieldHeader(t, f)] : [];
  });
  return {
    sheets: [SHEETS.plan, SHEETS.settings, CYCLE_SHEETS.signOff],
    tables: [
      { name: TABLES.actions, columns: frozenHeaders("Action", ["id"]).concat(changed) },
      { name: TABLES.measures, columns: frozenHeaders("Measure", ["id"]).concat(changed) },
      { name: TABLES.updates, columns: [] },
      { name: TABLES.register, columns: [] },
      // A row per item (the field's column) or, signed off before, a row per value (Field, Value).
      { name: CYCLE_TABLES.signedOff, columns: ["Item type", "ID", "Field", "Value", ...changed] },
      { name: CYCLE_TABLES.agreedChanges },
    ],
  };
}

/**
 * Records an agreed change (who, when, why) on the Agreed changes sheet and writes the agreed value
 * into the plan: the one clean route to change a signed-off value. In one update: it reads only the
 * IDs and the changed column, and writes only the new Agreed changes row and the one cell (its
 * locking kept; a protected sheet stays protected). Nothing else in the plan changes.
 */
export async function agreeChange(port: WorkbookPort, request: AgreeChangeRequest): Promise<AgreeChangeResult> {
  const name = request.fileName;
  if (!request.agreedBy.trim() || !request.reason.trim()) throw new SignOffError(`${name}: an agreed change needs who agreed it and why`);
  if (!isIsoDate(request.agreedOn)) throw new SignOffError(`${name}: agreed on ${JSON.stringify(request.agreedOn)} is not a date`);
  return port.update(agreeRead(request.field), (snapshot) => {
    const open = planOf(snapshot, name);
    const cycle = open.plan.cycle;
    if (!cycle?.signOff) throw new SignOffError(`${name}: the plan has not been signed off, so its values can be changed as they are; no agreed change is needed`);
    const action = open.plan.actions.find((a) => a.id === request.id.trim());
    const measure = open.plan.measures.find((m) => m.id === request.id.trim());
    const itemType: ItemType | undefined = action ? ITEM_TYPES[0] : measure ? ITEM_TYPES[1] : undefined;
    const row = action ?? measure;
    if (!itemType || !row) throw new SignOffError(`${name}: no action or measure with ID ${JSON.stringify(request.id)}`);
    const field = fieldOfHeader(itemType, request.field);
    if (!field) throw new SignOffError(`${name}: "${request.field}" is not a value sign-off freezes for ${itemType.toLowerCase()} ${row.id}`);
    const header = fieldHeader(itemType, field);
    const table = snapshot.tables.find((t) => t.name === (itemType === "Action" ? TABLES.actions : TABLES.measures))!;
    const changes = snapshot.tables.find((t) => t.name.toLowerCase() === CYCLE_TABLES.agreedChanges.toLowerCase());
    if (!changes) throw new SignOffError(`${name}: no ${CYCLE_TABLES.agreedChanges} table (the ${CYCLE_SHEETS.agreedChanges} sheet is missing)`);
    const column = table.headers.indexOf(header);
    if (column < 0) throw new SignOffError(`${name} ${table.sheet}: table ${table.name} has no "${header}" column`);
    const address = `${columnLetter(parseCell(table.range.replace(/^.*!/, "").split(":")[0]).col + column)}${row.source.row}`;
    const cell = `${table.sheet}!${address}`;
    const value = typedValue(itemType, field, request.value, `${name} ${cell}`);
    const frozen = cycle.signOff.values.find((v) => v.itemType === itemType && v.id === row.id && v.field === field);
    const was = [...cycle.changes].reverse().find((c) => c.itemType === itemType && c.id === row.id && c.field === field)?.now ?? frozen?.value ?? "";
    const now = canonicalCell(itemType, field, value);
    if (now === canonicalCell(itemType, field, (row as unknown as Record<string, unknown>)[field]) && now === was) throw new SignOffError(`${name} ${cell}: ${header} is already ${shown(now)}`);
    const change: AgreedChange = { itemType, id: row.id, field, was, now, agreedBy: request.agreedBy.trim(), agreedOn: request.agreedOn, reason: request.reason.trim() };
    // Blank rows go (a new table holds one); the cell's number format and locking are kept.
    const blank = changes.rows.flatMap((r, i) => (r.every((v) => v === null || v === "") ? [i] : []));
    const edits: WorkbookEdit[] = [
      { kind: "rows", table: changes.name, remove: blank, append: [agreedChangeRow(change)] },
      { kind: "cells", sheet: table.sheet, address, values: [[value]] },
    ];
    return { edits, result: { change, cell } };
  });
}
