import { parsePeriod } from "../../src/model/period";
import { ExceptionInfoMissingError, buildReturn, planHash } from "../../src/qsr/buildReturn";
import { qsrReturnSchema } from "../../src/qsr/schema";
import { action, measure, plan, realisticPlan, SETTINGS } from "./planFixtures";

const opts = { preparedBy: "A. Director", preparedOn: "2024-10-07", draft: false };

describe("buildReturn", () => {
  it("reports each action's status and each measure's RAG and direction, valid against the schema", () => {
    const p = plan({
      actions: [action({ id: "A1" }), action({ id: "A2", completedDate: "2024-08-01" })],
      measures: [measure({ id: "M1", q1Actual: 70, q2Actual: 81 })],
    });
    const r = buildReturn(p, SETTINGS, parsePeriod("2024/25 Q2"), opts);
    expect(qsrReturnSchema.parse(r)).toEqual(r);
    expect(r.header).toMatchObject({ planId: "DSP-ASC-2024", period: "2024/25 Q2", reportingDate: "2024-09-30", status: "Final", tier: "Directorate" });
    expect(r.actions.map((a) => [a.id, a.status, a.corporatePriority, a.sourceCell])).toEqual([
      ["A1", "On target", "CP2", "Actions!A2"],
      ["A2", "Delivered", "CP2", "Actions!A3"],
    ]);
    expect(r.measures[0]).toMatchObject({ id: "M1", target: 80, actual: 81, comparedWith: 70, rag: "Green", previousRag: "Red", direction: "Improving", exception: false });
  });

  it("uses the plan's reporting date only when it lies in the period", () => {
    const p = plan({ actions: [action({ id: "A1" })] });
    expect(buildReturn(p, { ...SETTINGS, reportingDate: "2024-09-15" }, parsePeriod("2024/25 Q2"), opts).header.reportingDate).toBe("2024-09-15");
    expect(buildReturn(p, { ...SETTINGS, reportingDate: "2024-12-15" }, parsePeriod("2024/25 Q2"), opts).header.reportingDate).toBe("2024-09-30");
  });

  it("refuses a final return while an exception lacks information, naming the row and cells", () => {
    const p = plan({ actions: [action({ id: "A1" }), action({ id: "SLIP", dueDate: "2024-04-30", revisedDueDate: "2024-12-31", slippageReason: "Staff shortage" })] });
    let caught: unknown;
    try {
      buildReturn(p, SETTINGS, parsePeriod("2024/25 Q2"), opts);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ExceptionInfoMissingError);
    const err = caught as ExceptionInfoMissingError;
    expect(err.missing.map((f) => [f.id, f.missing.map((n) => n.field)])).toEqual([["SLIP", ["correctiveAction", "recoveryDate"]]]);
    expect(err.message).toContain("Actions!S3");
    expect(err.message).toContain("action SLIP");
    const draft = buildReturn(p, SETTINGS, parsePeriod("2024/25 Q2"), { ...opts, draft: true });
    expect(draft.header.status).toBe("Draft");
    expect(draft.exceptions).toEqual([expect.objectContaining({ id: "SLIP", missing: "Corrective action; Recovery date", reason: "Staff shortage" })]);
    expect(draft.actions.find((a) => a.id === "SLIP")?.exception).toBe(true);
  });

  it("refuses a period outside the plan year", () => {
    expect(() => buildReturn(plan({}), SETTINGS, parsePeriod("2025/26 Q1"), opts)).toThrow("not in the plan year 2024/25");
  });

  it("hashes plan content, not cell positions", () => {
    const a = realisticPlan("P1", "Place", 5, 5);
    const moved = { ...a, actions: a.actions.map((x) => ({ ...x, source: { ...x.source, row: x.source.row + 10 } })) };
    expect(planHash(moved)).toBe(planHash(a));
    const changed = { ...a, actions: a.actions.map((x, i) => (i === 0 ? { ...x, progress: "changed" } : x)) };
    expect(planHash(changed)).not.toBe(planHash(a));
  });
});
