// The sign-off a plan carries (who, role, date, the frozen values and their fingerprint), the agreed
// changes since, and the comparison of the plan now with what was signed off.
import { formatUkDate, IsoDate } from "../model/dates";
import { cellOf, Located, Plan, RowSource } from "../model/plan";
import { canonicalValue, fieldHeader, fingerprint, FrozenValue, frozenValues, ItemType } from "./frozen";

export interface SignOff {
  planId: string;
  planYear: string;
  by: string;
  role: string;
  on: IsoDate;
  /** SHA-256 of the frozen values' canonical form, as written at sign-off. */
  fingerprint: string;
  values: FrozenValue[];
}

/** A change to a frozen value that was agreed after sign-off (Sefton: ELT considers "changes to targets" each quarter). */
export interface AgreedChange {
  itemType: ItemType;
  id: string;
  field: string;
  was: string;
  now: string;
  agreedBy: string;
  agreedOn: IsoDate;
  reason: string;
}

export interface SignOffInput {
  by: string;
  role: string;
  on: IsoDate;
}

export class SignOffError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SignOffError";
  }
}

/** Freezes the plan as it stands. Refuses a blank name, role or date: a sign-off nobody owns is no sign-off. */
export function signOffPlan(plan: Pick<Plan, "details" | "actions" | "measures">, input: SignOffInput): SignOff {
  const missing = [!input.by.trim() && "who signed it off", !input.role.trim() && "their role", !input.on && "the date"].filter(Boolean);
  if (missing.length > 0) throw new SignOffError(`sign-off needs ${missing.join(", ")}`);
  const values = frozenValues(plan);
  const { planId, planYear } = plan.details;
  return { planId, planYear, by: input.by.trim(), role: input.role.trim(), on: input.on, fingerprint: fingerprint(planId, planYear, values), values };
}

/** True when the frozen values still hash to the fingerprint written with them (the hidden copy was not edited). */
export function signOffIntact(s: SignOff): boolean {
  return fingerprint(s.planId, s.planYear, s.values) === s.fingerprint;
}

/** "Jane Smith (Director of Adult Social Care) on 08/04/2024". */
export function signedOffText(s: Pick<SignOff, "by" | "role" | "on">): string {
  return `${s.by}${s.role ? ` (${s.role})` : ""} on ${formatUkDate(s.on)}`;
}

export interface Difference {
  itemType: ItemType;
  id: string;
  field: string;
  /** The column header, e.g. "Annual target". */
  header: string;
  was: string;
  /** The value now; "" when blank. */
  now: string;
  /** The item is no longer in the plan. */
  removed: boolean;
  /** Where it is now (file, sheet, cell), or where the item was. */
  file?: string;
  sheet: string;
  cell: string;
  /** The agreed change that covers it, if any: then it is reported, not an error. */
  agreed?: AgreedChange;
}

/** Shown in messages: blank values say so. */
export function shown(value: string): string {
  return value === "" ? "blank" : value;
}

function locate(source: RowSource | undefined, field: string, fallbackSheet: string): { file?: string; sheet: string; cell: string } {
  if (!source) return { sheet: fallbackSheet, cell: "" };
  return { ...(source.file ? { file: source.file } : {}), sheet: source.sheet, cell: cellOf(source, field) };
}

/** Every frozen value that is not what was signed off, with the agreed change that covers it, if any. */
export function compareWithSignOff(plan: Pick<Plan, "actions" | "measures">, signOff: SignOff, changes: readonly AgreedChange[] = []): Difference[] {
  const rows = new Map<string, Located<Record<string, unknown>>>();
  for (const a of plan.actions) if (!rows.has(`Action\u0000${a.id}`)) rows.set(`Action\u0000${a.id}`, a as unknown as Located<Record<string, unknown>>);
  for (const m of plan.measures) if (!rows.has(`Measure\u0000${m.id}`)) rows.set(`Measure\u0000${m.id}`, m as unknown as Located<Record<string, unknown>>);
  const out: Difference[] = [];
  for (const v of signOff.values) {
    const row = rows.get(`${v.itemType}\u0000${v.id}`);
    const now = row ? canonicalValue(row[v.field]) : "";
    if (row && now === v.value) continue;
    // The latest agreed change for this value whose new value is what the plan holds now covers it.
    const agreed = [...changes].reverse().find((c) => c.itemType === v.itemType && c.id === v.id && c.field === v.field && c.now === now);
    out.push({
      itemType: v.itemType,
      id: v.id,
      field: v.field,
      header: fieldHeader(v.itemType, v.field),
      was: v.value,
      now,
      removed: !row,
      ...locate(row?.source, v.field, v.itemType === "Action" ? "Actions" : "Measures"),
      ...(agreed && row ? { agreed } : {}),
    });
  }
  return out;
}

/** The sentence check prints for a difference not covered by an agreed change. */
export function differenceMessage(d: Difference, s: Pick<SignOff, "by" | "role" | "on">): string {
  const what = `${d.header} of ${d.itemType.toLowerCase()} ${d.id}`;
  if (d.removed) return `${d.itemType} ${d.id} was signed off by ${signedOffText(s)} but is no longer in the plan`;
  return `${what} was ${shown(d.was)} at sign-off (by ${signedOffText(s)}), now ${shown(d.now)}`;
}
