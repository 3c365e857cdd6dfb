// What each office.js command costs in round trips and request size, counted by the Excel double
// (the same counts Excel on the web would see): apply (create a plan), read, and writeColumn
// (the SMART column), addRows, replaceRows (the Register) and setNamedValue at 100, 2,000 and 20,000 rows. Budgets: 3 syncs and 4 MB per request.
// Rows are split half actions, half measures (about 21 and 30 columns), with realistic text.
import { ExcelWorkbook } from "../src/excel/adapter";
import { createFakeOffice, FakeOffice } from "../test/doubles/excel/fakeExcel";
import { sampleActions, sampleDesign, sampleMeasures } from "../test/doubles/excel/sampleDesign";
import { newPlanDetails } from "../src/app/create";
import { frameworkSchema } from "../src/model/framework";
import { planDesign } from "../src/workbook/design";
import type { WorkbookDesign } from "../src/workbook/port";
import { BenchRow } from "./table";

const SIZES = [100, 2_000, 20_000];
const SYNC_BUDGET = 3;
const REQUEST_BUDGET_MB = 4;
const MB = 1024 * 1024;
const HOST_RESPONSE_LIMIT = 5 * MB;

const framework = frameworkSchema.parse({ council: "Bench Council", planYear: "2024/25", priorities: [{ id: "CP1", title: "Priority" }] });
// The plan details a new plan gets (the create use case), as the add-in would write them.
const details = newPlanDetails({ tier: "Operational", planId: "OSP-BENCH", planYear: "2024/25" }, framework);

/** The real plan design when it builds; otherwise the double's plan-shaped sample (said in the row label). */
function designFor(rows: number): { design: WorkbookDesign; source: string } {
  const actions = Math.ceil(rows / 2);
  const measures = rows - actions;
  try {
    return { design: planDesign({ details, framework, actions: sampleActions(actions), measures: sampleMeasures(measures) }), source: "planDesign" };
  } catch (error) {
    process.stderr.write(`bench excel: planDesign failed (${error instanceof Error ? error.message : String(error)}); using the sample design\n`);
    return { design: sampleDesign(actions, measures), source: "sample design" };
  }
}

function adapterFor(fake: FakeOffice): ExcelWorkbook {
  return new ExcelWorkbook({ run: (batch) => fake.Excel.run({ delayForCellEdit: true }, batch as never), requirements: fake.Office.context.requirements });
}

function rowsFor(command: string, rows: number, fake: FakeOffice, source: string): BenchRow[] {
  const { syncs, largestRequestBytes, responseBytes } = fake.workbook.stats;
  // A read first asks for everything at once; on the web a too-big answer is refused and read in blocks.
  const answered = responseBytes.filter((b) => b <= HOST_RESPONSE_LIMIT);
  const refused = responseBytes.length - answered.length;
  const largestResponseBytes = Math.max(0, ...answered);
  const label = `${command}, ${rows.toLocaleString("en-GB")} rows (${source})`;
  const requestMb = Math.round((largestRequestBytes / MB) * 1000) / 1000;
  return [
    { area: "excel", measure: `${label}: syncs`, value: syncs, unit: "syncs", budget: SYNC_BUDGET, ok: syncs <= SYNC_BUDGET },
    { area: "excel", measure: `${label}: largest request`, value: requestMb, unit: "MB", budget: REQUEST_BUDGET_MB, ok: requestMb <= REQUEST_BUDGET_MB },
    { area: "excel", measure: `${label}: largest response`, value: Math.round((largestResponseBytes / MB) * 1000) / 1000, unit: "MB" },
    ...(refused > 0 ? [{ area: "excel", measure: `${label}: answers refused as over 5 MB (then read in blocks)`, value: refused, unit: "syncs" }] : []),
  ];
}

export async function bench(): Promise<BenchRow[]> {
  const out: BenchRow[] = [];
  for (const rows of SIZES) {
    const { design, source } = designFor(rows);
    const fake = createFakeOffice();
    const workbook = adapterFor(fake);

    await workbook.apply(design);
    out.push(...rowsFor("apply", rows, fake, source));

    fake.workbook.resetStats();
    const snapshot = await workbook.read();
    out.push(...rowsFor("read", rows, fake, source));

    const actions = snapshot.tables.find((t) => t.name === "Actions");
    const smart = actions?.headers.find((h) => /smart/i.test(h));
    if (actions && smart) {
      fake.workbook.resetStats();
      await workbook.writeColumn(
        "Actions",
        smart,
        actions.rows.map((_, i) => (i % 3 === 0 ? null : "Specific: starts with a verb. Measurable: no number or milestone. Time-bound: due date set.")),
      );
      out.push(...rowsFor("writeColumn SMART", actions.rows.length, fake, source));
    }
    // Add rows writes below the table (co-authoring safe) with formats and validation set explicitly.
    fake.workbook.resetStats();
    await workbook.addRows("Actions", Math.min(5_000, rows));
    out.push(...rowsFor(`addRows to Actions (${Math.min(5_000, rows).toLocaleString("en-GB")} new rows), plan of`, rows, fake, source));
    const register = snapshot.tables.find((t) => t.name === "Register");
    if (register) {
      fake.workbook.resetStats();
      const width = register.headers.length;
      await workbook.replaceRows(
        "Register",
        Array.from({ length: rows }, (_, i) => Array.from({ length: width }, (_, j) => (j === 0 ? `DSP-${i + 1}` : `Register entry ${i + 1}, column ${j + 1}`))),
      );
      out.push(...rowsFor("replaceRows Register", rows, fake, source));
    }
    fake.workbook.resetStats();
    await workbook.setNamedValue("ReportingDate", 45657);
    out.push(...rowsFor("setNamedValue ReportingDate", rows, fake, source));
  }
  return out;
}
