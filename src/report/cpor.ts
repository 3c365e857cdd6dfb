// The Corporate Plan Overview Report (CPOR): the quarter's roll-up turned into what ELT, Cabinet and
// Overview & Scrutiny read, one section per Corporate Plan priority. Pure: the HTML page and the
// workbook are drawn from this model (html.ts, files/cporXlsx.ts).
import { formatUkDate, isIsoDate } from "../model/dates";
import { RegisterIndex, Comparator } from "../model/measureRegister";
import { financialYearLabel, parsePeriod, Period, periodLabel } from "../model/period";
import type { SignOffFlag } from "../cycle/record";
import { COUNT_KEYS, CountRow, DataQualityFinding, Rollup, RollupAction, RollupException, RollupMeasure, RollupTargetChange } from "../qsr/collect";
import { RED, SLIPPED_MORE } from "../qsr/statusValues";

export interface TrendPoint {
  /** "Baseline", "Q1" ... "Q4". */
  label: string;
  value: number | null;
}

export interface KeyMeasure {
  id: string;
  name: string;
  planId: string;
  unit: string;
  polarity: string;
  rag: string;
  previousRag: string;
  direction: string;
  actual: number | null;
  target: number | null;
  annualTarget: number | null;
  /** Baseline then each quarter of the year so far: what the roll-ups hold, never estimated. */
  trend: TrendPoint[];
  /** The period the latest figure is for, e.g. "2024/25 Q2", "2024/25 Q1", "Baseline (2023/24)", or "No figure yet". */
  latestPeriod: string;
  comparators: Comparator[];
}

export interface ReportException {
  itemType: string;
  id: string;
  title: string;
  planId: string;
  status: string;
  reason: string;
  correctiveAction: string;
  recoveryDate: string | null;
  missing: string;
}

export interface SlippedAction {
  id: string;
  action: string;
  planId: string;
  leadOfficer: string;
  dueDate: string | null;
  revisedDueDate: string | null;
  slippageReason: string;
  correctiveAction: string;
  recoveryDate: string | null;
}

export interface Changes {
  /** The roll-up compared with, e.g. "2024/25 Q1". */
  since: string;
  newReds: { id: string; name: string; was: string }[];
  recovered: { id: string; name: string; now: string }[];
  newlySlipped: { id: string; action: string; planId: string }[];
}

/** A change to a signed-off value agreed since sign-off, as a counted return carries it (Sefton: ELT considers changes to targets each quarter). */
export interface TargetChangeRow {
  /** "CP2: Living well", or "Not linked to a priority". */
  priority: string;
  planId: string;
  service: string;
  itemType: string;
  id: string;
  /** The action or measure's name, from the roll-up ("" when the return no longer reports the item). */
  name: string;
  /** What changed, as the plan's column says it: "Annual target", "Approved due date". */
  field: string;
  was: string;
  now: string;
  agreedBy: string;
  agreedOn: string | null;
  reason: string;
}

/** A counted return whose frozen values no longer match the BI team's sign-off record (collect --signoffs). */
export interface UnagreedChange {
  planId: string;
  returnFile: string;
  detail: string;
}

export interface PrioritySection {
  id: string;
  title: string;
  counts: CountRow;
  keyMeasures: KeyMeasure[];
  exceptions: ReportException[];
  slipped: SlippedAction[];
  /** null when no previous roll-up was given. */
  changes: Changes | null;
}

export interface Cpor {
  council: string;
  period: string;
  generatedOn: string;
  returns: number;
  draftsLeftOut: string[];
  rejected: number;
  priorities: PrioritySection[];
  /**
   * The corporate measures' latest data period and comparators, for the appendix table: every measure in
   * the register (or, without a register, every key measure). Services' local measures stay in the roll-up.
   */
  measures: KeyMeasure[];
  dataQuality: DataQualityFinding[];
  /** Whether a measure register was given (the appendix lists its measures, else the key measures). */
  hasRegister: boolean;
  /** The counts of the whole council (the roll-up's total row). */
  totals: CountRow;
  /** Every agreed change the counted returns carry, in the framework's priority order. */
  targetChanges: TargetChangeRow[];
  /** Returns flagged against the sign-off records; null when no records were given (not checked). */
  unagreedChanges: UnagreedChange[] | null;
}

export interface CporInput {
  rollup: Rollup;
  /** Earlier roll-ups of the same year: the trend and "what changed since last quarter" come from them. */
  previous?: { file: string; rollup: Rollup }[];
  register?: RegisterIndex;
  priorities: { id: string; title: string }[];
  council: string;
  generatedOn: string;
  /** The file the roll-up came from, for messages. */
  file?: string;
  /** The counted returns checked against the BI team's sign-off records (checkReturnsAgainstRecords); absent when not checked. */
  signOffFlags?: readonly SignOffFlag[];
}

const quarterOf = (p: Period) => p.quarter;
/** SM2 before SM10; one collator for every comparison (making one per call was most of the report's time). */
const BY_ID = new Intl.Collator("en-GB", { numeric: true });

/** Checks the previous roll-ups: an earlier quarter of the same financial year, else a message naming the file. */
function checkPrevious(current: Period, previous: { file: string; rollup: Rollup }[]): void {
  for (const p of previous) {
    const prev = parsePeriod(p.rollup.period);
    if (prev.startYear !== current.startYear)
      throw new Error(
        `${p.file}: period: the previous roll-up is for ${p.rollup.period}, a different year from this report's ${periodLabel(current)}; give a roll-up of an earlier quarter of the same year`,
      );
    if (quarterOf(prev) >= quarterOf(current)) throw new Error(`${p.file}: period: the previous roll-up is for ${p.rollup.period}, not a quarter before ${periodLabel(current)}`);
  }
}

const yearLabel = financialYearLabel;

function trendOf(m: RollupMeasure, period: Period, earlier: Map<number, Map<string, RollupMeasure>>): TrendPoint[] {
  const points: TrendPoint[] = [{ label: "Baseline", value: m.baseline }];
  for (let q = 1; q <= 4; q++) {
    let value: number | null = null;
    if (q === period.quarter) value = m.actual;
    else if (q < period.quarter) {
      value = earlier.get(q)?.get(m.id)?.actual ?? null;
      // A v2 return carries the year's earlier quarters itself.
      if (value === null) value = m.earlier?.find((e) => e.period === `${financialYearLabel(period.startYear)} Q${q}`)?.actual ?? null;
      // At Q2 and Q3 direction of travel compares with the previous quarter's figure: the return carries it.
      if (value === null && q === period.quarter - 1 && (period.quarter === 2 || period.quarter === 3)) value = m.comparedWith;
    }
    if (q <= period.quarter) points.push({ label: `Q${q}`, value });
  }
  return points;
}

function latestPeriodOf(trend: TrendPoint[], period: Period): string {
  for (let i = trend.length - 1; i >= 1; i--) if (trend[i].value !== null) return `${yearLabel(period.startYear)} ${trend[i].label}`;
  return trend[0].value !== null ? `Baseline (${yearLabel(period.startYear - 1)})` : "No figure yet";
}

function keyMeasure(m: RollupMeasure, period: Period, earlier: Map<number, Map<string, RollupMeasure>>, register?: RegisterIndex): KeyMeasure {
  const trend = trendOf(m, period, earlier);
  return {
    id: m.id,
    name: register?.get(m.id)?.name || m.name,
    planId: m.planId,
    unit: m.unit || register?.get(m.id)?.unit || "",
    polarity: m.polarity ?? "",
    rag: m.rag,
    previousRag: m.previousRag ?? "",
    direction: m.direction,
    actual: m.actual,
    target: m.target,
    annualTarget: m.annualTarget,
    trend,
    latestPeriod: latestPeriodOf(trend, period),
    comparators: register?.get(m.id)?.comparators ?? [],
  };
}

function exceptionRow(e: RollupException, title: string): ReportException {
  return {
    itemType: e.itemType,
    id: e.id,
    title,
    planId: e.planId,
    status: e.status,
    reason: e.reason,
    correctiveAction: e.correctiveAction,
    recoveryDate: e.recoveryDate,
    missing: e.missing,
  };
}

const slippedRow = (a: RollupAction): SlippedAction => ({
  id: a.id,
  action: a.action,
  planId: a.planId,
  leadOfficer: a.leadOfficer,
  dueDate: a.dueDate,
  revisedDueDate: a.revisedDueDate,
  slippageReason: a.slippageReason,
  correctiveAction: a.correctiveAction,
  recoveryDate: a.recoveryDate,
});

export function buildCpor(input: CporInput): Cpor {
  const { rollup, register } = input;
  if (rollup.returns.length === 0) {
    const why = [
      rollup.draftsExcluded.length
        ? `${rollup.draftsExcluded.length} draft${rollup.draftsExcluded.length === 1 ? "" : "s"} left out (${rollup.draftsExcluded.map((d) => d.returnFile).join(", ")}; --include-drafts counts them)`
        : "",
      rollup.rejects.length
        ? `${rollup.rejects.length} problem${rollup.rejects.length === 1 ? "" : "s"} rejected (first: ${rollup.rejects[0].file}${rollup.rejects[0].sheet ? ` ${rollup.rejects[0].sheet}` : ""}${rollup.rejects[0].cell ? `!${rollup.rejects[0].cell}` : ""}: ${rollup.rejects[0].reason})`
        : "",
    ].filter(Boolean);
    throw new Error(`${input.file ? `${input.file}: ` : ""}no returns in the roll-up, so there is nothing to report${why.length ? `: ${why.join("; ")}` : ""}`);
  }
  const period = parsePeriod(rollup.period);
  const previous = [...(input.previous ?? [])];
  checkPrevious(period, previous);
  previous.sort((a, b) => parsePeriod(a.rollup.period).quarter - parsePeriod(b.rollup.period).quarter);
  const earlier = new Map<number, Map<string, RollupMeasure>>();
  for (const p of previous) earlier.set(parsePeriod(p.rollup.period).quarter, new Map(p.rollup.measures.map((m) => [m.id, m])));
  const last = previous.at(-1);

  // Only rows flagged as exceptions are looked up by an exception: index those alone.
  const flagged = new Map<string, { title: string; priority: string }>();
  for (const a of rollup.actions) if (a.exception) flagged.set(`Action\u0000${a.planId}\u0000${a.id}`, { title: a.action, priority: a.corporatePriority });
  for (const m of rollup.measures) if (m.exception) flagged.set(`Measure\u0000${m.planId}\u0000${m.id}`, { title: m.name, priority: m.corporatePriority });

  // The framework's priorities in its order; anything reported against no priority gets its own section.
  const groups = [...input.priorities];
  for (const row of rollup.countsByPriority.slice(0, -1))
    if (!groups.some((g) => g.id === row.group) && (row.measures > 0 || row.actions > 0)) groups.push({ id: row.group, title: row.name || row.group });

  // One pass over the rows, sorting them into their priority's section.
  const sections = new Map(groups.map((g) => [g.id, { measures: [] as RollupMeasure[], keyMeasures: [] as KeyMeasure[], actions: [] as RollupAction[], exceptions: [] as ReportException[] }]));
  const corporate: KeyMeasure[] = [];
  for (const m of rollup.measures) {
    const inRegister = register?.get(m.id) !== undefined;
    if (!m.keyMeasure && !inRegister) {
      sections.get(m.corporatePriority)?.measures.push(m);
      continue;
    }
    const k = keyMeasure(m, period, earlier, register);
    if (register ? inRegister : m.keyMeasure) corporate.push(k);
    const section = sections.get(m.corporatePriority);
    if (!section) continue;
    section.measures.push(m);
    if (m.keyMeasure) section.keyMeasures.push(k);
  }
  for (const a of rollup.actions) sections.get(a.corporatePriority)?.actions.push(a);
  for (const e of rollup.exceptions) {
    const row = flagged.get(`${e.itemType}\u0000${e.planId}\u0000${e.id}`);
    sections.get(row?.priority ?? "")?.exceptions.push(exceptionRow(e, row?.title ?? ""));
  }
  const prevMeasures = last ? new Map(last.rollup.measures.map((m) => [m.id, m])) : undefined;
  const prevSlipped = last ? new Set(last.rollup.actions.filter((a) => a.status === SLIPPED_MORE).map((a) => `${a.planId}\u0000${a.id}`)) : undefined;

  const priorities: PrioritySection[] = groups.map((g) => {
    const counts = rollup.countsByPriority.find((r) => r.group === g.id) ?? emptyRow(g.id, g.title);
    const { measures, actions, keyMeasures, exceptions } = sections.get(g.id)!;
    let changes: Changes | null = null;
    if (last && prevMeasures && prevSlipped) {
      changes = {
        since: last.rollup.period,
        newReds: measures.filter((m) => m.rag === RED && prevMeasures.get(m.id)?.rag !== RED).map((m) => ({ id: m.id, name: m.name, was: prevMeasures.get(m.id)?.rag ?? "not reported" })),
        recovered: measures.filter((m) => m.rag !== RED && prevMeasures.get(m.id)?.rag === RED).map((m) => ({ id: m.id, name: m.name, now: m.rag })),
        newlySlipped: actions.filter((a) => a.status === SLIPPED_MORE && !prevSlipped.has(`${a.planId}\u0000${a.id}`)).map((a) => ({ id: a.id, action: a.action, planId: a.planId })),
      };
    }
    return {
      id: g.id,
      title: g.title,
      counts: { ...counts, name: g.title },
      keyMeasures,
      exceptions,
      slipped: actions.filter((a) => a.status === SLIPPED_MORE).map(slippedRow),
      changes,
    };
  });

  const dataQuality = [...rollup.dataQuality];
  if (register) {
    const listed = new Set(dataQuality.filter((d) => d.kind === "Not in the register").map((d) => d.measureId));
    for (const m of rollup.measures)
      if (!register.get(m.id) && !listed.has(m.id))
        dataQuality.push({
          measureId: m.id,
          period: rollup.period,
          kind: "Not in the register",
          detail: `${m.id} ("${m.name}") is not in the measure register: reported as ${m.planId}'s local measure.`,
          file: m.returnFile,
          sheet: "Measures",
          cell: "",
        });
  }

  return {
    council: input.council,
    period: rollup.period,
    generatedOn: input.generatedOn,
    returns: rollup.returns.length,
    draftsLeftOut: rollup.draftsExcluded.map((d) => d.returnFile),
    rejected: rollup.rejects.length,
    priorities,
    measures: corporate.sort((a, b) => BY_ID.compare(a.id, b.id)),
    dataQuality,
    hasRegister: register !== undefined,
    totals: rollup.countsByPriority.at(-1) ?? emptyRow("All returns", ""),
    targetChanges: targetChangeRows(rollup, priorities),
    // The check's message starts by naming the return, which the row names already.
    unagreedChanges: input.signOffFlags?.map((f) => ({ planId: f.planId, returnFile: f.file, detail: sentence(f.message.replace(`${f.file} (${f.planId} ${rollup.period}): `, "")) })) ?? null,
  };
}

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const FIGURE = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 6 });
/** A signed-off value as a reader takes it: dates dd/mm/yyyy, figures with thousands separators, a blank said as such. */
function plainValue(v: string): string {
  if (v === "") return "(blank)";
  if (isIsoDate(v)) return formatUkDate(v);
  return /^-?\d+(\.\d+)?$/.test(v) ? FIGURE.format(Number(v)) : v;
}

/**
 * The agreed changes, each named and placed under its item's priority. The item is looked up in its own
 * plan's rows; a measure counted from another return (reported twice) is found by its ID alone.
 */
function targetChangeRows(rollup: Rollup, priorities: PrioritySection[]): TargetChangeRow[] {
  const rows = new Map<string, { name: string; priority: string }>();
  for (const a of rollup.actions) rows.set(`Action\u0000${a.planId}\u0000${a.id}`, { name: a.action, priority: a.corporatePriority });
  for (const m of rollup.measures) {
    const row = { name: m.name, priority: m.corporatePriority };
    rows.set(`Measure\u0000${m.planId}\u0000${m.id}`, row);
    if (!rows.has(`Measure\u0000\u0000${m.id}`)) rows.set(`Measure\u0000\u0000${m.id}`, row);
  }
  const order = new Map(priorities.map((p, i) => [p.id, i]));
  const titles = new Map(priorities.map((p) => [p.id, `${p.id}: ${p.title}`]));
  const item = (c: RollupTargetChange) => rows.get(`${c.itemType}\u0000${c.planId}\u0000${c.id}`) ?? rows.get(`${c.itemType}\u0000\u0000${c.id}`);
  return rollup.targetChanges
    .map((c) => ({ c, found: item(c) }))
    .sort((x, y) => (order.get(x.found?.priority ?? "") ?? order.size) - (order.get(y.found?.priority ?? "") ?? order.size) || BY_ID.compare(x.c.planId, y.c.planId) || BY_ID.compare(x.c.id, y.c.id))
    .map(({ c, found }) => ({
      priority: titles.get(found?.priority ?? "") ?? found?.priority ?? "Not linked to a priority",
      planId: c.planId,
      service: c.service,
      itemType: c.itemType,
      id: c.id,
      name: found?.name ?? "",
      field: c.field,
      was: plainValue(c.was),
      now: plainValue(c.now),
      agreedBy: c.agreedBy,
      agreedOn: c.agreedOn,
      reason: c.reason,
    }));
}

const NOT_IN_REGISTER = "Not in the register";
/** Below Excel's 32,767 characters a cell: a return's list of local measure IDs is split into rows this long at most. */
const MAX_ID_LIST = 30_000;

/**
 * The data-quality findings as the page and the workbook list them: duplicates one by one; measures
 * outside the register one row per return naming their IDs. A large council has thousands of local
 * measures, and one row each made hundreds of printed pages no one reads (the roll-up collected with
 * the register, and the report command's messages, still give one line each, with the name).
 */
export function shownDataQuality(findings: readonly DataQualityFinding[]): DataQualityFinding[] {
  const shown: DataQualityFinding[] = [];
  const local = new Map<string, DataQualityFinding[]>();
  for (const d of findings) {
    if (d.kind !== NOT_IN_REGISTER) shown.push(d);
    else (local.get(d.file) ?? local.set(d.file, []).get(d.file)!).push(d);
  }
  for (const [file, list] of local) {
    if (list.length === 1) {
      shown.push(list[0]);
      continue;
    }
    const detail = `${list.length} measures of this return are not in the measure register, so are reported as the plan's local measures. Check the IDs, or ask the BI team to add them to the register.`;
    let ids: string[] = [];
    let length = 0;
    const flush = () => {
      shown.push({ measureId: ids.join(", "), period: list[0].period, kind: NOT_IN_REGISTER, detail, file, sheet: list[0].sheet, cell: "" });
      [ids, length] = [[], 0];
    };
    for (const d of list) {
      if (length + d.measureId.length + 2 > MAX_ID_LIST) flush();
      ids.push(d.measureId);
      length += d.measureId.length + 2;
    }
    flush();
  }
  return shown;
}

function emptyRow(group: string, name: string): CountRow {
  const row: CountRow = { group, name, returns: 0, measures: 0, actions: 0, exceptions: 0 };
  for (const keys of Object.values(COUNT_KEYS)) for (const k of keys) row[k] = 0;
  return row;
}
