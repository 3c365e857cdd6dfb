// The use-case layer on its own (no pane, no CLI): the session parses and compiles the framework once,
// a loose workbook converts into another port (as the CLI writes a new file), and the conversion
// summary the pane shows groups what went to Unmapped by source column.
import * as fs from "fs";
import * as path from "path";
import { conversionSummary, convertInto, proposeConversion } from "../../src/app/convert";
import { describeWorkbook } from "../../src/app/plan";
import { openSession, sessionFromText } from "../../src/app/session";
import { parseFramework } from "../../src/model/framework";
import { XlsxWorkbook } from "../../src/xlsx/adapter";

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
