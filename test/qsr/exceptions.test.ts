import { parsePeriod, Quarter } from "../../src/model/period";
import { actionException, measureException, missingExceptionInfo, planExceptions } from "../../src/qsr/exceptions";
import { action, measure, plan, SETTINGS, update } from "./planFixtures";

const period = (q: Quarter) => parsePeriod(`2024/25 Q${q}`);
// Red in every quarter against a target of 80 (High is good, Amber within 5%).
const alwaysRed = { q1Actual: 50, q2Actual: 50, q3Actual: 50, q4Actual: 50 };
const alwaysGreen = { q1Actual: 90, q2Actual: 90, q3Actual: 90, q4Actual: 90 };

describe("measure exception rules", () => {
  const ids = (q: Quarter, measures: ReturnType<typeof measure>[], updates = [] as ReturnType<typeof update>[]) => planExceptions(plan({ measures, updates }), SETTINGS, period(q)).map((f) => f.id);

  it("key measures Red at Q2 and Q4 are exceptions; non-key ones are not", () => {
    const key = measure({ id: "KEY", keyMeasure: true, ...alwaysRed });
    const plain = measure({ id: "PLAIN", keyMeasure: false, ...alwaysRed });
    expect(ids(2, [key, plain])).toEqual(["KEY"]);
    expect(ids(4, [key, plain])).toEqual(["KEY"]);
  });

  it("at Q3 every measure Red at Q2, key or not, is an exception, even when Green now", () => {
    const redThenGreen = measure({ id: "RECOVERED", ...alwaysRed, q3Actual: 90 });
    const red = measure({ id: "STILL-RED", keyMeasure: true, ...alwaysRed });
    const green = measure({ id: "GREEN", keyMeasure: true, ...alwaysGreen });
    const redOnlyNow = measure({ id: "NEW-RED", ...alwaysGreen, q3Actual: 50 });
    expect(ids(3, [redThenGreen, red, green, redOnlyNow])).toEqual(["RECOVERED", "STILL-RED"]);
    const [recovered, stillRed] = planExceptions(plan({ measures: [redThenGreen, red] }), SETTINGS, period(3));
    expect(recovered.needs.map((n) => n.field)).toEqual(["redReason", "correctiveAction"]);
    expect(stillRed.needs.map((n) => n.field)).toEqual(["redReason", "correctiveAction", "recoveryDate"]);
    expect(stillRed.rule).toBe("Red the previous quarter (Q2)");
  });

  it("at Q1 the previous quarter is last year's Q4: an exception only when the Updates table says Red", () => {
    const a = measure({ id: "A", ...alwaysRed });
    const b = measure({ id: "B", ...alwaysRed });
    const c = measure({ id: "C", ...alwaysRed });
    const updates = [
      update({ period: "2023/24 Q4", itemId: "A", status: "Red" }),
      update({ period: "2023/24 Q4", itemId: "B", status: "Amber" }),
      update({ period: "2023/24 Q3", itemId: "C", status: "Red" }),
    ];
    expect(ids(1, [a, b, c], updates)).toEqual(["A"]);
    expect(ids(1, [a, b, c])).toEqual([]);
  });

  it("falls back to the Updates table when the previous quarter has no figures", () => {
    const noQ2 = measure({ id: "NOQ2", q2Actual: null, q3Actual: 85 });
    expect(ids(3, [noQ2])).toEqual([]);
    expect(ids(3, [noQ2], [update({ period: "2024/25 Q2", itemId: "NOQ2", status: " red " })])).toEqual(["NOQ2"]);
  });

  it("Q2 and Q4 do not report non-key measures that were Red the quarter before", () => {
    expect(ids(2, [measure({ id: "X", ...alwaysRed })])).toEqual([]);
    expect(ids(4, [measure({ id: "X", ...alwaysRed })])).toEqual([]);
  });

  it("lists exactly what is missing", () => {
    const f = measureException({ id: "M", keyMeasure: true, rag: "Red", previousRag: null, redReason: "Demand", correctiveAction: " ", recoveryDate: null }, 2);
    expect(f?.missing.map((n) => n.label)).toEqual(["Corrective action", "Recovery date"]);
    expect(measureException({ id: "M", keyMeasure: true, rag: "Amber", previousRag: null, redReason: "", correctiveAction: "", recoveryDate: null }, 2)).toBeNull();
  });
});

describe("action exception rules", () => {
  it("only actions slipped more than the threshold are exceptions, at every quarter", () => {
    const slipped = action({ id: "SLIP", dueDate: "2024-05-31", revisedDueDate: "2025-01-31" });
    const little = action({ id: "LITTLE", dueDate: "2024-05-31", revisedDueDate: "2024-07-15" });
    const fine = action({ id: "FINE" });
    for (const q of [1, 2, 3, 4] as Quarter[]) {
      expect(planExceptions(plan({ actions: [slipped, fine] }), SETTINGS, period(q)).map((f) => f.id)).toEqual(["SLIP"]);
    }
    // At Q1 the revised date is under 3 months late; by Q3 the reporting date itself is more than 3 months past due.
    expect(planExceptions(plan({ actions: [little] }), SETTINGS, period(1))).toEqual([]);
    expect(planExceptions(plan({ actions: [little] }), SETTINGS, period(3)).map((f) => f.id)).toEqual(["LITTLE"]);
    const f = actionException({ id: "X", status: "Slipped (more than 3 months)", slippageReason: "", correctiveAction: "Fix", recoveryDate: "2025-01-01" }, 3);
    expect(f?.missing.map((n) => n.field)).toEqual(["slippageReason"]);
    expect(f?.rule).toBe("Slipped more than 3 months");
    expect(actionException({ id: "X", status: "Slipped (less than 3 months)", slippageReason: "", correctiveAction: "", recoveryDate: null }, 3)).toBeNull();
  });

  it("missingExceptionInfo returns only incomplete rows, with their cells", () => {
    const complete = action({ id: "DONE", dueDate: "2024-05-31", revisedDueDate: "2025-01-31", slippageReason: "r", correctiveAction: "c", recoveryDate: "2025-01-31" });
    const incomplete = action({ id: "TODO", dueDate: "2024-05-31", revisedDueDate: "2025-01-31" });
    const missing = missingExceptionInfo(plan({ actions: [complete, incomplete] }), SETTINGS, period(3));
    expect(missing.map((f) => [f.id, f.source?.row])).toEqual([["TODO", 3]]);
    expect(missing[0].missing.map((n) => n.field)).toEqual(["slippageReason", "correctiveAction", "recoveryDate"]);
  });
});
