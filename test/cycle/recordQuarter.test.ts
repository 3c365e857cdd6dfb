// Record the quarter: the period's rows appended, a period recorded again replaced, nothing else touched.
import { recordQuarter } from "../../src/app/recordQuarter";
import { returnSettings } from "../../src/app/plan";
import { mergeHistory, quarterRows } from "../../src/cycle/history";
import { parsePeriod } from "../../src/model/period";
import { readPlan } from "../../src/workbook/readPlan";
import { planDesign } from "../../src/workbook/design";
import { WorkbookSnapshot } from "../../src/workbook/port";
import { cycleActions, cycleMeasures, FILE, framework, planFile, planOnDouble, reopen } from "./helpers";
import { sampleDetails } from "../workbook/samplePlan";
import fc from "fast-check";
import { ExcelWorkbook } from "../../src/excel/adapter";
import { createFakeOffice } from "../doubles/excel/fakeExcel";

const request = (period: string, replace = true) => ({ fileName: FILE, period, updatedBy: "Sam Hughes", updatedOn: "2024-10-07", replace });

const withoutUpdates = (s: WorkbookSnapshot) => ({ ...s, tables: s.tables.filter((t) => t.name !== "Updates"), sheets: s.sheets.filter((x) => x.name !== "Updates") });

describe("record the quarter on a file", () => {
  test("appends each action's status, % complete, RAG and narrative and each measure's actual, target, RAG and direction, with who and when", async () => {
    const wb = await planFile();
    const before = await wb.read();
    const result = await recordQuarter(wb, request("2024/25 Q2"));
    expect(result).toMatchObject({ period: "2024/25 Q2", added: 5, replaced: 0, kept: 0, needsConfirmation: false, missingColumns: [] });
    const after = await (await reopen(wb)).read();
    const updates = readPlan(after, FILE).plan.updates.map(({ source: _s, ...u }) => u);
    expect(updates[0]).toEqual({
      period: "2024/25 Q2",
      itemId: "A-1",
      status: "On target",
      percentComplete: 60,
      selfAssessedRag: "Green",
      target: null,
      value: null,
      direction: "",
      narrative: "Site works under way.",
      updatedBy: "Sam Hughes",
      updatedOn: "2024-10-07",
    });
    expect(updates[3]).toEqual({
      period: "2024/25 Q2",
      itemId: "M-1",
      status: "Amber",
      percentComplete: null,
      selfAssessedRag: null,
      target: 75,
      value: 74,
      direction: "Improving",
      narrative: "Improving.",
      updatedBy: "Sam Hughes",
      updatedOn: "2024-10-07",
    });
    // Nothing else in the plan changed.
    expect(withoutUpdates(after).tables).toEqual(withoutUpdates(before).tables);
  });

  test("recording a period again replaces that period's rows only, after confirmation", async () => {
    const wb = await planFile();
    await recordQuarter(wb, request("2024/25 Q1"));
    await recordQuarter(wb, request("2024/25 Q2"));
    const asked = await recordQuarter(wb, request("2024/25 Q1", false));
    expect(asked).toMatchObject({ needsConfirmation: true, added: 0 });
    const again = await recordQuarter(wb, { ...request("2024/25 Q1"), updatedBy: "Alex Lee" });
    expect(again).toMatchObject({ replaced: 5, added: 5, kept: 5 });
    const updates = readPlan(await wb.read(), FILE).plan.updates;
    expect(updates.map((u) => `${u.period} ${u.updatedBy}`)).toEqual([...Array(5).fill("2024/25 Q2 Sam Hughes"), ...Array(5).fill("2024/25 Q1 Alex Lee")]);
  });

  test("bad input: a period outside the plan year, not a period, no name; history for an unknown ID is kept and named", async () => {
    const wb = await planFile();
    await expect(recordQuarter(wb, request("2023/24 Q4"))).rejects.toThrow("plan.xlsx: period: 2023/24 Q4 is outside the plan year 2024/25");
    await expect(recordQuarter(wb, request("Q5"))).rejects.toThrow('plan.xlsx: period: "Q5" is not a reporting period');
    await expect(recordQuarter(wb, { ...request("2024/25 Q1"), updatedBy: "" })).rejects.toThrow("needs who is recording it");
    await wb.replaceRows("Updates", [["2024/25 Q1", "OLD-9", "Green", null, null, null, null, null, "", "Someone", null]]);
    const result = await recordQuarter(wb, request("2024/25 Q2"));
    expect(result.notes).toEqual(['plan.xlsx Updates!B2: history for "OLD-9", which is not an action or measure in this plan; the row is kept as it is']);
    expect(readPlan(await wb.read(), FILE).plan.updates[0].itemId).toBe("OLD-9");
  });

  test("a format v1 plan (Updates without the new columns) records what its table has and says what it lacks", async () => {
    const wb = await planFile({ formatVersion: 1 });
    const snapshot = await wb.read();
    const updates = snapshot.tables.find((t) => t.name === "Updates")!;
    const v1 = ["Period", "Action or measure ID", "Status", "% complete", "Actual", "Narrative", "Updated by", "Updated on"];
    const merged = mergeHistory(
      { ...updates, headers: v1, rows: [] },
      parsePeriod("2024/25 Q1"),
      quarterRows(readPlan(snapshot, FILE).plan, { tolerances: framework.tolerances, slippageMonths: 3 }, parsePeriod("2024/25 Q1"), "S", "2024-07-01"),
      new Set(),
      FILE,
    );
    expect(merged.missingColumns).toEqual(["Self-assessed RAG", "Target", "Direction of travel"]);
    expect(merged.rows[3]).toEqual(["2024/25 Q1", "M-1", "Green", null, 73, "Improving.", "S", 45474]);
    expect(readPlan(snapshot, FILE).plan.details.formatVersion).toBe(1);
  });

  test("property: whatever periods are recorded in whatever order, each period holds exactly its latest recording", async () => {
    const plan = readPlan(await (await planFile()).read(), FILE).plan;
    const settings = { tolerances: framework.tolerances, slippageMonths: 3 };
    const table = {
      name: "Updates",
      sheet: "Updates",
      range: "A1:K2",
      headers: ["Period", "Action or measure ID", "Status", "% complete", "Self-assessed RAG", "Target", "Actual", "Direction of travel", "Narrative", "Updated by", "Updated on"],
      rows: [] as (string | number | null)[][],
    };
    const ids = new Set(["A-1", "A-2", "A-3", "M-1", "M-2"]);
    fc.assert(
      fc.property(fc.array(fc.record({ q: fc.constantFrom(1, 2, 3, 4), who: fc.constantFrom("A", "B", "C") }), { maxLength: 8 }), (runs) => {
        let rows: (string | number | null | boolean)[][] = [];
        for (const r of runs) {
          const period = parsePeriod(`2024/25 Q${r.q}`);
          rows = mergeHistory({ ...table, range: `A1:K${rows.length + 1}`, rows: rows as never }, period, quarterRows(plan, settings, period, r.who, "2024-07-01"), ids).rows;
        }
        for (const q of [1, 2, 3, 4]) {
          const last = [...runs].reverse().find((r) => r.q === q);
          const held = rows.filter((r) => r[0] === `2024/25 Q${q}`);
          expect(held.length).toBe(last ? 5 : 0);
          if (last) expect(new Set(held.map((r) => r[9]))).toEqual(new Set([last.who]));
        }
      }),
    );
  });
});

describe("record the quarter reads only the columns it needs", () => {
  test("the rows written are those worked out from the whole plan, every quarter, with earlier rows (all their columns) left as they were", async () => {
    const wb = await planFile();
    let earlier: unknown[] = [];
    for (const q of [1, 2, 3, 4, 2]) {
      const read = readPlan(await wb.read(), FILE);
      const full = read.plan;
      const settings = returnSettings(read);
      const period = parsePeriod(`2024/25 Q${q}`);
      const expected = quarterRows(full, settings, period, "Sam Hughes", "2024-10-07").map((u) => ({ ...u, period: `2024/25 Q${q}` }));
      await recordQuarter(wb, request(`2024/25 Q${q}`));
      const updates = readPlan(await (await reopen(wb)).read(), FILE).plan.updates.map(({ source: _s, ...u }) => u);
      expect(updates.filter((u) => u.period === `2024/25 Q${q}`)).toEqual(expected);
      const others = updates.filter((u) => u.period !== `2024/25 Q${q}`);
      expect(others).toEqual(earlier.filter((u) => (u as { period: string }).period !== `2024/25 Q${q}`));
      earlier = updates;
    }
  });
});

describe("record the quarter when Excel's answers must be small", () => {
  // Excel on the web refuses an answer over 5 MB (resource limits page, "Excel add-ins"); the double
  // enforces whatever limit it is given. Here 64 KB, so the columns must come in several answers.
  test.each([
    ["sized from the last row: every answer under the limit", 48 * 1024, true],
    ["guessed too big: the refused answer read again in halves until each fits", 64 * 1024 * 1024, false],
  ])("%s, and the same rows as from a file", async (_, target, sized) => {
    const measures = Array.from({ length: 600 }, (_, i) => ({ ...cycleMeasures()[i % 2], id: `M-${i + 1}` }));
    const design = planDesign({ details: sampleDetails({ formatVersion: 2 }), framework, actions: cycleActions(), measures });
    const small = createFakeOffice(undefined, { responseLimitBytes: 64 * 1024 });
    const port = new ExcelWorkbook({ run: (batch) => small.Excel.run({ delayForCellEdit: true }, batch as never), requirements: small.Office.context.requirements, readResponseTargetBytes: target });
    await port.apply(design);
    const file = await planFile({ measures: readPlan({ ...(await port.read()) }, "Book1").plan.measures });
    small.workbook.resetStats();
    await recordQuarter(port, { ...request("2024/25 Q2"), fileName: "Book1" });
    if (sized) expect(small.workbook.stats.largestResponseBytes).toBeLessThanOrEqual(64 * 1024);
    expect(small.workbook.stats.syncs).toBeGreaterThan(3);
    await recordQuarter(file, request("2024/25 Q2"));
    const strip = (s: WorkbookSnapshot, name: string) => readPlan(s, name).plan.updates.map(({ source: _s, ...u }) => u);
    expect(strip(await port.read(), "Book1")).toEqual(strip(await file.read(), FILE));
  });
});

describe("record the quarter on the Excel double", () => {
  test("three syncs each time: recording, recording the next quarter, replacing it; the earlier quarter's narrative and who are kept", async () => {
    const { fake, port } = await planOnDouble();
    const syncs: number[] = [];
    for (const [period, who] of [
      ["2024/25 Q1", "Sam Hughes"],
      ["2024/25 Q2", "Sam Hughes"],
      ["2024/25 Q2", "Alex Lee"],
    ]) {
      fake.workbook.resetStats();
      await recordQuarter(port, { ...request(period), fileName: "Book1", updatedBy: who });
      syncs.push(fake.workbook.stats.syncs);
    }
    expect(syncs).toEqual([3, 3, 3]);
    // Events off for the writes; calculation never suspended, so Excel recalculates as after typing
    // (a recalculation asked for inside a suspended request is one Microsoft does not document).
    expect(fake.workbook.stats).toMatchObject({ writesWithEventsOn: 0, calculationsWhileSuspended: [] });
    const updates = readPlan(await port.read(), "Book1").plan.updates;
    expect(updates.map((u) => [u.period, u.updatedBy])).toEqual([...Array(5).fill(["2024/25 Q1", "Sam Hughes"]), ...Array(5).fill(["2024/25 Q2", "Alex Lee"])]);
    expect(updates[0].narrative).toBe("Site works under way.");
  });

  test.each([50, 20000])(
    "%i measures: the period's rows written in a fixed number of syncs",
    async (n) => {
      const measures = Array.from({ length: n }, (_, i) => ({ ...cycleMeasures()[i % 2], id: `M-${i + 1}` }));
      const { fake, port } = await planOnDouble(planDesign({ details: sampleDetails({ formatVersion: 2 }), framework, actions: cycleActions(), measures }));
      const result = await recordQuarter(port, { ...request("2024/25 Q2"), fileName: "Book1" });
      expect(result.added).toBe(n + 3);
      // update(): what to read, the columns needed, the new rows (with the recalculation).
      expect(fake.workbook.stats.syncs).toBe(3);
      const updates = readPlan(await port.read(), "Book1").plan.updates;
      expect(updates).toHaveLength(n + 3);
      expect(updates[3]).toMatchObject({ itemId: "M-1", status: "Amber", target: 75, value: 74 });
    },
    120000,
  );
});
