import { FORMAT_VERSION } from "../../src/model/plan";
// The pane's services over the real Excel adapter and the Excel double (no browser needed).
import * as fs from "fs";
import * as path from "path";
import { createFakeOffice } from "../doubles/excel/fakeExcel";
import { seftonAdultSocialCarePlans, seftonMeasures } from "../../examples/sefton/seftonExample";
import { parseFramework } from "../../src/model/framework";
import { planDesign } from "../../src/workbook/design";
import { XlsxWorkbook } from "../../src/xlsx/adapter";
import { ExcelWorkbook } from "../../src/excel/adapter";
import { createPaneServices, FrameworkStore } from "../../src/taskpane/services";
import { aboutWhat } from "../../src/taskpane/components/CheckView";
import { cellAddress } from "../../src/workbook/a1";

function memoryStore(): FrameworkStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k) };
}

function setup() {
  const fake = createFakeOffice({ sheets: [{ name: "Sheet1" }] });
  const globals = globalThis as unknown as Record<string, unknown>;
  globals.Office = fake.Office;
  globals.Excel = fake.Excel;
  const port = new ExcelWorkbook({ run: fake.Excel.run as never, requirements: fake.Office.context.requirements });
  const store = memoryStore();
  return { fake, services: createPaneServices(port, { store, workbookName: "plan.xlsx", today: () => new Date("2024-10-01T09:00:00Z") }), store };
}

const request = { tier: "Team", planYear: "2024/25", planId: "TP-HC-2024", directorate: "Adult Social Care", service: "Home care", team: "Reablement", owner: "K Lee" };

test("an empty workbook is recognised, a plan is created in it, and then recognised as that plan", async () => {
  const { services } = setup();
  expect((await services.detect()).kind).toBe("empty");
  await services.createPlan(request);
  const summary = await services.detect();
  expect(summary).toMatchObject({ kind: "plan", tier: "Team", formatVersion: FORMAT_VERSION, planId: "TP-HC-2024", planYear: "2024/25", reportingPeriod: "2024/25 Q1" });
  await expect(services.createPlan(request)).rejects.toThrow("plan.xlsx already holds a plan");
});

test("setting the reporting quarter writes the quarter end into ReportingDate", async () => {
  const { fake, services } = setup();
  await services.createPlan(request);
  await services.setReportingQuarter("2024/25 Q3");
  const name = fake.workbook.findName("ReportingDate")!;
  const { sheet, box } = fake.workbook.resolveReference(name.formula);
  expect(sheet.cell(box.r1, box.c1)?.value).toBe(45657); // 31/12/2024
  expect((await services.statusCounts()).reportingDate).toBe("31/12/2024");
  expect((await services.reportingQuarters()).current).toBe("2024/25 Q3");
  await expect(services.setReportingQuarter("Q5 2024")).rejects.toThrow('"Q5 2024" is not a reporting period');
});

test("a plan with no actions checks clean, and views that need a plan say so on an empty workbook", async () => {
  const { services } = setup();
  await expect(services.runCheck()).rejects.toThrow("plan.xlsx is empty: create a plan first.");
  await services.createPlan(request);
  expect((await services.runCheck()).checkedActions).toBe(0);
});

test("a framework file is kept, and a bad one is refused with its name", async () => {
  const { services, store } = setup();
  expect((await services.currentFramework()).council).toBe("Sefton Council");
  await expect(services.importFramework("wirral.json", "{ not json")).rejects.toThrow(/^wirral\.json: not valid JSON/);
  const text = JSON.stringify({ council: "Wirral Council", planYear: "2025/26", priorities: [{ id: "W1", title: "Thriving places" }], tolerances: { greenWithin: 2, amberWithin: 10 } });
  const summary = await services.importFramework("wirral.json", text);
  expect(summary).toMatchObject({ council: "Wirral Council", source: "wirral.json", tolerances: "Green when met or missed by up to 2%; Amber when missed by up to 10%; Red beyond that" });
  expect(store.items.size).toBe(1);
  expect((await services.currentFramework()).council).toBe("Wirral Council");
});

test("selecting a finding's cell selects it in the workbook; a non-cell is refused", async () => {
  const { fake, services } = setup();
  await services.createPlan(request);
  await services.selectCell("Actions", "g7");
  expect(fake.workbook.selection).toEqual({ sheet: "Actions", address: "G7" });
  await expect(services.selectCell("Actions", "row 7")).rejects.toThrow('Actions: "row 7" is not a cell to go to.');
});

test("the parent plan is imported from xlsx bytes through the browser-safe reader, and nothing is written into the open workbook", async () => {
  const root = path.join(__dirname, "../..");
  const fw = parseFramework(fs.readFileSync(path.join(root, "examples/sefton-framework.json"), "utf8"));
  const plans = seftonAdultSocialCarePlans(fw, seftonMeasures(fs.readFileSync(path.join(root, "examples/sefton-strategic-measures-2024.csv"), "utf8")));
  const { fake, services } = setup();
  const port = new ExcelWorkbook({ run: fake.Excel.run as never, requirements: fake.Office.context.requirements });
  const op = plans.operational;
  await port.apply(planDesign({ details: op.details, framework: fw, actions: op.actions, measures: op.measures, register: op.register }));
  const parent = XlsxWorkbook.create("directorate.xlsx");
  const dp = plans.directorate;
  await parent.apply(planDesign({ details: dp.details, framework: fw, actions: dp.actions, measures: dp.measures, register: dp.register }));
  const bytes = new Uint8Array(await parent.toBuffer()).slice().buffer;

  const before = JSON.stringify(await port.read());
  const map = await services.importParentPlan("DSP ASC 2024.xlsx", bytes);
  expect(map.parentPlan).toBe(`${dp.details.planId} (Directorate, ${dp.details.planYear})`);
  const served = map.roots.flatMap(function all(n): string[] {
    return [n.id, ...n.children.flatMap(all)];
  });
  expect(served).toEqual(expect.arrayContaining(dp.actions.map((a) => a.id)));
  expect(JSON.stringify(await port.read())).toBe(before);

  await expect(services.importParentPlan("notes.xlsx", new TextEncoder().encode("not a workbook").buffer)).rejects.toThrow("notes.xlsx: not an Excel .xlsx workbook (the file is not a zip package)");
  await expect(services.importParentPlan("empty.xlsx", new ArrayBuffer(0))).rejects.toThrow("empty.xlsx: the file is empty (0 bytes)");
});

test("after importing the parent plan, updateRegister writes its actions and the Corporate Plan's into the Register, which the thread then uses offline", async () => {
  const root = path.join(__dirname, "../..");
  const fw = parseFramework(fs.readFileSync(path.join(root, "examples/sefton-framework.json"), "utf8"));
  const plans = seftonAdultSocialCarePlans(fw, seftonMeasures(fs.readFileSync(path.join(root, "examples/sefton-strategic-measures-2024.csv"), "utf8")));
  const { fake, services } = setup();
  const port = new ExcelWorkbook({ run: fake.Excel.run as never, requirements: fake.Office.context.requirements });
  const op = plans.operational;
  await port.apply(planDesign({ details: op.details, framework: fw, actions: op.actions, measures: op.measures }));
  const parent = XlsxWorkbook.create("directorate.xlsx");
  const dp = plans.directorate;
  await parent.apply(planDesign({ details: dp.details, framework: fw, actions: dp.actions, measures: dp.measures, register: dp.register }));
  const bytes = new Uint8Array(await parent.toBuffer()).slice().buffer;

  expect((await services.goldenThread()).registerUpdate).toBeUndefined();
  const corporate = fw.priorities.length + fw.transformationProgrammes.length;
  const imported = await services.importParentPlan("DSP ASC 2024.xlsx", bytes);
  expect(imported.registerUpdate).toEqual({ parentId: dp.details.planId, entries: dp.actions.length + corporate, replaces: corporate });
  await expect(services.updateRegister("DSP-OTHER")).rejects.toThrow("Import the parent plan DSP-OTHER again");

  const map = await services.updateRegister(dp.details.planId);
  expect(map.registerUpdate).toEqual({ parentId: dp.details.planId, entries: dp.actions.length + corporate, replaces: dp.actions.length + corporate });
  const snapshot = await port.read();
  const ids = snapshot.tables.find((t) => t.name === "Register")!.rows.map((r) => r[0]);
  expect(ids).toEqual([...dp.actions.map((a) => a.id), ...fw.priorities.map((p) => p.id), ...fw.transformationProgrammes.map((p) => p.id)]);
  expect(snapshot.names).toEqual(expect.arrayContaining([expect.objectContaining({ name: "ParentLinksList", ref: expect.stringMatching(/Register\[ID\]/) })]));

  // A pane opened later, with no parent file: the Register alone carries the parent's actions.
  const offline = createPaneServices(port, { store: memoryStore(), workbookName: "plan.xlsx" });
  const later = await offline.goldenThread();
  const listed = later.roots.flatMap(function all(n): string[] {
    return [n.id, ...n.children.flatMap(all)];
  });
  expect(listed).toEqual(expect.arrayContaining(dp.actions.map((a) => a.id)));
  expect(later.broken.map((b) => b.id)).toEqual(map.broken.map((b) => b.id));
});

test("a finding says what it is about with the column's header, never a field's internal name", async () => {
  const root = path.join(__dirname, "../..");
  const fw = parseFramework(fs.readFileSync(path.join(root, "examples/sefton-framework.json"), "utf8"));
  const op = seftonAdultSocialCarePlans(fw, seftonMeasures(fs.readFileSync(path.join(root, "examples/sefton-strategic-measures-2024.csv"), "utf8"))).operational;
  const { fake, services } = setup();
  const port = new ExcelWorkbook({ run: fake.Excel.run as never, requirements: fake.Office.context.requirements });
  // A topic for an action and a measure with no targets: findings on the Action and Annual target columns.
  const actions = op.actions.map((a, i) => (i === 0 ? { ...a, action: "Carers" } : a));
  const kpi = op.measures.findIndex((m) => m.type !== "Contextual Indicator");
  const measures = op.measures.map((m, i) => (i === kpi ? { ...m, annualTarget: null, q1Target: null, q2Target: null, q3Target: null, q4Target: null } : m));
  await port.apply(planDesign({ details: op.details, framework: fw, actions, measures, register: op.register }));

  const { findings } = await services.runCheck();
  const labels = findings.map(aboutWhat);
  expect(labels).toContain(`Action ${actions[0].id}: Action text`);
  expect(labels).toContain(`Measure ${measures[kpi].id}: Annual target`);
  // Every column the plan's fields live in is named by its header; no internal key reaches the pane.
  const keys = new RegExp(`\\b(${[...Object.keys(actions[0]), ...Object.keys(measures[0])].filter((k) => /[a-z][A-Z]/.test(k)).join("|")})\\b`);
  for (const f of findings) expect([aboutWhat(f), f.message, f.hint ?? ""].join(" ")).not.toMatch(keys);
});

describe("the measure register", () => {
  const registerJson = fs.readFileSync(path.join(__dirname, "../../examples/sefton-measure-register.json"), "utf8");
  const exampleIds = (JSON.parse(registerJson) as { measures: { id: string }[] }).measures.map((m) => m.id);

  /** The values of the range a defined name refers to on the double, top to bottom. */
  function namedValues(fake: ReturnType<typeof setup>["fake"], name: string): unknown[] {
    const { sheet, box } = fake.workbook.resolveReference(fake.workbook.findName(name)!.formula);
    const values: unknown[] = [];
    for (let row = box.r1; row <= box.r2; row++) values.push(sheet.cell(row, box.c1)?.value);
    return values;
  }

  test("a plan created in the pane offers the example register's IDs in its Measure ID dropdown", async () => {
    const { fake, services } = setup();
    expect(await services.currentRegister()).toEqual({ council: "Sefton Council", measures: 85, source: "the example Sefton register shipped with Golden Thread", example: true, none: false });
    await services.createPlan(request);
    const validation = fake.workbook.cellAt("Measures", "A2").validation!;
    expect(validation.rule).toEqual({ list: { inCellDropDown: true, source: "=RegisterMeasuresList" } });
    expect(validation.errorAlert).toMatchObject({ style: "Warning" }); // a local measure's own ID can still be kept
    expect(namedValues(fake, "RegisterMeasuresList")).toEqual(exampleIds);
  });

  test("a plan created in the pane can start with register measures, by ID or by priority; an unknown one is named", async () => {
    const { fake, services } = setup();
    await expect(services.createPlan({ ...request, fromRegister: "SM99" })).rejects.toThrow(
      'the example Sefton register shipped with Golden Thread: "SM99" is neither a measure ID nor a Corporate Plan priority',
    );
    expect(fake.workbook.findName("RegisterMeasuresList")).toBeUndefined(); // nothing written
    await services.createPlan({ ...request, fromRegister: "SM01, cp6" });
    const ids = Array.from({ length: 17 }, (_, i) => fake.workbook.cellAt("Measures", `A${i + 2}`).value);
    expect(ids).toEqual(["SM01", ...exampleIds.slice(70, 85), ""]);
    expect((await services.runCheck()).findings.filter((f) => f.ruleId === "measure-register-mismatch")).toEqual([]);
  });

  /** Types SM01 into the first measure row rated Low: SM01 is a High-polarity percentage in the example register. */
  async function rateSm01Low(fake: ReturnType<typeof setup>["fake"]): Promise<void> {
    const headers = (await fake.Excel.run(async (ctx: Excel.RequestContext) => {
      const range = ctx.workbook.worksheets.getItem("Measures").getRange("A1:AN1").load("values");
      await ctx.sync();
      return range.values[0];
    })) as string[];
    const at = (header: string) => headers.indexOf(header);
    await fake.Excel.run(async (ctx: Excel.RequestContext) => {
      const sheet = ctx.workbook.worksheets.getItem("Measures");
      sheet.getRange(cellAddress(2, at("Measure ID") + 1)).values = [["SM01"]];
      sheet.getRange(cellAddress(2, at("Measure") + 1)).values = [["Percentage of Cared for Children with fewer than 3 placements in the last 12 months"]];
      sheet.getRange(cellAddress(2, at("Polarity") + 1)).values = [["Low"]];
      await ctx.sync();
    });
  }

  test("check reports a plan measure that disagrees with the register", async () => {
    const { fake, services } = setup();
    await services.createPlan(request);
    await rateSm01Low(fake);
    const mismatch = (await services.runCheck()).findings.filter((f) => f.ruleId === "measure-register-mismatch");
    expect(mismatch).toHaveLength(1);
    expect(mismatch[0]).toMatchObject({ sheet: "Measures", actionId: "SM01" });
    expect(mismatch[0].message).toContain("polarity is Low here and High in the register");
  });

  /** A loose measures sheet (one register ID with blanks, one local measure) open in the pane. */
  function loosePlan(store: FrameworkStore | null) {
    const fake = createFakeOffice({
      sheets: [
        {
          name: "KPIs",
          values: [
            ["Measure ID", "Measure", "Polarity", "Target"],
            ["SM01", "", "", 80],
            ["ASC-LOCAL-1", "Carers assessed within 28 days", "High", 90],
          ],
        },
      ],
    });
    const globals = globalThis as unknown as Record<string, unknown>;
    globals.Office = fake.Office;
    globals.Excel = fake.Excel;
    const port = new ExcelWorkbook({ run: fake.Excel.run as never, requirements: fake.Office.context.requirements });
    return { fake, services: createPaneServices(port, { store, workbookName: "loose.xlsx" }) };
  }

  test("a loose plan converted in the pane takes blank fields from the register and offers its IDs", async () => {
    const { fake, services } = loosePlan(null);
    const result = await services.convert(await services.proposeConversion());
    expect(result.measures).toBe(2);
    expect(result.notes).toContain("SM01: name, polarity filled in from the example Sefton register shipped with Golden Thread.");
    expect(fake.workbook.cellAt("Measures", "A2").validation?.rule).toEqual({ list: { inCellDropDown: true, source: "=RegisterMeasuresList" } });
    expect(namedValues(fake, "RegisterMeasuresList")).toEqual(exampleIds);
  });

  test("a loose plan converted with no register keeps its blanks and its Measure IDs are typed freely", async () => {
    const { fake, services } = loosePlan(memoryStore());
    await services.useNoRegister();
    const result = await services.convert(await services.proposeConversion());
    expect(result.measures).toBe(2);
    expect(result.notes.filter((n) => n.includes("filled in from"))).toEqual([]);
    expect(fake.workbook.cellAt("Measures", "A2").validation?.rule ?? null).toBeNull();
    expect(fake.workbook.findName("RegisterMeasuresList")).toBeUndefined();
  });

  test("an imported register is kept between sessions, a bad one is refused with its name, and the example can be had back", async () => {
    const { fake, services, store } = setup();
    await expect(services.importRegister("wirral-register.json", '{"formatVersion":1,"measures":[{"id":"W1"}]}')).rejects.toThrow(/^wirral-register\.json: .*measures\[0\]\.name/);
    const own = JSON.stringify({ formatVersion: 1, council: "Wirral Council", measures: [{ id: "W1", name: "Households in temporary accommodation", polarity: "Low", unit: "number" }] });
    expect(await services.importRegister("wirral-register.json", own)).toEqual({ council: "Wirral Council", measures: 1, source: "wirral-register.json", example: false, none: false });
    // The next session (the pane opened again) reads it back from the store.
    const port = new ExcelWorkbook({ run: fake.Excel.run as never, requirements: fake.Office.context.requirements });
    const next = createPaneServices(port, { store, workbookName: "plan.xlsx" });
    expect((await next.currentRegister()).source).toBe("wirral-register.json");
    await next.createPlan(request);
    expect((await next.useExampleRegister()).example).toBe(true);
    expect(store.items.has("goldenThread.measureRegister")).toBe(false);
    expect((await createPaneServices(port, { store }).currentRegister()).example).toBe(true);
  });

  test("with no register chosen, a created plan's Measure ID is free text, check compares with nothing, and the choice is kept", async () => {
    const { fake, services, store } = setup();
    expect(await services.useNoRegister()).toEqual({ council: "", measures: 0, source: "no measure register", example: false, none: true });
    await expect(services.createPlan({ ...request, fromRegister: "SM01" })).rejects.toThrow("Cannot start with the register measures SM01: no measure register is in use.");
    await services.createPlan(request);
    expect(fake.workbook.cellAt("Measures", "A2").validation?.rule ?? null).toBeNull(); // no list: typed freely
    expect(fake.workbook.findName("RegisterMeasuresList")).toBeUndefined();
    await rateSm01Low(fake);
    expect((await services.runCheck()).findings.filter((f) => f.ruleId === "measure-register-mismatch")).toEqual([]);
    // The next session keeps the choice; the example can be had back.
    const port = new ExcelWorkbook({ run: fake.Excel.run as never, requirements: fake.Office.context.requirements });
    const next = createPaneServices(port, { store });
    expect((await next.currentRegister()).none).toBe(true);
    expect(await next.useExampleRegister()).toMatchObject({ example: true, none: false });
    expect((await createPaneServices(port, { store }).currentRegister()).example).toBe(true);
  });

  test("a saved register that no longer reads falls back to the example and says why", async () => {
    const { fake, store } = setup();
    store.setItem("goldenThread.measureRegister", JSON.stringify({ text: '{"formatVersion":1,"measures":[{"id":"W1"}]}', source: "wirral-register.json" }));
    const port = new ExcelWorkbook({ run: fake.Excel.run as never, requirements: fake.Office.context.requirements });
    const services = createPaneServices(port, { store });
    const summary = await services.currentRegister();
    expect(summary).toMatchObject({ example: true, none: false, measures: 85 });
    expect(summary.unreadable).toMatch(/^wirral-register\.json: .*measures\[0\]\.name/);
    store.setItem("goldenThread.measureRegister", "{cut short");
    expect((await createPaneServices(port, { store }).currentRegister()).unreadable).toMatch(/JSON/);
    // Nothing lost: the damaged copy stays until the user imports or chooses another.
    expect(store.items.get("goldenThread.measureRegister")).toBe("{cut short");
  });
});
