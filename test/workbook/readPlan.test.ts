import fc from "fast-check";
import { isoToSerial } from "../../src/model/dates";
import { Action, actionSchema, FORMAT_VERSION, Measure, measureSchema } from "../../src/model/plan";
import { planDesign } from "../../src/workbook/design";
import { detectWorkbookKind, NotAPlanError, readPlan } from "../../src/workbook/readPlan";
import { CellValue, WorkbookSnapshot } from "../../src/workbook/port";
import { XlsxWorkbook } from "../../src/xlsx/adapter";
import { handPickedActions, handPickedMeasures, randomActions, randomMeasures, sampleDetails, sampleRegister, sampleUpdates, seftonFramework } from "./samplePlan";

const framework = seftonFramework();

async function snapshotOf(input: Parameters<typeof planDesign>[0]): Promise<WorkbookSnapshot> {
  const wb = XlsxWorkbook.create();
  await wb.apply(planDesign(input));
  return wb.read();
}

const strip = <T extends { source: unknown }>(rows: T[]) => rows.map(({ source: _s, ...rest }) => rest);

/** Sets one cell of a table in a snapshot, by row ID and header. */
function setCell(snapshot: WorkbookSnapshot, table: string, id: string, header: string, value: CellValue): void {
  const t = snapshot.tables.find((x) => x.name === table)!;
  const row = t.rows.find((r) => r[0] === id)!;
  row[t.headers.indexOf(header)] = value;
}

describe("readPlan reads back what the design wrote", () => {
  test("details, actions, measures, updates and register round-trip exactly, with settings", async () => {
    const actions = [...handPickedActions(), ...randomActions(40, 3)];
    const measures = [...handPickedMeasures(), ...randomMeasures(40, 5)];
    const read = readPlan(await snapshotOf({ details: sampleDetails(), framework, actions, measures, updates: sampleUpdates(), register: sampleRegister(), reportingDate: "2024-09-30" }), "plan.xlsx");
    expect(read.errors).toEqual([]);
    expect(read.plan.details).toEqual(sampleDetails());
    expect(strip(read.plan.actions)).toEqual(actions);
    expect(strip(read.plan.measures)).toEqual(measures);
    expect(strip(read.plan.updates)).toEqual(sampleUpdates());
    expect(read.plan.register.map((r) => r.id)).toEqual([...sampleRegister().map((r) => r.id), ...framework.priorities.map((p) => p.id), "TP1"]);
    expect(read.settings).toEqual({ reportingDate: "2024-09-30", tolerances: framework.tolerances, slippageMonths: framework.slippageMonths });
  });

  test("each row knows its file, sheet, row and column letters", async () => {
    const read = readPlan(await snapshotOf({ details: sampleDetails(), framework, measures: handPickedMeasures() }), "plan.xlsx");
    const third = read.plan.measures[2];
    expect(third.source).toMatchObject({ file: "plan.xlsx", sheet: "Measures", row: 4 });
    expect(third.source.columns.id).toBe("A");
    expect(third.source.columns.q2Actual).toBe("T");
  });

  test("an empty plan reads as no rows (the blank row is skipped), with no errors", async () => {
    const read = readPlan(await snapshotOf({ details: sampleDetails(), framework }), "new.xlsx");
    expect(read.errors).toEqual([]);
    expect([read.plan.actions.length, read.plan.measures.length, read.plan.updates.length]).toEqual([0, 0, 0]);
    expect(read.settings.reportingDate).toBe("2024-06-30");
  });

  test("property: any valid actions and measures survive design -> workbook -> readPlan", async () => {
    const isoDate = fc.date({ min: new Date("2020-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const figure = fc.option(
      fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x)),
      { nil: null },
    );
    const text = fc.string({ maxLength: 30 }).map((s) => s.trim());
    const action = fc.record({
      action: text,
      leadOfficer: text,
      progress: text,
      startDate: fc.option(isoDate, { nil: null }),
      dueDate: fc.option(isoDate, { nil: null }),
      completedDate: fc.option(isoDate, { nil: null }),
      noLongerViable: fc.boolean(),
      percentComplete: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
      selfAssessedRag: fc.constantFrom(null, "Green", "Amber", "Red"),
    });
    const measure = fc.record({
      name: text,
      polarity: fc.constantFrom(null, "High", "Low", "Target"),
      frequency: fc.constantFrom("Monthly", "Quarterly", "Annual"),
      baseline: figure,
      annualTarget: figure,
      q2Target: figure,
      q1Actual: figure,
      q4Actual: figure,
      keyMeasure: fc.boolean(),
      greenWithin: figure,
    });
    await fc.assert(
      fc.asyncProperty(fc.array(action, { maxLength: 6 }), fc.array(measure, { maxLength: 6 }), async (as, ms) => {
        const actions: Action[] = as.map((a, i) => actionSchema.parse({ ...a, id: `A${i}` }));
        const measures: Measure[] = ms.map((m, i) => measureSchema.parse({ ...m, id: `M${i}` }));
        const read = readPlan(await snapshotOf({ details: sampleDetails(), framework, actions, measures }), "p.xlsx");
        expect(read.errors).toEqual([]);
        expect(strip(read.plan.actions)).toEqual(actions);
        expect(strip(read.plan.measures)).toEqual(measures);
      }),
      { numRuns: 60 },
    );
  });
});

describe("readPlan tolerates how people edit tables", () => {
  test("columns in any order, extra columns ignored, headers matched regardless of case and spacing", async () => {
    const snapshot = await snapshotOf({ details: sampleDetails(), framework, measures: handPickedMeasures().slice(0, 3) });
    const t = snapshot.tables.find((x) => x.name === "Measures")!;
    const order = t.headers.map((_h, i) => i).reverse();
    t.headers = [...order.map((i) => t.headers[i]), "My notes"];
    t.headers[0] = "  direction OF travel ";
    t.rows = t.rows.map((r) => [...order.map((i) => r[i]), "private"]);
    const read = readPlan(snapshot, "plan.xlsx");
    expect(read.errors).toEqual([]);
    expect(strip(read.plan.measures)).toEqual(handPickedMeasures().slice(0, 3));
    expect(read.plan.measures[0].source.columns.id).toBe("AN");
    expect(Object.keys(read.plan.measures[0])).not.toContain("My notes");
  });

  test("blank rows in the middle are skipped; text figures and UK date text are understood", async () => {
    const snapshot = await snapshotOf({ details: sampleDetails(), framework, actions: handPickedActions().slice(0, 2), measures: handPickedMeasures().slice(0, 1) });
    const actions = snapshot.tables.find((x) => x.name === "Actions")!;
    actions.rows.splice(
      1,
      0,
      actions.headers.map(() => null),
    );
    setCell(snapshot, "Actions", "A-DELIVERED", "Due date", "30/09/2024");
    setCell(snapshot, "Actions", "A-DELIVERED", "No longer viable", "no");
    setCell(snapshot, "Measures", "M-GREEN", "Q2 actual", "1,061");
    setCell(snapshot, "Measures", "M-GREEN", "Polarity", "high");
    const read = readPlan(snapshot, "plan.xlsx");
    expect(read.errors).toEqual([]);
    expect(read.plan.actions.map((a) => [a.id, a.source.row])).toEqual([
      ["A-VIABLE", 2],
      ["A-DELIVERED", 4],
    ]);
    expect(read.plan.actions[1].dueDate).toBe("2024-09-30");
    expect(read.plan.measures[0]).toMatchObject({ q2Actual: 1061, polarity: "High" });
  });
});

describe("readPlan names file, sheet, cell and what is wrong", () => {
  test("a word where a figure belongs", async () => {
    const snapshot = await snapshotOf({ details: sampleDetails(), framework, measures: handPickedMeasures().slice(0, 6) });
    setCell(snapshot, "Measures", "M-LOW-GREEN", "Q2 actual", "twelve");
    const read = readPlan(snapshot, "plan.xlsx");
    expect(read.errors.map((e) => e.message)).toEqual(['plan.xlsx Measures!T6: Q2 actual "twelve" is not a number']);
    expect(read.errors[0]).toMatchObject({ file: "plan.xlsx", sheet: "Measures", cell: "T6", column: "Q2 actual" });
    // The row is still read (the bad figure left blank), so checks still see the measure.
    expect(read.plan.measures.find((m) => m.id === "M-LOW-GREEN")!.q2Actual).toBeNull();
  });

  test("bad dates, flags, choices, percentages and a missing ID", async () => {
    const snapshot = await snapshotOf({ details: sampleDetails(), framework, actions: handPickedActions().slice(0, 3), measures: handPickedMeasures().slice(0, 1) });
    setCell(snapshot, "Actions", "A-VIABLE", "Due date", "end of Q3");
    setCell(snapshot, "Actions", "A-DELIVERED", "No longer viable", "maybe");
    setCell(snapshot, "Actions", "A-DELIVERED", "% complete", 140);
    setCell(snapshot, "Measures", "M-GREEN", "Polarity", "Up");
    setCell(snapshot, "Actions", "A-DONE-ON-DAY", "Action ID", null);
    const messages = readPlan(snapshot, "plan.xlsx").errors.map((e) => e.message);
    expect(messages).toEqual([
      'plan.xlsx Actions!I2: Due date "end of Q3" is not a date; type it as dd/mm/yyyy',
      'plan.xlsx Actions!M3: No longer viable "maybe" is not Yes or No',
      "plan.xlsx Actions!N3: % complete 140 is more than 100",
      "plan.xlsx Actions!A4: Action ID is required",
      'plan.xlsx Measures!D2: Polarity "Up" is not one of High, Low, Target',
    ]);
  });

  test("a missing table or a missing required column", async () => {
    const snapshot = await snapshotOf({ details: sampleDetails(), framework, measures: handPickedMeasures().slice(0, 1) });
    snapshot.tables = snapshot.tables.filter((t) => t.name !== "Updates");
    const measures = snapshot.tables.find((t) => t.name === "Measures")!;
    measures.headers[measures.headers.indexOf("Polarity")] = "Good is";
    const read = readPlan(snapshot, "plan.xlsx");
    expect(read.errors.map((e) => e.message)).toEqual([
      'plan.xlsx Measures!A1: table Measures has no "Polarity" column',
      "plan.xlsx Updates: no table named Updates; a plan keeps its updates in an Excel table of that name",
    ]);
    expect(read.plan.measures[0].polarity).toBeNull();
  });

  test("bad plan details and settings name their cells on the Plan and Settings sheets", async () => {
    const snapshot = await snapshotOf({ details: sampleDetails(), framework });
    const plan = snapshot.sheets.find((s) => s.name === "Plan")!;
    plan.values[3][1] = "Region"; // Tier
    plan.values[8][1] = "2024"; // Plan year
    const settings = snapshot.sheets.find((s) => s.name === "Settings")!;
    settings.values[1][1] = "soon"; // Reporting date
    settings.values[6][1] = 2.5; // Slippage months
    const read = readPlan(snapshot, "plan.xlsx");
    expect(read.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^plan\.xlsx Plan!B4: Tier "Region": /),
      expect.stringMatching(/^plan\.xlsx Plan!B9: Plan year "2024": plan year like 2024\/25/),
      'plan.xlsx Settings!B2: Reporting date "soon" is not a date; type it as dd/mm/yyyy',
      "plan.xlsx Settings!B7: Slippage months 2.5 must be a whole number of months from 1 to 24",
    ]);
    expect(read.settings).toMatchObject({ reportingDate: null, slippageMonths: 3 });
  });

  test("a plan from a newer format version is refused in words", async () => {
    const snapshot = await snapshotOf({ details: sampleDetails(), framework });
    snapshot.sheets.find((s) => s.name === "Plan")!.values[1][1] = FORMAT_VERSION + 1;
    expect(readPlan(snapshot, "plan.xlsx").errors[0].message).toBe(
      `plan.xlsx Plan!B2: this plan was made in format ${FORMAT_VERSION + 1} by a newer Golden Thread; this version reads format ${FORMAT_VERSION}`,
    );
  });

  test("settings fall back to the Settings sheet labels when the defined names are lost", async () => {
    const snapshot = await snapshotOf({ details: sampleDetails(), framework, reportingDate: "2024-12-31" });
    snapshot.names = [];
    expect(readPlan(snapshot).settings).toEqual({ reportingDate: "2024-12-31", tolerances: framework.tolerances, slippageMonths: 3 });
  });
});

describe("detectWorkbookKind and NotAPlanError", () => {
  const loose: WorkbookSnapshot = {
    sheets: [
      {
        name: "Sheet1",
        visibility: "visible",
        origin: "A1",
        values: [
          ["Action", "Lead", "By when"],
          ["Do things", "Sam", isoToSerial("2024-09-30")],
        ],
      },
    ],
    tables: [],
    names: [],
  };
  const blank: WorkbookSnapshot = { sheets: [{ name: "Sheet1", visibility: "visible", origin: "A1", values: [] }], tables: [], names: [] };

  test("empty, loose and plan workbooks are told apart", async () => {
    expect(detectWorkbookKind(blank)).toEqual({ kind: "empty" });
    expect(detectWorkbookKind(loose)).toEqual({ kind: "loose" });
    expect(detectWorkbookKind(await snapshotOf({ details: sampleDetails({ tier: "Directorate" }), framework }))).toEqual({ kind: "plan", tier: "Directorate", formatVersion: 1 });
  });

  test("a Plan sheet without the format stamp is still loose", () => {
    const planNamed: WorkbookSnapshot = { ...loose, sheets: [{ ...loose.sheets[0], name: "Plan" }] };
    expect(detectWorkbookKind(planNamed).kind).toBe("loose");
  });

  test("readPlan throws NotAPlanError for loose and empty workbooks, naming the file", () => {
    expect(() => readPlan(loose, "old plan.xlsx")).toThrow(NotAPlanError);
    expect(() => readPlan(loose, "old plan.xlsx")).toThrow('old plan.xlsx: not a Golden Thread plan workbook (no "Plan" sheet with a "Format version" row); convert it first');
    expect(() => readPlan(blank, "blank.xlsx")).toThrow("blank.xlsx: the workbook is empty");
  });
});
