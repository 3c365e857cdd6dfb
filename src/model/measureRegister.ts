// The measure register: the BI team's list of corporate measures, each with its technical specification
// (Wirral framework 3.2: definition, data source, calculation with numerator and denominator, reporting
// frequency and publication timetable, accountable officer and deputy, performance lead and deputy,
// peers, forecast method) plus type, polarity, unit, cumulative or snapshot and comparator values.
// Plans reference a register measure by giving their measure the register ID; other IDs are local measures.
import { z } from "zod";
import { FREQUENCIES, Measure, MEASURE_TYPES, measureSchema, POLARITIES } from "./plan";

const text = () => z.string().trim().default("");

export const comparatorSchema = z.object({
  /** e.g. "England", "North West", "Statistical neighbours". */
  name: z.string().trim().min(1, "a comparator needs a name (e.g. England)"),
  value: z.number().finite(),
  /** The period the figure is for, e.g. "2023/24". */
  period: text(),
  /** Left blank it is the measure's unit; given, it must be the measure's unit. */
  unit: text(),
  source: text(),
});

export const registerMeasureSchema = z.object({
  id: z.string().trim().min(1, "a register measure needs an ID"),
  name: z.string().trim().min(1, "a register measure needs a name"),
  /** The Corporate Plan priority it evidences (framework priority ID). */
  corporatePriority: text(),
  /** The theme as the council's own table words it. */
  theme: text(),
  definition: text(),
  type: z.enum(MEASURE_TYPES).nullable().default(null),
  polarity: z.enum(POLARITIES).nullable().default(null),
  unit: text(),
  /** true: each quarter is the running total for the year; false: a snapshot; null: not said. */
  cumulative: z.boolean().nullable().default(null),
  frequency: z.enum(FREQUENCIES).nullable().default(null),
  dataSource: text(),
  calculation: text(),
  numerator: text(),
  denominator: text(),
  publicationTimetable: text(),
  accountableOfficer: text(),
  accountableOfficerDeputy: text(),
  performanceLead: text(),
  performanceLeadDeputy: text(),
  comparatorGroup: text(),
  forecastMethod: text(),
  comparators: z.array(comparatorSchema).default([]),
});

export const measureRegisterSchema = z.object({
  formatVersion: z.literal(1),
  council: text(),
  /** Where the register's entries come from, said once. */
  source: text(),
  measures: z.array(registerMeasureSchema),
});

export type RegisterMeasure = z.infer<typeof registerMeasureSchema>;
export type MeasureRegister = z.infer<typeof measureRegisterSchema>;
export type Comparator = z.infer<typeof comparatorSchema>;

/** IDs compare as the plan checks compare them: trimmed, case-insensitive. */
const registerKey = (id: string): string => id.trim().toUpperCase();

export interface RegisterIndex {
  register: MeasureRegister;
  byId: Map<string, RegisterMeasure>;
  get(id: string): RegisterMeasure | undefined;
}

export function indexRegister(register: MeasureRegister): RegisterIndex {
  const byId = new Map(register.measures.map((m) => [registerKey(m.id), m]));
  return { register, byId, get: (id) => byId.get(registerKey(id)) };
}

/** Parses register JSON; every problem names the file and the entry and field (measures[3].unit). */
export function parseMeasureRegister(jsonText: string, file = "register"): MeasureRegister {
  let raw: unknown;
  try {
    raw = JSON.parse(jsonText.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`);
  }
  const result = measureRegisterSchema.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.slice(0, 10).map(
      (i) =>
        `${
          i.path
            .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
            .join("")
            .replace(/^\./, "") || "(top)"
        }: ${i.message}`,
    );
    throw new Error(`${file}: the measure register is not valid: ${issues.join("; ")}`);
  }
  const problems: string[] = [];
  const first = new Map<string, number>();
  result.data.measures.forEach((m, i) => {
    const key = registerKey(m.id);
    const seen = first.get(key);
    if (seen !== undefined) problems.push(`measures[${i}].id: ${m.id} is already the ID of measures[${seen}] ("${result.data.measures[seen].name}"); each register measure needs its own ID`);
    else first.set(key, i);
    m.comparators.forEach((c, j) => {
      if (c.unit !== "" && m.unit !== "" && c.unit !== m.unit)
        problems.push(`measures[${i}].comparators[${j}].unit: ${m.id}'s ${c.name} figure is in "${c.unit}" but the measure is in "${m.unit}"; give it in ${m.unit}`);
    });
  });
  if (problems.length) throw new Error(`${file}: ${problems.join("; ")}`);
  return result.data;
}

/**
 * Plan measures filled in from the register (for `new` and `convert`): each chosen by its register ID,
 * or all of a Corporate Plan priority's by the priority ID. The register gives what it holds; the
 * plan's own figures (baseline, targets, actuals) start blank for the service to agree.
 */
export function measuresFromRegister(index: RegisterIndex, choose: readonly string[], file = "register"): Measure[] {
  const out: Measure[] = [];
  const seen = new Set<string>();
  for (const raw of choose) {
    const item = raw.trim();
    if (item === "") continue;
    const one = index.get(item);
    const chosen = one ? [one] : index.register.measures.filter((m) => registerKey(m.corporatePriority) === registerKey(item));
    if (chosen.length === 0) throw new Error(`${file}: "${item}" is neither a measure ID nor a Corporate Plan priority with measures in the register`);
    for (const m of chosen) {
      if (seen.has(registerKey(m.id))) continue;
      seen.add(registerKey(m.id));
      out.push(
        measureSchema.parse({
          id: m.id,
          name: m.name,
          type: m.type ?? undefined,
          polarity: m.polarity,
          unit: m.unit,
          frequency: m.frequency,
          cumulative: m.cumulative ?? undefined,
          dataSource: m.dataSource,
          accountableOfficer: m.accountableOfficer,
          parentLink: m.corporatePriority,
        }),
      );
    }
  }
  return out;
}

const FILLABLE = ["name", "polarity", "unit", "frequency", "dataSource", "accountableOfficer"] as const;

/**
 * For `convert`: a converted measure carrying a register ID gets the register's value in each of these
 * fields that is blank in the loose plan. Nothing the service wrote is replaced (a disagreement is for
 * `check` to report); the list says what was filled, per measure.
 */
export function fillFromRegister<T extends Measure>(measures: T[], index: RegisterIndex): { id: string; fields: string[] }[] {
  const filled: { id: string; fields: string[] }[] = [];
  for (const m of measures) {
    const entry = index.get(String(m.id ?? ""));
    if (!entry) continue;
    const fields: string[] = [];
    const row = m as Record<string, unknown>;
    for (const f of FILLABLE) {
      const mine = row[f];
      const theirs = entry[f];
      if ((mine === null || mine === undefined || String(mine).trim() === "") && theirs !== null && theirs !== "") {
        row[f] = theirs;
        fields.push(f);
      }
    }
    if (fields.length) filled.push({ id: entry.id, fields });
  }
  return filled;
}
