import { parsePeriod } from "../../src/model/period";
import { buildReturn } from "../../src/qsr/buildReturn";
import { collect, CollectInput } from "../../src/qsr/collect";
import { parseExpected } from "../../src/qsr/expected";
import { QsrReturn } from "../../src/qsr/schema";
import { action, measure, plan, SETTINGS } from "./planFixtures";

const build = (p: ReturnType<typeof plan>, preparedOn = "2024-10-07", draft = false, period = "2024/25 Q2"): QsrReturn =>
  buildReturn(p, SETTINGS, parsePeriod(period), { preparedBy: "Officer", preparedOn, draft });
const ok = (file: string, value: QsrReturn): CollectInput => ({ file, parsed: { ok: true, value } });

// A Directorate plan linked to CP2, an Operational plan linked to its actions, a Team plan linked to those.
const directorate = plan({
  details: { planId: "DSP-ASC", directorate: "Adult Social Care" },
  actions: [action({ id: "D1", parentLink: "CP2" }), action({ id: "D2", parentLink: "CP5" })],
  measures: [measure({ id: "KPI1", keyMeasure: true, q2Actual: 50, redReason: "why", correctiveAction: "what", recoveryDate: "2025-01-31" })],
});
const operational = plan({
  details: { planId: "OSP-ASC", tier: "Operational", directorate: "Adult Social Care", service: "Operations" },
  actions: [action({ id: "O1", parentLink: "D1" }), action({ id: "O2", parentLink: "D2" }), action({ id: "O3", parentLink: "NOWHERE" })],
});
const team = plan({ details: { planId: "TP-REAB", tier: "Team", directorate: "Adult Social Care" }, actions: [action({ id: "T1", parentLink: "O1" })] });
const place = plan({ details: { planId: "DSP-PLACE", directorate: "Place" }, measures: [measure({ id: "PM1", parentLink: "CP4", q2Actual: 90 })] });
// Operational and team plans' registers list parent actions, not priorities.
for (const p of [operational, team]) p.register = [];

describe("collect", () => {
  const rollup = collect([ok("d.xlsx", build(directorate)), ok("o.xlsx", build(operational)), ok("t.xlsx", build(team)), ok("p.xlsx", build(place))]);

  it("follows parent links across returns to the Corporate Plan priority", () => {
    const priority = Object.fromEntries(rollup.actions.map((a) => [a.id, a.corporatePriority]));
    expect(priority).toEqual({ D1: "CP2", D2: "CP5", O1: "CP2", O2: "CP5", O3: "Not linked to a priority", T1: "CP2" });
    expect(rollup.measures.find((m) => m.id === "PM1")?.corporatePriority).toBe("CP4");
  });

  it("keeps the source of every row", () => {
    expect(rollup.actions.find((a) => a.id === "T1")).toMatchObject({ planId: "TP-REAB", tier: "Team", returnFile: "t.xlsx", sourceCell: "Actions!A2" });
  });

  it("counts by directorate and priority, with a total row", () => {
    const asc = rollup.countsByDirectorate.find((r) => r.group === "Adult Social Care")!;
    expect(asc).toMatchObject({ returns: 3, actions: 6, measures: 1, "RAG: Red": 1, "Action: On target": 6, exceptions: 1 });
    const total = rollup.countsByDirectorate.at(-1)!;
    expect(total).toMatchObject({ group: "All returns", returns: 4, actions: 6, measures: 2, "RAG: Red": 1, "RAG: Green": 1 });
    const cp2 = rollup.countsByPriority.find((r) => r.group === "CP2")!;
    expect(cp2).toMatchObject({ actions: 3, measures: 1, exceptions: 1 });
    expect(rollup.countsByPriority.map((r) => r.group)).toEqual(["CP2", "CP4", "CP5", "Not linked to a priority", "All returns"]);
  });

  it("lists rejects from unreadable returns and returns for another period", () => {
    const r = collect(
      [
        ok("q2.xlsx", build(place)),
        ok("q1.xlsx", build(directorate, "2024-07-10", false, "2024/25 Q1")),
        { file: "bad.xlsx", parsed: { ok: false, issues: [{ file: "bad.xlsx", sheet: "Measures", cell: "K2", reason: "Baseline: not a number" }] } },
      ],
      { period: "2024/25 Q2" },
    );
    expect(r.returns.map((x) => x.planId)).toEqual(["DSP-PLACE"]);
    expect(r.rejects).toEqual([
      { file: "bad.xlsx", sheet: "Measures", cell: "K2", reason: "Baseline: not a number" },
      { file: "q1.xlsx", sheet: "Return", cell: "", reason: "the return is for 2024/25 Q1; this roll-up is for 2024/25 Q2" },
    ]);
  });

  it("keeps the latest of duplicate returns; on the same day a final beats a draft", () => {
    const r = collect([ok("a.xlsx", build(place, "2024-10-07T10:00:00Z")), ok("b.xlsx", build(place, "2024-10-07T09:00Z")), ok("c.xlsx", build(place, "2024-10-06"))]);
    expect(r.returns.map((x) => x.returnFile)).toEqual(["a.xlsx"]);
    expect(r.rejects.map((x) => x.file).sort()).toEqual(["b.xlsx", "c.xlsx"]);
    const tie = collect([ok("draft.xlsx", build(place, "2024-10-07", true)), ok("final.xlsx", build(place, "2024-10-07", false))]);
    expect(tie.returns.map((x) => x.returnFile)).toEqual(["final.xlsx"]);
  });

  it("reports missing, late and draft-only returns against the expected list", () => {
    const r = collect([ok("d.xlsx", build(directorate, "2024-10-20")), ok("p.xlsx", build(place, "2024-10-10", true))], {
      expected: { planIds: ["DSP-ASC", "DSP-PLACE", "DSP-CS"], directorates: ["Adult Social Care", "Children's Services"] },
      deadline: "2024-10-15",
    });
    expect(r.missing).toEqual([
      { expected: "DSP-ASC", kind: "Plan", status: "Late", returnFile: "d.xlsx", preparedOn: "2024-10-20" },
      { expected: "DSP-PLACE", kind: "Plan", status: "Draft only", returnFile: "p.xlsx", preparedOn: "2024-10-10" },
      { expected: "DSP-CS", kind: "Plan", status: "Missing", returnFile: "", preparedOn: "" },
      { expected: "Adult Social Care", kind: "Directorate", status: "Late", returnFile: "d.xlsx", preparedOn: "2024-10-20" },
      { expected: "Children's Services", kind: "Directorate", status: "Missing", returnFile: "", preparedOn: "" },
    ]);
    expect(r.returns.find((x) => x.planId === "DSP-ASC")?.late).toBe(true);
  });
});

describe("parseExpected", () => {
  it("reads CSV and JSON lists", () => {
    expect(parseExpected("plan_id,directorate\r\nDSP-ASC,Adult Social Care\r\nDSP-CS,\r\n", "e.csv")).toEqual({ planIds: ["DSP-ASC", "DSP-CS"], directorates: ["Adult Social Care"] });
    expect(parseExpected('["A","B"]', "e.json")).toEqual({ planIds: ["A", "B"], directorates: [] });
    expect(parseExpected('{"directorates":["Place"]}', "e.json")).toEqual({ planIds: [], directorates: ["Place"] });
  });
  it("names the file and what is wrong", () => {
    expect(() => parseExpected("name\nX\n", "e.csv")).toThrow("e.csv: row 1: the expected list needs a plan_id or directorate column (found: name)");
    expect(() => parseExpected('{"planIds":[1]}', "e.json")).toThrow("e.json: planIds[0] must be a non-empty string");
    expect(() => parseExpected("{oops", "e.json")).toThrow(/^e\.json: not valid JSON/);
  });
});
