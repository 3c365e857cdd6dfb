// The corporate roll-up: from parsed returns (and the files that could not be read) to the tables of
// the Corporate Plan overview. Pure: the file reading lives in files/collectFiles.ts.
import { parsePeriod, periodLabel } from "../model/period";
import { ParsedReturn, ReturnIssue } from "./parseReturn";
import { QsrReturn, ReturnAction, ReturnException, ReturnMeasure } from "./schema";
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
export type RollupMeasure = ReturnMeasure & Provenance;
export type RollupException = ReturnException & Provenance;

export interface ReturnReceived extends Provenance {
  council: string;
  team: string;
  period: string;
  preparedBy: string;
  preparedOn: string;
  status: string;
  planHash: string;
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
export type CountRow = { group: string; returns: number; measures: number; actions: number; exceptions: number } & Record<string, string | number>;

export interface Rollup {
  period: string;
  returns: ReturnReceived[];
  actions: RollupAction[];
  measures: RollupMeasure[];
  exceptions: RollupException[];
  countsByDirectorate: CountRow[];
  countsByPriority: CountRow[];
  missing: MissingReturn[];
  rejects: Reject[];
}

/** Count column keys, in order, shared by the two counts tables. */
export const COUNT_KEYS = {
  rag: RAGS.map((r) => `RAG: ${r}`),
  direction: DIRECTIONS.map((d) => `Direction: ${d}`),
  actionStatus: ACTION_STATUSES.map((s) => `Action: ${s}`),
};

/** Sortable form of prepared-on: a plain date counts as the start of that day. */
export function preparedKey(preparedOn: string): string {
  if (preparedOn.length === 10) return `${preparedOn}T00:00:00Z`;
  return preparedOn.length === 17 ? `${preparedOn.slice(0, 16)}:00Z` : preparedOn;
}

const NOT_LINKED = "Not linked to a priority";

function issueRejects(issues: ReturnIssue[]): Reject[] {
  return issues.map((i) => ({ file: i.file, sheet: i.sheet, cell: i.cell, reason: i.reason }));
}

/** Keeps the latest return for each plan and period; the others become rejects. */
function latestPerPlan(accepted: { file: string; ret: QsrReturn }[], rejects: Reject[]): { file: string; ret: QsrReturn }[] {
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

function emptyCounts(group: string): CountRow {
  const row: CountRow = { group, returns: 0, measures: 0, actions: 0, exceptions: 0 };
  for (const keys of Object.values(COUNT_KEYS)) for (const k of keys) row[k] = 0;
  return row;
}

function countBy(
  groupOf: { measure: (m: RollupMeasure) => string; action: (a: RollupAction) => string; ret: (r: ReturnReceived) => string[]; exception: (e: RollupException) => string },
  rollup: Pick<Rollup, "actions" | "measures" | "returns" | "exceptions">,
): CountRow[] {
  const rows = new Map<string, CountRow>();
  const get = (g: string) => rows.get(g) ?? rows.set(g, emptyCounts(g)).get(g)!;
  const bump = (row: CountRow, key: string) => (row[key] = (row[key] as number) + 1);
  for (const r of rollup.returns) for (const g of groupOf.ret(r)) get(g).returns++;
  for (const m of rollup.measures) {
    const row = get(groupOf.measure(m));
    row.measures++;
    bump(row, `RAG: ${m.rag}`);
    bump(row, `Direction: ${m.direction}`);
  }
  for (const a of rollup.actions) {
    const row = get(groupOf.action(a));
    row.actions++;
    bump(row, `Action: ${a.status}`);
  }
  for (const e of rollup.exceptions) get(groupOf.exception(e)).exceptions++;
  const sorted = [...rows.values()].sort((x, y) => x.group.localeCompare(y.group));
  const total = emptyCounts("All returns");
  for (const row of sorted) for (const [k, v] of Object.entries(row)) if (typeof v === "number") total[k] = (total[k] as number) + v;
  return [...sorted, total];
}

/** Rolls up parsed returns. Takes ownership of them: their rows become the roll-up's rows (with provenance added). */
export function collect(inputs: CollectInput[], opts: CollectOptions = {}): Rollup {
  const rejects: Reject[] = [];
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
  const kept = latestPerPlan(inPeriod, rejects).sort((x, y) => x.ret.header.planId.localeCompare(y.ret.header.planId));

  const deadline = opts.deadline;
  const isLate = (preparedOn: string) => deadline !== undefined && preparedOn.slice(0, 10) > deadline;
  const returns: ReturnReceived[] = [];
  const actions: RollupAction[] = [];
  const measures: RollupMeasure[] = [];
  const exceptions: RollupException[] = [];
  for (const { file, ret } of kept) {
    const h = ret.header;
    const prov: Provenance = { planId: h.planId, directorate: h.directorate, service: h.service, tier: h.tier, returnFile: file };
    returns.push({
      ...prov,
      council: h.council,
      team: h.team,
      period: h.period,
      preparedBy: h.preparedBy,
      preparedOn: h.preparedOn,
      status: h.status,
      planHash: h.planHash,
      late: isLate(h.preparedOn),
      actions: ret.actions.length,
      measures: ret.measures.length,
      exceptions: ret.exceptions.length,
    });
    // The rows are adopted, not copied: copying tens of thousands of wide rows was most of the
    // roll-up's own time. collect() owns the parsed returns it is given (it adds provenance to them).
    for (const a of ret.actions) actions.push(Object.assign(a, prov));
    for (const m of ret.measures) measures.push(Object.assign(m, prov));
    for (const e of ret.exceptions) exceptions.push(Object.assign(e, prov));
  }

  const priorityOf = priorityResolver(actions, new Set(opts.priorityIds ?? []));
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
    actions,
    measures,
    exceptions,
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
    ),
    missing: missingReturns(returns, opts.expected, isLate),
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
    const latest = found.map((r) => r.preparedOn).sort().at(-1) ?? "";
    if (found.every((r) => r.status === "Draft")) out.push({ expected: expectedName, kind, status: "Draft only", returnFile: files, preparedOn: latest });
    else if (found.every((r) => isLate(r.preparedOn))) out.push({ expected: expectedName, kind, status: "Late", returnFile: files, preparedOn: latest });
  };
  for (const id of expected.planIds) judge(id, "Plan", returns.filter((r) => r.planId === id));
  for (const d of expected.directorates) judge(d, "Directorate", returns.filter((r) => r.directorate.trim().toLowerCase() === d.trim().toLowerCase()));
  return out;
}
