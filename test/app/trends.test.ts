// The pane's trend use case: every measure's quarters at the plan's reporting quarter.
import { measureTrends } from "../../src/app/trends";
import { measure, plan } from "../qsr/planFixtures";

const settings = (reportingDate: string | null) => ({ reportingDate, tolerances: { greenWithin: 0, amberWithin: 5 }, slippageMonths: 3 });

test("each measure's actual, target and RAG by quarter, up to the reporting quarter", () => {
  const p = plan({ measures: [measure({ id: "M1", name: "Take-up", annualTarget: 80, q1Actual: 70, q2Actual: 81, q3Actual: 90 })] });
  const [m1] = measureTrends({ plan: p, settings: settings("2024-09-30") });
  expect(m1.id).toBe("M1");
  // Q3's figure is there but the plan reports at Q2: the chart stops at Q2.
  expect(m1.points.map((x) => [x.quarter, x.actual, x.target, x.rag])).toEqual([
    [1, 70, 80, "Red"],
    [2, 81, 80, "Green"],
    [3, null, 80, null],
    [4, null, 80, null],
  ]);
});

test("a plan with no reporting date is read at Q1 of its year", () => {
  const p = plan({ measures: [measure({ id: "M1", annualTarget: 80, q1Actual: 78, q2Actual: 81 })] });
  expect(measureTrends({ plan: p, settings: settings(null) })[0].points.map((x) => x.rag)).toEqual(["Amber", null, null, null]);
});
