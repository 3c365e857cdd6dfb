// Regression: Add rows, then Check plan. The Actions table then has more rows than actions, and the
// SMART check column must still be written, one value per table row, blank rows blank: in the pane,
// the ribbon and the CLI, over the Excel double and over files.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { createFakeOffice } from "../doubles/excel/fakeExcel";
import { seftonAdultSocialCarePlans, seftonMeasures } from "../../examples/sefton/seftonExample";
import { checkWorkbook } from "../../src/app/check";
import { addPlanRows } from "../../src/app/addRows";
import { openSession } from "../../src/app/session";
import { checkPlanCommand } from "../../src/commands/ribbon";
import { ExcelWorkbook } from "../../src/excel/adapter";
import { parseFramework } from "../../src/model/framework";
import { createPaneServices } from "../../src/taskpane/services";
import { planDesign } from "../../src/workbook/design";
import { STATUS_COLUMNS, TABLES } from "../../src/workbook/names";
import type { WorkbookPort } from "../../src/workbook/port";
import { XlsxWorkbook } from "../../src/xlsx/adapter";
import { runCli } from "../cli/run";

const root = path.join(__dirname, "../..");
const framework = parseFramework(fs.readFileSync(path.join(root, "examples/sefton-framework.json"), "utf8"));
const plan = seftonAdultSocialCarePlans(framework, seftonMeasures(fs.readFileSync(path.join(root, "examples/sefton-strategic-measures-2024.csv"), "utf8"))).operational;
const design = () => planDesign({ details: plan.details, framework, actions: plan.actions, measures: plan.measures, register: plan.register });

function excelPort(): WorkbookPort {
  const fake = createFakeOffice({ sheets: [{ name: "Sheet1" }] });
  const globals = globalThis as unknown as Record<string, unknown>;
  globals.Office = fake.Office;
  globals.Excel = fake.Excel;
  return new ExcelWorkbook({ run: fake.Excel.run as never, requirements: fake.Office.context.requirements });
}

async function smartColumn(port: WorkbookPort): Promise<unknown[]> {
  const table = (await port.read()).tables.find((t) => t.name === TABLES.actions)!;
  const col = table.headers.indexOf(STATUS_COLUMNS.smartCheck);
  return table.rows.map((r) => r[col]);
}

/** One summary per action, then the added rows blank. */
function expectSummaries(column: unknown[], added: number): void {
  expect(column).toHaveLength(plan.actions.length + added);
  for (const v of column.slice(0, plan.actions.length)) expect(String(v)).toMatch(/^(✓ SMART|[✗⚠] .+ \(\d+ issues?\))$/);
  expect(column.slice(plan.actions.length).every((v) => v === "" || v === null)).toBe(true);
}

test.each([
  ["the Excel double", excelPort],
  ["a file (ExcelJS)", () => XlsxWorkbook.create("plan.xlsx")],
])("check after Add rows writes one SMART value per table row on %s", async (_name, make) => {
  const port = make();
  await port.apply(design());
  await addPlanRows(port, "Actions", 3);
  const outcome = await checkWorkbook(port, openSession(framework, "sefton-framework.json"), { fileName: "plan.xlsx", writeColumn: true });
  expect(outcome.counts.actions).toBe(plan.actions.length);
  expectSummaries(await smartColumn(port), 3);
});

test("the pane's Check plan and the ribbon's Check plan work after Add rows", async () => {
  const port = excelPort();
  await port.apply(design());
  const services = createPaneServices(port, { store: null, workbookName: "plan.xlsx" });
  await services.addRows("Actions", 3);
  const result = await services.runCheck();
  expect(result.checkedActions).toBe(plan.actions.length);
  expectSummaries(await smartColumn(port), 3);
  const notice = await checkPlanCommand(services);
  expect(notice.title).toMatch(/^Check plan: /);
});

test("service-plan check --write works on a plan with added blank rows", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gt-addrows-"));
  const file = path.join(dir, "plan.xlsx");
  const wb = XlsxWorkbook.create("plan.xlsx");
  await wb.apply(design());
  await wb.addRows(TABLES.actions, 3);
  await wb.save(file);
  const out = path.join(dir, "checked.xlsx");
  const run = await runCli("check", file, "--write", "--out", out);
  expect(run.stderr).not.toMatch(/Cannot write column/);
  expect(fs.existsSync(out)).toBe(true);
  expectSummaries(await smartColumn(await XlsxWorkbook.open(out)), 3);
});
