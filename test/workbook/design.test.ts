import { isoToSerial } from "../../src/model/dates";
import { ACTION_COLUMNS, LISTS, MEASURE_COLUMNS, PLAN_DETAILS_FIELDS, REGISTER_COLUMNS, UPDATE_COLUMNS } from "../../src/model/plan";
import { ACTION_STATUSES } from "../../src/status/actionStatus";
import { actionStatusFormula } from "../../src/status/actionStatus.formula";
import { DIRECTIONS } from "../../src/status/direction";
import { directionFormula } from "../../src/status/direction.formula";
import { structuredRef, unlessRowBlank } from "../../src/status/formulaRefs";
import { NAMES } from "../../src/status/names";
import { ragFormula } from "../../src/status/rag.formula";
import { RAGS } from "../../src/status/rag";
import { AGAINST_TARGET_COLUMN, defaultReportingDate, planDesign, planRegister, REGISTER_MEASURES_LIST, TREND_COLUMN } from "../../src/workbook/design";
import { SHEETS, STATUS_COLUMNS, TABLES } from "../../src/workbook/names";
import { FIGURE_COLUMNS } from "../../src/status/measureFigures";
import { VS_TARGET_COLUMNS } from "../../src/status/againstTarget.formula";
import { SheetDesign, TableDesign, WorkbookDesign } from "../../src/workbook/port";
import { PALETTE } from "../../src/workbook/statusPalette";
import { handPickedActions, handPickedMeasures, sampleDetails, sampleRegister, sampleUpdates, seftonFramework } from "./samplePlan";

const framework = seftonFramework();
const full = planDesign({
  details: sampleDetails(),
  framework,
  actions: handPickedActions(),
  measures: handPickedMeasures(),
  updates: sampleUpdates(),
  register: sampleRegister(),
  reportingDate: "2024-09-30",
});
const empty = planDesign({ details: sampleDetails({ tier: "Team" }), framework });

const sheet = (d: WorkbookDesign, name: string): SheetDesign => d.sheets.find((s) => s.name === name)!;
const table = (d: WorkbookDesign, name: string): TableDesign => d.sheets.flatMap((s) => s.tables).find((t) => t.name === name)!;

describe("plan workbook design (format v1)", () => {
  test("has the format's sheets in reading order, with only Lists hidden", () => {
    expect(full.sheets.map((s) => s.name)).toEqual(["Plan", "Actions", "Measures", "Updates", "Register", "Agreed changes", "Settings", "Lists"]);
    expect(full.sheets.filter((s) => s.visibility !== "visible").map((s) => s.name)).toEqual([SHEETS.lists]);
  });

  test("table columns are the model's headers in model order, then the status columns", () => {
    expect(table(full, TABLES.actions).columns.map((c) => c.header)).toEqual([...ACTION_COLUMNS.map((c) => c.meta.header), "Action status", "SMART check"]);
    expect(table(full, TABLES.measures).columns.map((c) => c.header)).toEqual([
      ...MEASURE_COLUMNS.map((c) => c.meta.header),
      "RAG",
      "Direction of travel",
      "YTD target",
      "YTD actual",
      "Compared with",
      "Trend",
      "Q1 vs target %",
      "Q2 vs target %",
      "Q3 vs target %",
      "Q4 vs target %",
      "Against target",
    ]);
    expect(table(full, TABLES.updates).columns.map((c) => c.header)).toEqual(UPDATE_COLUMNS.map((c) => c.meta.header));
    expect(table(full, TABLES.register).columns.map((c) => c.header)).toEqual(REGISTER_COLUMNS.map((c) => c.meta.header));
  });

  test("every table's headers are unique (Excel renames duplicates and structured references break)", () => {
    for (const t of full.sheets.flatMap((s) => s.tables)) {
      const headers = t.columns.map((c) => c.header.toLowerCase());
      expect(new Set(headers).size).toBe(headers.length);
    }
  });

  test("status columns carry the status engine's formulas and are locked; input columns are not", () => {
    const actions = table(full, TABLES.actions);
    const measures = table(full, TABLES.measures);
    const col = (t: TableDesign, h: string) => t.columns.find((c) => c.header === h)!;
    const actionRef = structuredRef(TABLES.actions, ACTION_COLUMNS);
    const measureRef = structuredRef(TABLES.measures, [...MEASURE_COLUMNS, ...FIGURE_COLUMNS, ...VS_TARGET_COLUMNS]);
    expect(col(actions, STATUS_COLUMNS.actionStatus).formula).toBe(unlessRowBlank(actionRef, actionStatusFormula(actionRef)));
    expect(col(measures, STATUS_COLUMNS.rag).formula).toBe(unlessRowBlank(measureRef, ragFormula(measureRef)));
    expect(col(measures, STATUS_COLUMNS.direction).formula).toBe(unlessRowBlank(measureRef, directionFormula(measureRef)));
    expect(col(measures, STATUS_COLUMNS.rag).formula).toMatch(/^=IF\(Measures\[\[#This Row\],\[Measure ID\]\]="","",IF\(/);
    for (const t of [actions, measures]) {
      for (const c of t.columns)
        expect({ header: c.header, locked: c.locked }).toEqual({
          header: c.header,
          locked: c.formula !== undefined || c.header === STATUS_COLUMNS.smartCheck || c.header === TREND_COLUMN || c.header === AGAINST_TARGET_COLUMN,
        });
    }
    expect(sheet(full, SHEETS.actions).protect).toBe(true);
    expect(sheet(full, SHEETS.measures).protect).toBe(true);
  });

  test("no formula anywhere uses TODAY() or NOW(): the ReportingDate cell drives every status", () => {
    const formulas = [...full.sheets.flatMap((s) => s.tables.flatMap((t) => t.columns.map((c) => c.formula ?? ""))), ...full.sheets.flatMap((s) => s.cells.map((c) => c.formula ?? ""))];
    expect(formulas.filter((f) => f !== "").length).toBeGreaterThanOrEqual(5);
    for (const f of formulas) expect(f).not.toMatch(/TODAY\(|NOW\(/i);
    expect(actionStatusFormula(structuredRef(TABLES.actions, ACTION_COLUMNS))).toContain(NAMES.reportingDate);
  });

  test("every input cell has an input message within Excel's limits (title 32, message 255 characters)", () => {
    for (const t of full.sheets.flatMap((s) => s.tables).filter((t) => t.name !== TABLES.priorities)) {
      for (const c of t.columns.filter((c) => !c.locked)) {
        const prompt = c.validation?.prompt ?? c.prompt;
        expect({ column: `${t.name}.${c.header}`, hasPrompt: !!prompt }).toEqual({ column: `${t.name}.${c.header}`, hasPrompt: true });
        expect(prompt!.length).toBeLessThanOrEqual(255);
        expect((c.validation?.promptTitle ?? "").length).toBeLessThanOrEqual(32);
      }
    }
    const leadOfficer = table(full, TABLES.actions).columns.find((c) => c.header === "Lead officer")!;
    expect(leadOfficer.prompt).toMatch(/Name one accountable officer/);
  });

  test("dropdowns take their values from named ranges on the Lists sheet, never inline lists", () => {
    const names = new Map(full.names.map((n) => [n.name, n.ref]));
    const lists = sheet(full, SHEETS.lists);
    const listed = full.sheets.flatMap((s) => [...s.tables.flatMap((t) => t.columns.map((c) => c.validation)), ...s.cells.map((c) => c.validation)]).filter((v) => v?.type === "list");
    expect(listed.length).toBeGreaterThan(5);
    for (const v of listed) {
      if (v?.type !== "list") continue;
      expect(v.source).toMatch(/^=[A-Za-z]+List$/);
      expect(names.has(v.source.slice(1))).toBe(true);
    }
    for (const [list, values] of Object.entries(LISTS)) {
      const m = /^=Lists!\$([A-Z])\$2:\$\1\$(\d+)$/.exec(names.get(`${list}List`)!)!;
      expect(m).not.toBeNull();
      const cells = lists.cells.filter((c) => c.address.startsWith(m[1]) && c.address !== `${m[1]}1`).map((c) => c.value);
      expect(cells).toEqual([...values]);
      expect(Number(m[2])).toBe(values.length + 1);
    }
    expect(names.get("ParentLinksList")).toBe("=Register[ID]");
  });

  test("settings: ReportingDate and the framework's tolerances and slippage, as single-cell names", () => {
    const settings = sheet(full, SHEETS.settings);
    const byName = (n: string) => {
      const ref = full.names.find((x) => x.name === n)!.ref;
      return settings.cells.find((c) => `=Settings!$${c.address.replace(/(\d+)/, "$$$1")}` === ref)!;
    };
    expect(byName(NAMES.reportingDate)).toMatchObject({ value: isoToSerial("2024-09-30"), numberFormat: "dd/mm/yyyy", locked: false });
    expect(byName(NAMES.reportingQuarter).formula).toMatch(/ReportingDate/);
    expect(byName(NAMES.reportingQuarterEnd)).toMatchObject({ numberFormat: "dd/mm/yyyy" });
    expect(byName(NAMES.greenWithin).value).toBe(framework.tolerances.greenWithin);
    expect(byName(NAMES.amberWithin).value).toBe(framework.tolerances.amberWithin);
    expect(byName(NAMES.slippageMonths).value).toBe(framework.slippageMonths);
    expect(table(full, TABLES.priorities).rows.map((r) => r[0])).toEqual(framework.priorities.map((p) => p.id));
  });

  test("the default reporting date is the end of Q1 of the plan year", () => {
    expect(defaultReportingDate("2024/25")).toBe("2024-06-30");
    const reportingDate = sheet(empty, SHEETS.settings).cells.find((c) => c.address === "B2")!;
    expect(reportingDate.value).toBe(isoToSerial("2024-06-30"));
  });

  test("dates go in as Excel serials formatted dd/mm/yyyy, flags as Yes/No", () => {
    const actions = table(full, TABLES.actions);
    const idx = (h: string) => actions.columns.findIndex((c) => c.header === h);
    const viable = actions.rows.find((r) => r[0] === "A-VIABLE")!;
    const delivered = actions.rows.find((r) => r[0] === "A-DELIVERED")!;
    expect(delivered[idx("Completed date")]).toBe(isoToSerial("2024-09-01"));
    expect(actions.columns[idx("Due date")].numberFormat).toBe("dd/mm/yyyy");
    expect(viable[idx("No longer viable")]).toBe("Yes");
    expect(delivered[idx("No longer viable")]).toBe("No");
    expect(delivered[idx("Action status")]).toBeNull();
  });

  test("an empty plan still has one blank row in every table, so the formulas exist", () => {
    for (const name of [TABLES.actions, TABLES.measures, TABLES.updates]) {
      const t = table(empty, name);
      expect(t.rows).toHaveLength(1);
      expect(t.rows[0].every((v) => v === null)).toBe(true);
    }
  });

  test("the register holds the parent plan's actions and then the corporate priorities, each once", () => {
    const ids = planRegister(framework, [...sampleRegister(), { id: "CP2", title: "Adult Social Care", tier: "Corporate", leadOfficer: "" }]).map((r) => r.id);
    expect(ids.slice(0, 3)).toEqual(["DSP-ASC-01", "DSP-ASC-02", "CP2"]);
    expect(ids.filter((i) => i === "CP2")).toHaveLength(1);
    for (const p of framework.priorities) expect(ids).toContain(p.id);
  });

  test("Directorate plans are prompted to link to Corporate Plan priorities", () => {
    const directorate = planDesign({ details: sampleDetails({ tier: "Directorate" }), framework });
    const link = (d: WorkbookDesign) => table(d, TABLES.actions).columns.find((c) => c.header === "Link to parent plan")!.validation!.prompt;
    expect(link(directorate)).toMatch(/Corporate Plan priority/);
    expect(link(full)).toMatch(/parent plan action/);
  });

  test("printed sheets: tables at 80% A4 landscape repeating header row and ID columns, the Plan as a portrait document, working sheets out of the print; headers frozen", () => {
    for (const name of [SHEETS.actions, SHEETS.measures]) {
      expect(sheet(full, name).print).toMatchObject({
        landscape: true,
        paper: "A4",
        fitToWidth: false,
        scale: 80,
        repeatRows: "1:1",
        repeatColumns: "A:B",
        title: expect.stringMatching(/^Sefton Council · Operational plan OSP-ASCO-2024/),
      });
    }
    expect(sheet(full, SHEETS.plan).print).toMatchObject({ landscape: false, fitToWidth: true, area: "A1:B19" });
    for (const name of [SHEETS.updates, SHEETS.register, SHEETS.settings]) expect(sheet(full, name).print?.area).toBeNull();
    for (const name of [SHEETS.plan, SHEETS.actions, SHEETS.measures, SHEETS.updates, SHEETS.register]) expect(sheet(full, name).freezeRows).toBe(1);
  });

  test("rows with wrapped text are sized for it; the format stamp row is hidden", () => {
    const actions = sheet(full, SHEETS.actions);
    const t = table(full, TABLES.actions);
    const longest = t.rows.reduce((best, r, i) => (String(r[1] ?? "").length > String(t.rows[best][1] ?? "").length ? i : best), 0);
    if (String(t.rows[longest][1] ?? "").length > 60) expect(actions.rowHeights![longest + 2]).toBeGreaterThan(15);
    expect(sheet(full, SHEETS.plan).hiddenRows).toEqual([2]);
  });

  test("the Plan sheet: labels in A, values in B, the format version stamp first and locked", () => {
    const plan = sheet(full, SHEETS.plan);
    PLAN_DETAILS_FIELDS.forEach((f, i) => expect(plan.cells.find((c) => c.address === `A${i + 2}`)!.value).toBe(f.label));
    expect(plan.cells.find((c) => c.address === "B2")).toMatchObject({ value: 1, locked: true });
    expect(plan.cells.find((c) => c.address === "B3")).toMatchObject({ value: "OSP-ASCO-2024", locked: false });
    expect(full.names.find((n) => n.name === "FormatVersion")!.ref).toBe("=Plan!$B$2");
  });
});

describe("status colours", () => {
  const formats = [...table(full, TABLES.actions).statusFormats, ...table(full, TABLES.measures).statusFormats];

  test("every status value the engine can give has a format (text and colour together)", () => {
    const covered = (column: string) =>
      formats
        .filter((f) => f.column === column)
        .map((f) => f.text)
        .sort();
    expect(covered(STATUS_COLUMNS.actionStatus)).toEqual([...ACTION_STATUSES].sort());
    expect(covered(STATUS_COLUMNS.rag)).toEqual([...RAGS].sort());
    expect(covered(STATUS_COLUMNS.direction)).toEqual([...DIRECTIONS].sort());
  });

  // WCAG 2 relative luminance and contrast ratio.
  const luminance = (hex: string) => {
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a: string, b: string) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };

  test("text on every status fill reads at WCAG AA contrast (4.5:1) or better", () => {
    for (const f of formats) expect({ text: f.text, ok: contrast(f.fill, f.font) >= 4.5 }).toEqual({ text: f.text, ok: true });
  });

  test("Green, Amber and Red fills differ in lightness too, so they stay apart without hue", () => {
    const l = [PALETTE.good.fill, PALETTE.warning.fill, PALETTE.bad.fill].map(luminance);
    expect(new Set(l.map((x) => x.toFixed(2))).size).toBe(3);
    expect(contrast(PALETTE.good.fill, PALETTE.bad.fill)).toBeGreaterThan(1.05);
  });
});

describe("the measure register in the plan (issue 13: the pane offers register measures from a list)", () => {
  const registerMeasures = [
    { id: "SM15", name: "Permanent admissions to care homes, 65+" },
    { id: "SM16", name: "Reablement starts within 7 days" },
  ];
  const withRegister = planDesign({ details: sampleDetails(), framework, measures: handPickedMeasures(), registerMeasures });
  const idColumn = (d: WorkbookDesign) => table(d, TABLES.measures).columns.find((c) => c.header === MEASURE_COLUMNS.find((m) => m.key === "id")!.meta.header)!;

  test("the Measure ID column offers the register's IDs, warning (not refusing) on any other ID", () => {
    expect(idColumn(withRegister).validation).toMatchObject({ type: "list", source: `=${REGISTER_MEASURES_LIST}`, errorStyle: "warning" });
    expect(idColumn(withRegister).validation?.prompt).toMatch(/or type your own ID for a local measure/);
    // Every other list stays strict.
    const others = withRegister.sheets.flatMap((s) => s.tables.flatMap((t) => t.columns)).filter((c) => c.validation && c !== idColumn(withRegister));
    expect(others.length).toBeGreaterThan(5);
    for (const c of others) expect(c.validation?.errorStyle ?? "stop").toBe("stop");
  });

  test("the IDs (and names beside them) are a column of the hidden Lists sheet, named for the dropdown", () => {
    const lists = sheet(withRegister, SHEETS.lists);
    const name = withRegister.names.find((n) => n.name === REGISTER_MEASURES_LIST)!;
    const [, col, first, last] = /^=Lists!\$([A-Z]+)\$(\d+):\$\1\$(\d+)$/.exec(name.ref)!;
    const values = lists.cells.filter((c) => c.address.replace(/\d+$/, "") === col && Number(c.address.replace(/^[A-Z]+/, "")) >= Number(first));
    expect(values.map((c) => c.value)).toEqual(["SM15", "SM16"]);
    expect(Number(last)).toBe(Number(first) + 1);
    const names = lists.cells.filter((c) => c.address.replace(/\d+$/, "") === String.fromCharCode(col.charCodeAt(0) + 1));
    expect(names.map((c) => c.value)).toEqual(["RegisterMeasureNames", ...registerMeasures.map((m) => m.name)]);
  });

  test("without a register the Measure ID is free text with its input message, and no list is named", () => {
    expect(idColumn(full).validation).toBeUndefined();
    expect(idColumn(full).prompt).toBe(MEASURE_COLUMNS.find((m) => m.key === "id")!.meta.prompt);
    expect(full.names.some((n) => n.name === REGISTER_MEASURES_LIST)).toBe(false);
    expect(planDesign({ details: sampleDetails(), framework, registerMeasures: [] }).names.some((n) => n.name === REGISTER_MEASURES_LIST)).toBe(false);
  });
});
