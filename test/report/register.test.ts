// The measure register: the Sefton example built from Sefton's table, and the bad registers refused.
import * as fs from "fs";
import * as path from "path";
import { parseCsv } from "../../src/csv/parse";
import { fillFromRegister, indexRegister, parseMeasureRegister } from "../../src/model/measureRegister";
import * as os from "os";
import { THEME_TO_PRIORITY } from "../../examples/sefton/seftonExample";
import { runCheck } from "../../src/cli/commands/check";
import { loadFramework } from "../../src/cli/shared";
import { planDesign, REGISTER_MEASURES_LIST } from "../../src/workbook/design";
import { XlsxWorkbook } from "../../src/xlsx/adapter";
import { action, details, measure } from "../qsr/planFixtures";
import { captureOutput } from "../cli/capture";

const root = path.join(__dirname, "..", "..");
const registerText = fs.readFileSync(path.join(root, "examples", "sefton-measure-register.json"), "utf8");

describe("the Sefton example register", () => {
  const register = parseMeasureRegister(registerText, "sefton-measure-register.json");
  const [header, ...rows] = parseCsv(fs.readFileSync(path.join(root, "examples", "sefton-strategic-measures-2024.csv"), "utf8"));
  const body = rows.filter((r) => r.some((c) => c.trim() !== ""));
  const col = (name: string) => header.indexOf(name);

  it("holds each of Sefton's strategic measures once, in the table's order, with its name, priority and polarity", () => {
    expect(register.measures).toHaveLength(body.length);
    expect(body.length).toBe(85);
    body.forEach((r, i) => {
      const m = register.measures[i];
      expect(m.name).toBe(r[col("measure")].trim());
      expect(m.theme).toBe(r[col("corporate_plan_theme")]);
      expect(m.corporatePriority).toBe(THEME_TO_PRIORITY[m.theme]);
      const good = r[col("what_is_good")].trim();
      expect(m.polarity).toBe(good === "100" ? "Target" : good);
    });
  });

  it("invents nothing: the fields Sefton's table does not give are blank", () => {
    for (const m of register.measures) {
      expect([m.definition, m.unit, m.dataSource, m.calculation, m.numerator, m.denominator, m.accountableOfficer, m.performanceLead, m.forecastMethod].join("")).toBe("");
      expect(m.comparators).toEqual([]);
      expect(m.frequency).toBeNull();
    }
  });

  it("finds measures by ID whatever the case", () => {
    expect(indexRegister(register).get(" sm16 ")?.id).toBe("SM16");
  });
});

describe("bad registers", () => {
  const reg = (measures: object[]) => JSON.stringify({ formatVersion: 1, measures });
  it("refuses duplicate IDs, naming both entries", () => {
    expect(() =>
      parseMeasureRegister(
        reg([
          { id: "SM01", name: "A" },
          { id: "sm01", name: "B" },
        ]),
        "reg.json",
      ),
    ).toThrow('reg.json: measures[1].id: sm01 is already the ID of measures[0] ("A"); each register measure needs its own ID');
  });
  it("refuses a comparator in another unit than its measure", () => {
    expect(() => parseMeasureRegister(reg([{ id: "SM01", name: "A", unit: "%", comparators: [{ name: "England", value: 4.2, unit: "per 1,000" }] }]), "reg.json")).toThrow(
      `reg.json: measures[0].comparators[0].unit: SM01's England figure is in "per 1,000" but the measure is in "%"; give it in %`,
    );
  });
  it("names the entry and field of a wrong value, and says when it is not JSON", () => {
    expect(() => parseMeasureRegister(reg([{ id: "SM01", name: "A", polarity: "Up" }]), "reg.json")).toThrow(/^reg\.json: the measure register is not valid: measures\[0\]\.polarity: /);
    expect(() => parseMeasureRegister(reg([{ id: "", name: "A" }]), "reg.json")).toThrow("measures[0].id: a register measure needs an ID");
    expect(() => parseMeasureRegister("{", "reg.json")).toThrow(/^reg\.json: not valid JSON/);
  });
});

describe("check --register", () => {
  captureOutput();
  it("reports a plan measure whose polarity or unit disagrees with the register, at its cell", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "register-check-"));
    const framework = loadFramework();
    const file = path.join(dir, "plan.xlsx");
    const wb = XlsxWorkbook.create("plan.xlsx");
    const register = parseMeasureRegister(registerText, "sefton-measure-register.json");
    const sm16 = register.measures.find((m) => m.id === "SM16")!;
    await wb.apply(
      planDesign({
        details: details({ planId: "DSP-ASC" }),
        framework,
        reportingDate: "2024-09-30",
        register: framework.priorities.map((p) => ({ id: p.id, title: p.title, tier: "Corporate", leadOfficer: "" })),
        actions: [action({ id: "DSP-ASC-01", parentLink: "CP2" })],
        measures: [
          measure({ id: "SM16", name: sm16.name, polarity: "Low" }),
          measure({ id: "SM17", name: register.measures[16].name, polarity: register.measures[16].polarity }),
          measure({ id: "ASC-LOCAL", name: "Local" }),
        ],
      }),
    );
    await wb.save(file);
    const regFile = path.join(dir, "register.json");
    fs.writeFileSync(regFile, JSON.stringify({ ...register, measures: register.measures.map((m) => (m.id === "SM17" ? { ...m, unit: "number" } : m)) }));
    const report = await runCheck(file, { register: regFile });
    const found = report.findings.filter((f) => f.ruleId === "measure-register-mismatch");
    expect(found.map((f) => [f.measureId, f.sheet])).toEqual([
      ["SM16", "Measures"],
      ["SM17", "Measures"],
    ]);
    expect(found[0].message).toBe("SM16 is a register measure, but polarity is Low here and High in the register.");
    expect(found[1].message).toBe('SM17 is a register measure, but unit is "%" here and "number" in the register.');
    const without = await runCheck(file, {});
    expect(without.findings.some((f) => f.ruleId === "measure-register-mismatch")).toBe(false);
    await expect(runCheck(file, { register: path.join(dir, "none.json") })).rejects.toThrow(/--register: .*none\.json/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe("new --register --measures", () => {
  const { err } = captureOutput();
  it("starts a plan with the register's measures for a priority or by ID, and refuses an unknown one", async () => {
    const { main } = await import("../../src/cli/main");
    const { readPlan } = await import("../../src/workbook/readPlan");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "register-new-"));
    const reg = path.join(root, "examples", "sefton-measure-register.json");
    const out = path.join(dir, "dsp.xlsx");
    await main(["node", "service-plan", "new", "--tier", "directorate", "--register", reg, "--measures", "CP2, SM01", "--out", out]);
    expect(process.exitCode ?? 0).toBe(0);
    const plan = readPlan(await (await XlsxWorkbook.open(out)).read(), "dsp.xlsx").plan;
    const register = parseMeasureRegister(registerText, "sefton-measure-register.json");
    const expected = [...register.measures.filter((m) => m.corporatePriority === "CP2"), register.measures[0]];
    expect(plan.measures.map((m) => [m.id, m.name, m.polarity, m.parentLink])).toEqual(expected.map((m) => [m.id, m.name, m.polarity, m.corporatePriority]));
    // Figures are the service's to agree: none come from the register.
    expect(plan.measures.every((m) => m.baseline === null && m.annualTarget === null)).toBe(true);

    await main(["node", "service-plan", "new", "--tier", "directorate", "--register", reg, "--measures", "SM99", "--out", path.join(dir, "bad.xlsx")]);
    expect(process.exitCode).toBe(1);
    expect(err.join("")).toContain('sefton-measure-register.json: "SM99" is neither a measure ID nor a Corporate Plan priority with measures in the register');
    expect(fs.existsSync(path.join(dir, "bad.xlsx"))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe("the register's measures offered in the Measure ID dropdown (xlsx)", () => {
  captureOutput();
  const register = parseMeasureRegister(registerText, "sefton-measure-register.json");

  /** The data validation on a cell of the saved file as the xlsx adapter (ExcelJS) reads it back, and the file's defined names. */
  async function validationAt(file: string, sheet: string, address: string) {
    const opened = await XlsxWorkbook.open(file);
    return { validation: opened.workbook.getWorksheet(sheet)!.getCell(address).dataValidation, opened };
  }

  it("new --register: every Measure ID cell lists the register's IDs with a warning alert, so a local ID is kept", async () => {
    const { main } = await import("../../src/cli/main");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "register-list-"));
    const out = path.join(dir, "dsp.xlsx");
    await main(["node", "service-plan", "new", "--tier", "directorate", "--register", path.join(root, "examples", "sefton-measure-register.json"), "--out", out]);
    expect(process.exitCode ?? 0).toBe(0);
    const { validation, opened } = await validationAt(out, "Measures", "A2");
    // Excel's list rule with the "warning" error style: a value not in the list gets "Continue?", and Yes keeps it.
    expect(validation).toMatchObject({ type: "list", formulae: [REGISTER_MEASURES_LIST], showErrorMessage: true, errorStyle: "warning", showInputMessage: true });
    const name = (await opened.read()).names.find((n) => n.name === REGISTER_MEASURES_LIST)!;
    const [, sheet, col, first, last] = /^'?([^'!]+)'?!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(name.ref.replace(/^=/, ""))!;
    const lists = opened.workbook.getWorksheet(sheet)!;
    const ids: string[] = [];
    for (let r = Number(first); r <= Number(last); r++) ids.push(String(lists.getCell(`${col}${r}`).value));
    expect(ids).toEqual(register.measures.map((m) => m.id));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("a plan with register and local IDs under the list reads back whole, and check finds nothing wrong with the local one", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "register-local-"));
    const file = path.join(dir, "plan.xlsx");
    const framework = loadFramework();
    const sm16 = register.measures.find((m) => m.id === "SM16")!;
    const wb = XlsxWorkbook.create("plan.xlsx");
    await wb.apply(
      planDesign({
        details: details({ planId: "DSP-ASC" }),
        framework,
        reportingDate: "2024-09-30",
        actions: [action({ id: "DSP-ASC-01", parentLink: "CP2" })],
        measures: [measure({ id: "SM16", name: sm16.name, polarity: sm16.polarity, unit: sm16.unit }), measure({ id: "ASC-LOCAL-01", name: "Carers assessed within 28 days" })],
        registerMeasures: register.measures,
      }),
    );
    await wb.save(file);
    expect((await validationAt(file, "Measures", "A3")).validation).toMatchObject({ type: "list", formulae: [REGISTER_MEASURES_LIST], errorStyle: "warning" });
    const { readPlan } = await import("../../src/workbook/readPlan");
    const plan = readPlan(await (await XlsxWorkbook.open(file)).read(), "plan.xlsx").plan;
    expect(plan.measures.map((m) => m.id)).toEqual(["SM16", "ASC-LOCAL-01"]);
    const regFile = path.join(dir, "register.json");
    fs.writeFileSync(regFile, registerText);
    const report = await runCheck(file, { register: regFile });
    expect(report.findings.filter((f) => f.measureId === "ASC-LOCAL-01" && f.severity === "error")).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe("convert's fill from the register", () => {
  it("fills only the blank fields of measures with register IDs, and says which", () => {
    const index = indexRegister(
      parseMeasureRegister(JSON.stringify({ formatVersion: 1, measures: [{ id: "SM16", name: "Reablement within 7 days", polarity: "High", unit: "%", dataSource: "LAS" }] }), "reg.json"),
    );
    const rows = [measure({ id: "sm16", name: "", polarity: null, unit: "", dataSource: "Own spreadsheet" }), measure({ id: "LOCAL", name: "", polarity: null, unit: "" })];
    expect(fillFromRegister(rows, index)).toEqual([{ id: "SM16", fields: ["name", "polarity", "unit"] }]);
    expect(rows[0]).toMatchObject({ name: "Reablement within 7 days", polarity: "High", unit: "%", dataSource: "Own spreadsheet" });
    expect(rows[1]).toMatchObject({ name: "", polarity: null, unit: "" });
  });
});

describe("the register dropdown in Excel (office.js)", () => {
  it("keeps the warning style: Excel.DataValidationAlertStyle Warning, so Yes keeps a local ID", async () => {
    const { dataValidationParts } = await import("../../src/excel/validationRule");
    const column = planDesign({ details: details({ planId: "DSP-ASC" }), framework: loadFramework(), registerMeasures: [{ id: "SM16", name: "Reablement" }] })
      .sheets.flatMap((s) => s.tables)
      .find((t) => t.name === "Measures")!.columns[0];
    expect(dataValidationParts(column.validation, undefined)).toMatchObject({
      rule: { list: { inCellDropDown: true, source: `=${REGISTER_MEASURES_LIST}` } },
      errorAlert: { showAlert: true, style: "Warning" },
    });
    // Every other rule still refuses: Stop.
    const strict = planDesign({ details: details({ planId: "DSP-ASC" }), framework: loadFramework() })
      .sheets.flatMap((s) => s.tables)
      .find((t) => t.name === "Measures")!.columns;
    for (const c of strict.filter((x) => x.validation?.error)) expect(dataValidationParts(c.validation, undefined)?.errorAlert?.style).toBe("Stop");
  });
});

describe("convert --register", () => {
  it("offers the register's IDs in the converted plan's Measure ID dropdown too", async () => {
    const { convertPlan, proposeConversion } = await import("../../src/app/convert");
    const framework = loadFramework();
    // A plan made without the register, converted again with it.
    const source = XlsxWorkbook.create("plan.xlsx");
    await source.apply(planDesign({ details: details({ planId: "DSP-ASC" }), framework, measures: [measure({ id: "SM16" })] }));
    const snapshot = await source.read();
    const { proposal } = proposeConversion(snapshot, framework);
    const index = indexRegister(parseMeasureRegister(registerText, "sefton-measure-register.json"));
    const idColumn = (register?: typeof index) =>
      convertPlan(snapshot, proposal, { tier: "Directorate", framework, fileName: "plan.xlsx", register })
        .design.sheets.flatMap((s) => s.tables)
        .find((t) => t.name === "Measures")!.columns[0];
    expect(idColumn(index).validation).toMatchObject({ type: "list", source: `=${REGISTER_MEASURES_LIST}`, errorStyle: "warning" });
    expect(idColumn().validation).toBeUndefined();
  });
});
