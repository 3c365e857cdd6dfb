// What sign-off freezes, in one canonical text form and its SHA-256 fingerprint. Wirral's framework
// (3.2-3.3): no target, trajectory or specification is adjusted in-year after sign-off, so a miss is
// never hidden by a quiet change. The fingerprint lets the BI team tell when the frozen copy itself
// was edited.
import { ACTION_COLUMNS, Action, MEASURE_COLUMNS, Measure } from "../model/plan";
import { serialToIso } from "../model/dates";
import { sha256Hex } from "../qsr/planHash";

export const ITEM_TYPES = ["Action", "Measure"] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

/** Measure fields frozen at sign-off: definition, polarity, annual target, trajectory, tolerances. */
export const FROZEN_MEASURE_FIELDS = ["name", "unit", "polarity", "annualTarget", "q1Target", "q2Target", "q3Target", "q4Target", "greenWithin", "amberWithin"] as const;
/** Action fields frozen at sign-off: the approved due date and the measure of success. */
export const FROZEN_ACTION_FIELDS = ["dueDate", "measureOfSuccess"] as const;

export interface FrozenValue {
  itemType: ItemType;
  id: string;
  /** The model field, e.g. "annualTarget". */
  field: string;
  /** The canonical text of the value ("" when blank). */
  value: string;
}

/** One text per value, whatever the cell held: blank is "", numbers in JavaScript's shortest form, dates yyyy-mm-dd, text trimmed with its spaces and line ends made plain. */
export function canonicalValue(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Object.is(v, -0) ? "0" : String(v);
  if (typeof v === "boolean") return v ? "Yes" : "No";
  return String(v)
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+/g, " ")
    .trim();
}

/** A cell's value for a frozen field in canonical form: a date field given as an Excel serial reads as its date. */
export function canonicalCell(itemType: ItemType, field: string, v: unknown): string {
  const columns = itemType === "Action" ? ACTION_COLUMNS : MEASURE_COLUMNS;
  if (typeof v === "number" && columns.find((c) => c.key === field)?.meta.kind === "date") return serialToIso(v);
  return canonicalValue(v);
}

/** The column header of a frozen field, as people see it in the sheet. */
export function fieldHeader(itemType: ItemType, field: string): string {
  const columns = itemType === "Action" ? ACTION_COLUMNS : MEASURE_COLUMNS;
  return columns.find((c) => c.key === field)?.meta.header ?? field;
}

/** The model field of a header (or of the field name itself), for reading frozen rows back. */
export function fieldOfHeader(itemType: ItemType, header: string): string | undefined {
  const columns = itemType === "Action" ? ACTION_COLUMNS : MEASURE_COLUMNS;
  const frozen: readonly string[] = itemType === "Action" ? FROZEN_ACTION_FIELDS : FROZEN_MEASURE_FIELDS;
  const h = header.trim().toLowerCase();
  const found = columns.find((c) => c.meta.header.toLowerCase() === h || c.key.toLowerCase() === h);
  return found && frozen.includes(found.key) ? found.key : undefined;
}

/** Every value sign-off freezes, in plan order: actions first, then measures, fields in column order. */
export function frozenValues(plan: { actions: readonly Action[]; measures: readonly Measure[] }): FrozenValue[] {
  const out: FrozenValue[] = [];
  for (const a of plan.actions) for (const f of FROZEN_ACTION_FIELDS) out.push({ itemType: "Action", id: a.id, field: f, value: canonicalValue(a[f]) });
  for (const m of plan.measures) for (const f of FROZEN_MEASURE_FIELDS) out.push({ itemType: "Measure", id: m.id, field: f, value: canonicalValue(m[f]) });
  return out;
}

const order = (v: FrozenValue) => `${v.itemType}\u0000${v.id}\u0000${v.field}`;

/**
 * The canonical form: plan ID and year, then one line per value sorted by type, ID and field, each
 * part JSON-quoted so no text can fake a separator. Row order in the sheet does not matter.
 */
export function canonicalForm(planId: string, planYear: string, values: readonly FrozenValue[]): string {
  const lines = [...values].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0)).map((v) => JSON.stringify([v.itemType, v.id, v.field, v.value]));
  return [`golden-thread-signoff 1`, JSON.stringify([planId.trim(), planYear.trim()]), ...lines].join("\n") + "\n";
}

/** SHA-256 (64 hex digits) of the canonical form. */
export function fingerprint(planId: string, planYear: string, values: readonly FrozenValue[]): string {
  return sha256Hex(canonicalForm(planId, planYear, values));
}
