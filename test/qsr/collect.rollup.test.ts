// Regression tests for the four roll-up faults of issue 13, and a property test that recomputes every
// count table from the rows it summarises.
import fc from "fast-check";
import { parsePeriod } from "../../src/model/period";
import { buildReturn } from "../../src/qsr/buildReturn";
import { collect, CollectInput, COUNT_KEYS, CountRow, Rollup } from "../../src/qsr/collect";
import { QsrReturn } from "../../src/qsr/schema";
import { action, measure, plan, SETTINGS } from "./planFixtures";

const build = (p: ReturnType<typeof plan>, draft = false, preparedOn = "2024-10-07"): QsrReturn => buildReturn(p, SETTINGS, parsePeriod("2024/25 Q2"), { preparedBy: "Officer", preparedOn, draft });
const ok = (file: string, value: QsrReturn): CollectInput => ({ file, parsed: { ok: true, value } });

const PRIORITIES = ["CP1", "CP2", "CP3", "CP4", "CP5", "CP6"].map((id) => ({ id, title: `Priority ${id}` }));

// The demo's shape: SM15-SM17 in both the Directorate and the Operational plan.
const red = { annualTarget: 80, q2Target: 80, q2Actual: 50, redReason: "why", correctiveAction: "what", recoveryDate: "2025-01-31" };
const directorate = plan({
  details: { planId: "DSP-ASC", directorate: "Adult Social Care" },
  actions: [action({ id: "D1", parentLink: "CP2" })],
  measures: [measure({ id: "SM15", keyMeasure: true, ...red }), measure({ id: "SM16", ...red }), measure({ id: "SM17", q2Actual: 90 })],
});
const operational = (sm16Actual = 50) =>
  plan({
    details: { planId: "OSP-ASCO", tier: "Operational", directorate: "Adult Social Care" },
    actions: [action({ id: "O1", parentLink: "D1" })],
    measures: [
      measure({ id: "SM15", keyMeasure: true, parentLink: "D1", ...red }),
      measure({ id: "SM16", parentLink: "D1", ...red, q2Actual: sm16Actual }),
      measure({ id: "OM1", parentLink: "D1", q2Actual: 90 }),
    ],
  });
for (const p of [operational()]) p.register = [];

describe("roll-up faults (issue 13)", () => {
  it("counts a measure reported in two returns once, by its corporate ID", () => {
    const r = collect([ok("dsp.xlsx", build(directorate)), ok("osp.xlsx", build(operational()))]);
    const asc = r.countsByDirectorate.find((x) => x.group === "Adult Social Care")!;
    expect(asc["RAG: Red"]).toBe(2);
    expect(r.measures.map((m) => m.id).sort()).toEqual(["OM1", "SM15", "SM16", "SM17"]);
    // The Directorate plan's row is the one counted; the other plan is named beside it.
    expect(r.measures.find((m) => m.id === "SM15")).toMatchObject({ planId: "DSP-ASC", alsoReportedIn: "OSP-ASCO" });
    expect(
      r.exceptions
        .filter((e) => e.itemType === "Measure")
        .map((e) => `${e.planId} ${e.id}`)
        .sort(),
    ).toEqual(["DSP-ASC SM15"]); // key measure Red at Q2: one exception, not two
    expect(r.dataQuality.map((d) => [d.measureId, d.kind])).toEqual([
      ["SM15", "Reported twice"],
      ["SM16", "Reported twice"],
    ]);
  });

  it("lists differing figures for one measure as a data-quality finding naming both returns and values", () => {
    const r = collect([ok("dsp.xlsx", build(directorate)), ok("osp.xlsx", build(operational(55)))]);
    const sm16 = r.dataQuality.find((d) => d.measureId === "SM16")!;
    expect(sm16).toMatchObject({ kind: "Different figures", period: "2024/25 Q2", file: "dsp.xlsx, osp.xlsx", sheet: "Measures", cell: "A3, A3" });
    expect(sm16.detail).toContain("DSP-ASC (dsp.xlsx Measures!A3): actual 50");
    expect(sm16.detail).toContain("OSP-ASCO (osp.xlsx Measures!A3): actual 55");
  });

  it("lists draft returns and leaves them out of every count unless drafts are included", () => {
    const inputs = () => [ok("dsp.xlsx", build(directorate)), ok("osp-DRAFT.xlsx", build(operational(), true))];
    const r = collect(inputs());
    expect(r.returns.map((x) => x.returnFile)).toEqual(["dsp.xlsx"]);
    expect(r.draftsExcluded.map((x) => [x.returnFile, x.status])).toEqual([["osp-DRAFT.xlsx", "Draft"]]);
    expect(r.actions.map((a) => a.id)).toEqual(["D1"]);
    expect(r.measures.some((m) => m.planId === "OSP-ASCO")).toBe(false);
    expect(r.countsByDirectorate.at(-1)).toMatchObject({ returns: 1, actions: 1, measures: 3 });
    const withDrafts = collect(inputs(), { includeDrafts: true });
    expect(withDrafts.draftsExcluded).toEqual([]);
    expect(withDrafts.returns.map((x) => x.returnFile)).toEqual(["dsp.xlsx", "osp-DRAFT.xlsx"]);
    expect(withDrafts.countsByDirectorate.at(-1)).toMatchObject({ returns: 2, actions: 2, measures: 4 });
  });

  it("keeps an older Final when the latest return for the plan is a Draft", () => {
    const r = collect([ok("final.xlsx", build(directorate, false, "2024-10-01")), ok("later-DRAFT.xlsx", build(directorate, true, "2024-10-09"))]);
    expect(r.returns.map((x) => x.returnFile)).toEqual(["final.xlsx"]);
    expect(r.draftsExcluded.map((x) => x.returnFile)).toEqual(["later-DRAFT.xlsx"]);
    expect(r.rejects).toEqual([]);
  });

  it("gives the number of returns in the total row, not the sum over priorities", () => {
    const r = collect([ok("dsp.xlsx", build(directorate)), ok("osp.xlsx", build(operational()))], { priorities: PRIORITIES });
    expect(r.countsByPriority.at(-1)).toMatchObject({ group: "All returns", returns: 2 });
  });

  it("shows every Corporate Plan priority of the framework, with zeros where nothing is reported", () => {
    const r = collect([ok("dsp.xlsx", build(directorate))], { priorities: PRIORITIES });
    expect(r.countsByPriority.map((x) => x.group)).toEqual(["CP1", "CP2", "CP3", "CP4", "CP5", "CP6", "All returns"]);
    expect(r.countsByPriority[0]).toMatchObject({ group: "CP1", name: "Priority CP1", returns: 0, measures: 0, actions: 0, exceptions: 0, "RAG: Red": 0 });
  });

  it("lists a measure outside the register as a local measure, still counted", () => {
    const r = collect([ok("osp.xlsx", build(operational()))], { registerIds: ["SM15", "SM16"] });
    expect(r.measures.map((m) => m.id)).toContain("OM1");
    expect(r.dataQuality).toEqual([expect.objectContaining({ measureId: "OM1", kind: "Not in the register", file: "osp.xlsx", sheet: "Measures", cell: "A4" })]);
  });
});

// ---- Every count table, recomputed from the rows ----

const priorityIds = ["CP1", "CP2", "CP3"];
const arbPlan = (n: number) =>
  fc
    .record({
      tier: fc.constantFrom("Directorate", "Operational", "Team"),
      directorate: fc.constantFrom("Adult Social Care", "Place", "Children's Services"),
      draft: fc.boolean(),
      actions: fc.array(fc.record({ link: fc.constantFrom(...priorityIds, "ELSEWHERE"), slipped: fc.boolean() }), { maxLength: 4 }),
      measures: fc.array(fc.record({ id: fc.constantFrom("SM1", "SM2", "SM3", "SM4"), link: fc.constantFrom(...priorityIds), actual: fc.option(fc.integer({ min: 0, max: 120 })) }), { maxLength: 4 }),
    })
    .map((g) =>
      plan({
        details: { planId: `P${n}`, tier: g.tier as "Directorate", directorate: g.directorate },
        actions: g.actions.map((a, i) =>
          action({
            id: `P${n}-A${i}`,
            parentLink: a.link,
            ...(a.slipped ? { dueDate: "2024-05-31", revisedDueDate: "2024-12-31", slippageReason: "r", correctiveAction: "c", recoveryDate: "2024-12-31" } : {}),
          }),
        ),
        // One plan reports a measure at most once.
        measures: [...new Map(g.measures.map((m) => [m.id, m])).values()].map((m) =>
          measure({ id: m.id, parentLink: m.link, q2Actual: m.actual, redReason: "r", correctiveAction: "c", recoveryDate: "2025-01-31" }),
        ),
      }),
    )
    .map((p) => ({ p, draft: false }));

function recount(r: Rollup, groupOf: (row: { directorate: string; corporatePriority?: string }) => string, group: string): Partial<CountRow> {
  const inGroup = <T extends { directorate: string; corporatePriority?: string }>(rows: T[]) => (group === "All returns" ? rows : rows.filter((x) => groupOf(x) === group));
  const ms = inGroup(r.measures);
  const as = inGroup(r.actions);
  const out: Record<string, number> = { measures: ms.length, actions: as.length };
  for (const k of COUNT_KEYS.rag) out[k] = ms.filter((m) => `RAG: ${m.rag}` === k).length;
  for (const k of COUNT_KEYS.direction) out[k] = ms.filter((m) => `Direction: ${m.direction}` === k).length;
  for (const k of COUNT_KEYS.actionStatus) out[k] = as.filter((a) => `Action: ${a.status}` === k).length;
  return out;
}

describe("count tables", () => {
  it("agree with the rows they count, for any set of returns", () => {
    fc.assert(
      fc.property(fc.tuple(arbPlan(1), arbPlan(2), arbPlan(3), arbPlan(4)), fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), fc.boolean(), (plans, drafts, includeDrafts) => {
        const inputs = plans.map(({ p }, i) => ok(`p${i}.xlsx`, build(p, drafts[i])));
        const r = collect(inputs, { priorities: priorityIds.map((id) => ({ id, title: id })), includeDrafts });
        // Every counted measure ID appears once; drafts are either counted or listed, never both.
        expect(new Set(r.measures.map((m) => m.id)).size).toBe(r.measures.length);
        expect(r.returns.length + r.draftsExcluded.length).toBe(4);
        if (!includeDrafts) expect(r.returns.every((x) => x.status === "Final")).toBe(true);
        for (const [table, groupOf] of [
          [r.countsByDirectorate, (x: { directorate: string }) => x.directorate || "(no directorate)"],
          [r.countsByPriority, (x: { corporatePriority?: string }) => x.corporatePriority ?? ""],
        ] as const) {
          for (const row of table) expect(row).toMatchObject(recount(r, groupOf as (x: { directorate: string }) => string, row.group));
          expect(table.at(-1)!.returns).toBe(r.returns.length);
          expect(table.at(-1)!.exceptions).toBe(r.exceptions.length);
        }
        expect(r.countsByPriority.slice(0, 3).map((x) => x.group)).toEqual(priorityIds);
        const byDirReturns = r.countsByDirectorate.slice(0, -1).reduce((n, x) => n + x.returns, 0);
        expect(byDirReturns).toBe(r.returns.length);
      }),
      { numRuns: 60 },
    );
  });
});
