// The use-case layer on its own (no pane, no CLI): the session parses and compiles the framework once,
// a loose workbook converts into another port (as the CLI writes a new file), and the conversion
// summary the pane shows groups what went to Unmapped by source column.
import * as fs from "fs";
import * as path from "path";
import { conversionSummary, convertInto, proposeConversion } from "../../src/app/convert";
import { createPlan, WouldReplaceError } from "../../src/app/create";
import { describeWorkbook } from "../../src/app/plan";
import { openSession, sessionFromText } from "../../src/app/session";
import { parseFramework } from "../../src/model/framework";
import { ExcelWorkbook } from "../../src/excel/adapter";
import { XlsxWorkbook } from "../../src/xlsx/adapter";
import { createFakeOffice } from "../doubles/excel/fakeExcel";

const root = path.join(__dirname, "../..");
const frameworkText = fs.readFileSync(path.join(root, "examples/sefton-framework.json"), "utf8");
const framework = parseFramework(frameworkText);

test("a session compiles the framework's check settings once, however many checks it runs", () => {
  const session = openSession(framework, "sefton-framework.json");
  const first = session.checkSettings();
  expect(session.checkSettings()).toBe(first);
  expect(sessionFromText(frameworkText, "sefton-framework.json").framework).toEqual(framework);
});

test("a framework with a mistake in its checks block is refused on first use, naming the file", () => {
  const bad = { ...JSON.parse(frameworkText), checks: { ...(JSON.parse(frameworkText).checks ?? {}), noSuchSetting: true } };
  expect(() => sessionFromText(JSON.stringify(bad), "council.json").checkSettings()).toThrow(/council\.json/);
});

test("a loose workbook converts into another workbook, which then reads as a plan; the summary groups Unmapped cells by column", async () => {
  const source = XlsxWorkbook.create("loose.xlsx");
  await source.apply({
    sheets: [
      {
        name: "Service plan",
        visibility: "visible",
        cells: [
          ...["Key action", "Lead officer", "Timescale", "Cost centre"].map((value, i) => ({ address: `${"ABCD"[i]}1`, value })),
          ...["Review the carers' assessment pathway with partners", "Jo Whitfield", "31/03/2025", "AC101"].map((value, i) => ({ address: `${"ABCD"[i]}2`, value })),
          ...["Launch a digital front door for adult social care", "Priya Patel", "30/09/2024", "AC102"].map((value, i) => ({ address: `${"ABCD"[i]}3`, value })),
        ],
        tables: [],
        columnWidths: {},
        freezeRows: 0,
        protect: false,
      },
    ],
    names: [],
  });
  const snapshot = await source.read();
  const { proposal } = proposeConversion(snapshot, framework);
  expect(proposal.tables).toHaveLength(1);
  const target = XlsxWorkbook.create("plan.xlsx");
  const converted = await convertInto(target, snapshot, proposal, { tier: "Operational", framework, fileName: "loose.xlsx" });
  expect(converted.result.actions.map((a) => a.leadOfficer)).toEqual(["Jo Whitfield", "Priya Patel"]);
  const overview = await describeWorkbook(target, "plan.xlsx");
  expect(overview).toMatchObject({ kind: "plan", tier: "Operational", planId: "LOOSE", planYear: framework.planYear });
  const summary = conversionSummary(converted);
  expect(summary.actions).toBe(2);
  expect(summary.unmapped).toEqual([{ sheet: "Service plan", header: "Cost centre", cells: 2 }]);
  expect(summary.notes[0]).toMatch(/^Fill in the Plan ID \(now LOOSE\)/);
  expect((await describeWorkbook(source, "loose.xlsx")).kind).toBe("loose");
});

// Issue 17: one overwrite rule for what is written into a workbook, enforced by the use cases,
// on the Excel double (what the pane writes into the open workbook).
describe("create and convert never replace a sheet that holds the user's data", () => {
  const excelOver = (seed: Parameters<typeof createFakeOffice>[0]) => {
    const fake = createFakeOffice(seed);
    return new ExcelWorkbook({ run: (batch) => fake.Excel.run({ delayForCellEdit: true }, batch as never), requirements: fake.Office.context.requirements });
  };
  const request = { tier: "Team", planYear: "2024/25", planId: "TP-HC-2024" };

  test("a loose plan on a sheet called Actions is refused in place, naming the sheet, and the workbook is unchanged", async () => {
    const port = excelOver({
      sheets: [
        {
          name: "Actions",
          values: [
            ["Key action", "Lead officer", "Timescale"],
            ["Review the carers' assessment pathway with partners", "Jo Whitfield", "31/03/2025"],
          ],
        },
      ],
    });
    const snapshot = await port.read();
    const { proposal } = proposeConversion(snapshot, framework);
    const before = JSON.stringify(await port.read());
    const refused = convertInto(port, snapshot, proposal, { tier: "Operational", framework, fileName: "loose.xlsx" });
    await expect(refused).rejects.toThrow(WouldReplaceError);
    await expect(refused).rejects.toThrow('loose.xlsx: the plan\'s sheets would replace your sheet "Actions", which holds data. Nothing was changed. Rename it (for example to "Actions (original)")');
    expect(JSON.stringify(await port.read())).toBe(before);
  });

  test("creating a plan beside a sheet of data keeps that sheet; a sheet of the plan's name holding data is refused", async () => {
    const beside = excelOver({ sheets: [{ name: "Notes", values: [["Budget 2024/25", 1200]] }] });
    await createPlan(beside, request, framework, "Book1");
    const after = await beside.read();
    expect(after.sheets.find((s) => s.name === "Notes")?.values).toEqual([["Budget 2024/25", 1200]]);
    expect((await describeWorkbook(beside, "Book1")).kind).toBe("plan");

    const clash = excelOver({ sheets: [{ name: "Sheet1" }, { name: "Plan", values: [["Our plan for next year"]] }, { name: "Measures", values: [["KPI", 3]] }] });
    const before = JSON.stringify(await clash.read());
    await expect(createPlan(clash, request, framework, "Book1")).rejects.toThrow('Book1: the plan\'s sheets would replace your sheets "Plan", "Measures", which hold data. Nothing was changed.');
    expect(JSON.stringify(await clash.read())).toBe(before);
  });

  test("empty sheets of the plan's names are used, and a second plan is refused as before", async () => {
    const port = excelOver({ sheets: [{ name: "Actions" }, { name: "Sheet1" }] });
    await createPlan(port, request, framework, "Book1");
    expect((await describeWorkbook(port, "Book1")).kind).toBe("plan");
    await expect(createPlan(port, request, framework, "Book1")).rejects.toThrow("Book1 already holds a plan: create the new plan in a new, empty workbook.");
  });
});
