// The corporate roll-up: from parsed returns (and the files that could not be read) to the tables of
// the Corporate Plan overview. Pure: the file reading lives in files/collectFiles.ts.
import { parsePeriod, periodLabel } from "../model/period";
import { ParsedReturn, ReturnIssue } from "./parseReturn";
import { QsrReturn, ReturnAction, ReturnException, ReturnHistory, ReturnMeasure, ReturnTargetChange } from "./schema";
import { ACTION_STATUSES, DIRECTIONS, RAGS } from "./statusValues";

export interface CollectInput {
  /** The name the file is known by in the Rejects and source columns. */
  file: string;
  parsed: ParsedReturn;
}

export interface Expected {
  planIds: string[];
  directorates: string[];
}

export interface CollectOptions {
  /** The roll-up period, e.g. "2024/25 Q2"; by default the period most returns are for. */
  period?: string;
  expected?: Expected;
  /** yyyy-mm-dd: a return prepared after this day is late. */
  deadline?: string;
  /** Corporate Plan priority IDs (from the framework), to resolve links that name a priority directly. */
  priorityIds?: string[];
  /** The framework's priorities: each gets a row in "By priority", with zeros when nothing is reported against it. */
  priorities?: { id: string; title: string }[];
  /** Draft returns are listed but left out of every count unless this is true. */
  includeDrafts?: boolean;
  /** The corporate measure register's IDs: a measure outside it is listed as a local measure (still counted). */
  registerIds?: string[];
}

export interface Provenance {
  planId: string;
  directorate: string;
  service: string;
  tier: string;
  /** The return file the row came from. */
  returnFile: string;
}

export type RollupAction = ReturnAction & Provenance;
export type RollupMeasure = ReturnMeasure &
  Provenance & {
    /** The row on the return's Measures sheet (2 = the first measure). */
    returnRow: number;
    /** Other plans whose returns report the same measure this period (counted once, here). */
    alsoReportedIn: string;
    /** The figures of earlier quarters of the year the return carries (format v2's Earlier quarters), for trends. */
    earlier: { period: string; actual: number | null }[];
  };

/** A measure reported in more than one return, or reported outside the register: listed, never silently picked. */
export interface DataQualityFinding {
  measureId: string;
  period: string;
  /** Duplicate figures | Not in the register */
  kind: "Different figures" | "Reported twice" | "Not in the register";
  /** Which returns, which values. */
  detail: string;
  /** The return files involved, and where in them. */
  file: string;
  sheet: string;
  cell: string;
}
export type RollupException = ReturnException & Provenance;
/** A change to a signed-off value agreed since sign-off, as the return carries it (ELT considers changes to targets each quarter). */
export type RollupTargetChange = ReturnTargetChange & Provenance;
/** An item's position in an earlier quarter of the year, as the return carries it. */
export type RollupHistory = ReturnHistory & Provenance;

export interface ReturnReceived extends Provenance {
  council: string;
  team: string;
  period: string;
  preparedBy: string;
  preparedOn: string;
  status: string;
  planHash: string;
  /** v2 returns: the plan year and the fingerprint of the plan's signed-off values ("" when not signed off), for collect --signoffs. */
  planYear?: string;
  signOffFingerprint?: string;
  late: boolean;
  actions: number;
  measures: number;
  exceptions: number;
}

export interface Reject {
  file: string;
  sheet: string;
  cell: string;
  reason: string;
}

export interface MissingReturn {
  expected: string;
  kind: "Plan" | "Directorate";
  status: "Missing" | "Late" | "Draft only";
  /** The return(s) found, if any. */
  returnFile: string;
  preparedOn: string;
}

/** One row of counts: how many measures at each RAG and direction, how many actions at each status. */
export type CountRow = { group: string; name: string; returns: number; measures: number; actions: number; exceptions: number } & Record<string, string | number>;

export interface Rollup {
  period: string;
  /** Returns in the roll-up (with --include-drafts, drafts too). */
  returns: ReturnReceived[];
  /** Draft returns left out of every count (listed so nothing is dropped silently). */
  draftsExcluded: ReturnReceived[];
  dataQuality: DataQualityFinding[];
  actions: RollupAction[];
  measures: RollupMeasure[];
  exceptions: RollupException[];
  /** Format v2: every counted return's agreed changes to signed-off values (plan, item, field, was, now, who, when, why). */
  targetChanges: RollupTargetChange[];
  /** Format v2: every counted return's earlier quarters of the year. */
  history: RollupHistory[];
  countsByDirectorate: CountRow[];
  countsByPriority: CountRow[];
  missing: MissingReturn[];
  rejects: Reject[];
  /** The same return read again in another form (its xlsx, JSON and CSV files side by side): counted once. */
  otherForms: { file: string; sameAs: string }[];
}

/** Count column keys, in order, shared by the two counts tables. */
export const COUNT_KEYS = {
  rag: RAGS.map((r) => `RAG: ${r}`),
  direction: DIRECTIONS.map((d) => `Direction: ${d}`),
  actionStatus: ACTION_STATUSES.map((s) => `Action: ${s}`),
};

/** Sortable form of prepared-on: a plain date counts as the start of that day. */
function preparedKey(preparedOn: string): string {
  if (preparedOn.length === 10) return `${preparedOn}T00:00:00Z`;
  return preparedOn.length === 17 ? `${preparedOn.slice(0, 16)}:00Z` : preparedOn;
}

const NOT_LINKED = "Not linked to a priority";

function issueRejects(issues: ReturnIssue[]): Reject[] {
  return issues.map((i) => ({ file: i.file, sheet: i.sheet, cell: i.cell, reason: i.reason }));
}

/** Keeps the latest return for each plan and period; the others become rejects. */
function latestPerPlan(accepted: { file: string; ret: QsrReturn }[], rejects: Reject[], otherForms: Rollup["otherForms"]): { file: string; ret: QsrReturn }[] {
  const byPlan = new Map<string, { file: string; ret: QsrReturn }[]>();
  for (const a of accepted) {
    const key = `${a.ret.header.planId}\u0000${a.ret.header.period}`;
    byPlan.set(key, [...(byPlan.get(key) ?? []), a]);
  }
  const kept: { file: string; ret: QsrReturn }[] = [];
  for (const group of byPlan.values()) {
    // Latest prepared-on first; on a tie a Final beats a Draft, then the later file name wins.
    const sorted = [...group].sort((x, y) => {
      const kx = preparedKey(x.ret.header.preparedOn);
      const ky = preparedKey(y.ret.header.preparedOn);
      if (kx !== ky) return kx < ky ? 1 : -1;
      if (x.ret.header.status !== y.ret.header.status) return x.ret.header.status === "Final" ? -1 : 1;
      return x.file < y.file ? 1 : x.file > y.file ? -1 : 0;
    });
    const [winner, ...losers] = sorted;
    kept.push(winner);
    for (const l of losers) {
      if (sameReturn(l.ret, winner.ret)) {
        otherForms.push({ file: l.file, sameAs: winner.file });
        continue;
      }
      rejects.push({
        file: l.file,
        sheet: "Return",
        cell: "",
        reason: `duplicate return for ${l.ret.header.planId} ${l.ret.header.period} (prepared ${l.ret.header.preparedOn}); ${winner.file} (prepared ${winner.ret.header.preparedOn}, ${winner.ret.header.status}) is the one kept`,
      });
    }
  }
  return kept;
}

/** The xlsx, JSON and CSV forms of one export: same plan content, period, status and time of preparing. */
function sameReturn(a: QsrReturn, b: QsrReturn): boolean {
  const [x, y] = [a.header, b.header];
  return x.planHash === y.planHash && x.period === y.period && x.status === y.status && x.preparedOn === y.preparedOn;
}

function choosePeriod(accepted: { ret: QsrReturn }[], requested?: string): string {
  if (requested) return periodLabel(parsePeriod(requested));
  const counts = new Map<string, number>();
  for (const a of accepted) counts.set(a.ret.header.period, (counts.get(a.ret.header.period) ?? 0) + 1);
  let best = "";
  let bestCount = 0;
  for (const [p, n] of counts) if (n > bestCount || (n === bestCount && p > best)) [best, bestCount] = [p, n];
  return best;
}

/** Follows parent links across all returns until one reaches a Corporate Plan priority. */
function priorityResolver(actions: RollupAction[], priorityIds: Set<string>): (row: { corporatePriority: string; parentLink: string }) => string {
  const byId = new Map<string, { corporatePriority: string; parentLink: string }>();
  for (const a of actions) if (!byId.has(a.id)) byId.set(a.id, a);
  const memo = new Map<string, string>();
  const resolve = (row: { corporatePriority: string; parentLink: string }, depth: number): string => {
    if (row.corporatePriority) return row.corporatePriority;
    const link = row.parentLink.trim();
    if (!link) return NOT_LINKED;
    if (priorityIds.has(link)) return link;
    const cached = memo.get(link);
    if (cached !== undefined) return cached;
    const parent = byId.get(link);
    // Ten tiers is far beyond Corporate > Directorate > Operational > Team; it stops a loop of links.
    const found = parent && depth < 10 ? resolve(parent, depth + 1) : NOT_LINKED;
    memo.set(link, found);
    return found;
  };
  return (row) => resolve(row, 0);
}

function emptyCounts(group: string, name = ""): CountRow {
  const row: CountRow = { group, name, returns: 0, measures: 0, actions: 0, exceptions: 0 };
  for (const keys of Object.values(COUNT_KEYS)) for (const k of keys) row[k] = 0;
  return row;
}

function countBy(
  groupOf: { measure: (m: RollupMeasure) => string; action: (a: RollupAction) => string; ret: (r: ReturnReceived) => string[]; exception: (e: RollupException) => string },
  rollup: Pick<Rollup, "actions" | "measures" | "returns" | "exceptions">,
  fixedGroups: { id: string; title: string }[] = [],
): CountRow[] {
  const rows = new Map<string, CountRow>();
  // The framework's groups come first, in its order, present even with nothing against them.
  for (const g of fixedGroups) rows.set(g.id, emptyCounts(g.id, g.title));
  const get = (g: string) => rows.get(g) ?? rows.set(g, emptyCounts(g)).get(g)!;
  const bump = (row: CountRow, key: string) => (row[key] = (row[key] as number) + 1);
  const total = emptyCounts("All returns");
  for (const r of rollup.returns) for (const g of groupOf.ret(r)) get(g).returns++;
  for (const m of rollup.measures) {
    for (const row of [get(groupOf.measure(m)), total]) {
      row.measures++;
      bump(row, `RAG: ${m.rag}`);
      bump(row, `Direction: ${m.direction}`);
    }
  }
  for (const a of rollup.actions) {
    for (const row of [get(groupOf.action(a)), total]) {
      row.actions++;
      bump(row, `Action: ${a.status}`);
    }
  }
  for (const e of rollup.exceptions) {
    get(groupOf.exception(e)).exceptions++;
    total.exceptions++;
  }
  // The total counts the rows themselves, not the groups: a return serving two priorities is one return.
  total.returns = rollup.returns.length;
  const fixed = new Set(fixedGroups.map((g) => g.id));
  const others = [...rows.values()].filter((r) => !fixed.has(r.group)).sort((x, y) => x.group.localeCompare(y.group));
  return [...fixedGroups.map((g) => rows.get(g.id)!), ...others, total];
}

const TIER_ORDER = ["Directorate", "Operational", "Team"];

/**
 * One row per measure (its corporate ID) for the period: the highest-tier plan's row is counted, the
 * others named in alsoReportedIn; differing figures become data-quality findings.
 */
function dedupeMeasures(measures: RollupMeasure[], period: string, findings: DataQualityFinding[]): RollupMeasure[] {
  const byId = new Map<string, RollupMeasure[]>();
  for (const m of measures) {
    const list = byId.get(m.id);
    if (list) list.push(m);
    else byId.set(m.id, [m]);
  }
  const kept: RollupMeasure[] = [];
  for (const [id, rows] of byId) {
    if (rows.length === 1) {
      kept.push(rows[0]);
      continue;
    }
    const sorted = [...rows].sort((x, y) => TIER_ORDER.indexOf(x.tier) - TIER_ORDER.indexOf(y.tier) || x.planId.localeCompare(y.planId));
    const [winner, ...others] = sorted;
    winner.alsoReportedIn = others.map((o) => o.planId).join(", ");
    kept.push(winner);
    const show = (v: number | string | null) => (v === null || v === "" ? "blank" : String(v));
    const differs = (["actual", "target", "rag"] as const).filter((f) => others.some((o) => o[f] !== winner[f]));
    const values = sorted.map((m) => `${m.planId} (${m.returnFile} Measures!A${m.returnRow}): ${differs.map((f) => `${f} ${show(m[f])}`).join(", ")}`);
    findings.push({
      measureId: id,
      period,
      kind: differs.length ? "Different figures" : "Reported twice",
      detail: differs.length
        ? `${id} is reported with different figures: ${values.join("; ")}. ${winner.planId}'s figures are counted; agree one figure.`
        : `${id} is reported in ${sorted.map((m) => m.planId).join(" and ")} with the same figures; counted once (${winner.planId}).`,
      file: sorted.map((m) => m.returnFile).join(", "),
      sheet: "Measures",
      cell: sorted.map((m) => `A${m.returnRow}`).join(", "),
    });
  }
  return kept;
}

/**
 * Adds the provenance to a return's row, in place. Each property is set by name: Object.assign adds
 * them as computed keys, after which V8 gave every row a shape of its own (or a dictionary), and every
 * later read of a row (the counts, the report, the files) went through the slow path.
 */
function adopt<T extends object>(row: T, prov: Provenance): T & Provenance {
  const r = row as T & Provenance;
  r.planId = prov.planId;
  r.directorate = prov.directorate;
  r.service = prov.service;
  r.tier = prov.tier;
  r.returnFile = prov.returnFile;
  return r;
}

/** Rolls up parsed returns. Takes ownership of them: their rows become the roll-up's rows (with provenance added). */
export function collect(inputs: CollectInput[], opts: CollectOptions = {}): Rollup {
  const rejects: Reject[] = [];
  const otherForms: Rollup["otherForms"] = [];
  const accepted: { file: string; ret: QsrReturn }[] = [];
  for (const input of inputs) {
    if (input.parsed.ok) accepted.push({ file: input.file, ret: input.parsed.value });
    else rejects.push(...issueRejects(input.parsed.issues));
  }
  const period = choosePeriod(accepted, opts.period);
  const inPeriod = accepted.filter((a) => {
    if (a.ret.header.period === period) return true;
    rejects.push({ file: a.file, sheet: "Return", cell: "", reason: `the return is for ${a.ret.header.period}; this roll-up is for ${period}` });
    return false;
  });
  // Drafts are set aside before choosing each plan's latest return, so an older Final still counts.
  const draftInputs = opts.includeDrafts
    ? []
    : latestPerPlan(
        inPeriod.filter((a) => a.ret.header.status === "Draft"),
        rejects,
        otherForms,
      );
  const counted = opts.includeDrafts ? inPeriod : inPeriod.filter((a) => a.ret.header.status !== "Draft");
  const kept = latestPerPlan(counted, rejects, otherForms).sort((x, y) => x.ret.header.planId.localeCompare(y.ret.header.planId));

  const deadline = opts.deadline;
  const isLate = (preparedOn: string) => deadline !== undefined && preparedOn.slice(0, 10) > deadline;
  const returns: ReturnReceived[] = [];
  const actions: RollupAction[] = [];
  const allMeasures: RollupMeasure[] = [];
  const allExceptions: RollupException[] = [];
  const targetChanges: RollupTargetChange[] = [];
  const history: RollupHistory[] = [];
  const received = ({ file, ret }: { file: string; ret: QsrReturn }): ReturnReceived => {
    const h = ret.header;
    const prov: Provenance = { planId: h.planId, directorate: h.directorate, service: h.service, tier: h.tier, returnFile: file };
    return {
      ...prov,
      council: h.council,
      team: h.team,
      period: h.period,
      preparedBy: h.preparedBy,
      preparedOn: h.preparedOn,
      status: h.status,
      planHash: h.planHash,
      planYear: h.planYear,
      signOffFingerprint: h.signOffFingerprint,
      late: isLate(h.preparedOn),
      actions: ret.actions.length,
      measures: ret.measures.length,
      exceptions: ret.exceptions.length,
    };
  };
  const draftsExcluded = draftInputs.map(received);
  for (const { file, ret } of kept) {
    const h = ret.header;
    const prov: Provenance = { planId: h.planId, directorate: h.directorate, service: h.service, tier: h.tier, returnFile: file };
    returns.push(received({ file, ret }));
    // The rows are adopted, not copied: copying tens of thousands of wide rows was most of the
    // roll-up's own time. collect() owns the parsed returns it is given (it adds provenance to them).
    for (const a of ret.actions) actions.push(adopt(a, prov));
    const earlier = new Map<string, { period: string; actual: number | null }[]>();
    for (const h of ret.history ?? []) if (h.itemType === "Measure") (earlier.get(h.id) ?? earlier.set(h.id, []).get(h.id)!).push({ period: h.period, actual: h.actual });
    ret.measures.forEach((m, i) => {
      const row = adopt(m, prov) as RollupMeasure;
      row.returnRow = i + 2;
      row.alsoReportedIn = "";
      row.earlier = earlier.get(m.id) ?? [];
      allMeasures.push(row);
    });
    for (const e of ret.exceptions) allExceptions.push(adopt(e, prov));
    for (const c of ret.targetChanges ?? []) targetChanges.push(adopt(c, prov));
    for (const h of ret.history ?? []) history.push(adopt(h, prov));
  }
  const dataQuality: DataQualityFinding[] = [];
  const measures = dedupeMeasures(allMeasures, period, dataQuality);
  // A measure's exception counts once too: the one from the return whose figures are counted.
  const countedMeasure = new Set(measures.map((m) => `${m.planId}\u0000${m.id}`));
  const exceptions = allExceptions.filter((e) => e.itemType !== "Measure" || countedMeasure.has(`${e.planId}\u0000${e.id}`));
  if (opts.registerIds) {
    const register = new Set(opts.registerIds);
    for (const m of measures)
      if (!register.has(m.id))
        dataQuality.push({
          measureId: m.id,
          period,
          kind: "Not in the register",
          detail: `${m.id} ("${m.name}") is not in the measure register: counted as ${m.planId}'s local measure. Check the ID, or ask the BI team to add it to the register.`,
          file: m.returnFile,
          sheet: "Measures",
          cell: `A${m.returnRow}`,
        });
  }

  const priorityOf = priorityResolver(actions, new Set([...(opts.priorityIds ?? []), ...(opts.priorities ?? []).map((p) => p.id)]));
  for (const a of actions) a.corporatePriority = priorityOf(a);
  for (const m of measures) m.corporatePriority = priorityOf(m);
  const rowPriority = new Map<string, string>();
  for (const a of actions) rowPriority.set(`Action\u0000${a.planId}\u0000${a.id}`, a.corporatePriority);
  for (const m of measures) rowPriority.set(`Measure\u0000${m.planId}\u0000${m.id}`, m.corporatePriority);
  const exceptionPriority = (e: RollupException) => rowPriority.get(`${e.itemType}\u0000${e.planId}\u0000${e.id}`) ?? NOT_LINKED;
  const directorateOf = (x: { directorate: string }) => x.directorate || "(no directorate)";
  const tables = { actions, measures, returns, exceptions };
  const planPriorities = new Map<string, Set<string>>();
  for (const x of [...actions, ...measures]) (planPriorities.get(x.planId) ?? planPriorities.set(x.planId, new Set()).get(x.planId)!).add(x.corporatePriority);

  return {
    period,
    returns,
    otherForms,
    draftsExcluded,
    dataQuality,
    actions,
    measures,
    exceptions,
    targetChanges,
    history,
    countsByDirectorate: countBy({ measure: directorateOf, action: directorateOf, exception: directorateOf, ret: (r) => [directorateOf(r)] }, tables),
    countsByPriority: countBy(
      {
        measure: (m) => m.corporatePriority,
        action: (a) => a.corporatePriority,
        exception: exceptionPriority,
        // A return counts once under each priority its rows serve.
        ret: (r) => [...(planPriorities.get(r.planId) ?? [])],
      },
      tables,
      opts.priorities,
    ),
    missing: missingReturns([...returns, ...draftsExcluded], opts.expected, isLate),
    rejects,
  };
}

function missingReturns(returns: ReturnReceived[], expected: Expected | undefined, isLate: (d: string) => boolean): MissingReturn[] {
  if (!expected) return [];
  const out: MissingReturn[] = [];
  const judge = (expectedName: string, kind: MissingReturn["kind"], found: ReturnReceived[]) => {
    if (found.length === 0) {
      out.push({ expected: expectedName, kind, status: "Missing", returnFile: "", preparedOn: "" });
      return;
    }
    const files = found.map((r) => r.returnFile).join(", ");
    const latest =
      found
        .map((r) => r.preparedOn)
        .sort()
        .at(-1) ?? "";
    if (found.every((r) => r.status === "Draft")) out.push({ expected: expectedName, kind, status: "Draft only", returnFile: files, preparedOn: latest });
    else if (found.every((r) => isLate(r.preparedOn))) out.push({ expected: expectedName, kind, status: "Late", returnFile: files, preparedOn: latest });
  };
  for (const id of expected.planIds)
    judge(
      id,
      "Plan",
      returns.filter((r) => r.planId === id),
    );
  for (const d of expected.directorates)
    judge(
      d,
      "Directorate",
      returns.filter((r) => r.directorate.trim().toLowerCase() === d.trim().toLowerCase()),
    );
  return out;
}
