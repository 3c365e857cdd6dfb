// The pane's year state reads only what it shows, in two syncs on the Excel double whatever the
// plan's size, and says what a full read of the plan says (on the double and on a file).
import { recordQuarter } from "../../src/app/recordQuarter";
import { signOffWorkbook } from "../../src/app/signOff";
import { yearServices } from "../../src/app/yearServices";
import { recordedPeriods } from "../../src/cycle/history";
import { planDesign } from "../../src/workbook/design";
import type { WorkbookPort } from "../../src/workbook/port";
import { readPlan } from "../../src/workbook/readPlan";
import { sampleDetails } from "../workbook/samplePlan";
import { cycleActions, cycleMeasures, FILE, framework, planFile, planOnDouble } from "./helpers";

const today = () => new Date("2024-10-07T09:00:00Z");

/** The year state as worked out from the whole workbook. */
async function fromFullRead(port: WorkbookPort, fileName: string) {
  const snapshot = await port.read();
  const plan = readPlan(snapshot, fileName).plan;
  const s = plan.cycle?.signOff;
  return {
    planYear: plan.details.planYear,
    signedOff: s ? { by: s.by, role: s.role, on: s.on } : null,
    recorded: recordedPeriods(snapshot.tables.find((t) => t.name === "Updates")!),
  };
}

/** Signs off and records two quarters (not in order): what the year state shows afterwards. */
async function walkYear(port: WorkbookPort, fileName: string) {
  await signOffWorkbook(port, { fileName, by: "Jane Smith", role: "Director", on: "2024-04-08" });
  for (const period of ["2024/25 Q2", "2024/25 Q1"]) await recordQuarter(port, { fileName, period, updatedBy: "Sam Hughes", updatedOn: "2024-10-07", replace: false });
}

test.each([50, 20000])(
  "%i measures on the Excel double: two syncs, not signed off then signed off with two quarters recorded, as a full read says",
  async (n) => {
    const measures = Array.from({ length: n }, (_, i) => ({ ...cycleMeasures()[i % 2], id: `M-${i + 1}` }));
    const { fake, port } = await planOnDouble(planDesign({ details: sampleDetails({ formatVersion: 2 }), framework, actions: cycleActions(), measures }));
    const year = yearServices(port, "Book1", () => framework, today);
    const states = [];
    for (const step of [async () => undefined, () => walkYear(port, "Book1")]) {
      await step();
      fake.workbook.resetStats();
      const state = await year.yearState();
      expect(fake.workbook.stats.syncs).toBe(2);
      expect(state).toEqual(await fromFullRead(port, "Book1"));
      states.push(state);
    }
    expect(states).toEqual([
      { planYear: "2024/25", signedOff: null, recorded: [] },
      { planYear: "2024/25", signedOff: { by: "Jane Smith", role: "Director", on: "2024-04-08" }, recorded: ["2024/25 Q2", "2024/25 Q1"] },
    ]);
  },
  120000,
);

test("on a file: the same state", async () => {
  const wb = await planFile();
  const year = yearServices(wb, FILE, () => framework, today);
  expect(await year.yearState()).toEqual({ planYear: "2024/25", signedOff: null, recorded: [] });
  await walkYear(wb, FILE);
  expect(await year.yearState()).toEqual(await fromFullRead(wb, FILE));
  expect((await year.yearState()).signedOff).toEqual({ by: "Jane Smith", role: "Director", on: "2024-04-08" });
});
