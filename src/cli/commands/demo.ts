// `npm run demo`: the whole job on the Sefton example, no Excel needed.
// 1. statuses of Sefton's 85 strategic measures (from a measures CSV);
// 2. linked Directorate, Operational and Team plan workbooks that recalculate without the add-in;
// 3. a SMART and golden-thread check of those plans, catching the weak actions;
// 4. a Q2 return from the Directorate plan and a roll-up collected from the returns.
// 5. one planning year of the Directorate plan, sign-off to roll-forward (../demo/yearCycle.ts);
// 6. last, the Corporate Plan Overview Report (HTML and workbook) from the Q2 roll-up.
import * as fs from "fs";
import * as path from "path";
import { Command } from "commander";
import { toCsv } from "../../csv/parse";
import { seftonAdultSocialCarePlans, seftonMeasures, ExamplePlan } from "../../../examples/sefton/seftonExample";
import { Framework } from "../../model/framework";
import { parsePeriod, periodLabel, quarterEnd } from "../../model/period";
import { MEASURE_COLUMNS, Plan } from "../../model/plan";
import { writeRollupXlsx } from "../../qsr/files/rollupXlsx";
import { writeRollupCsv } from "../../qsr/files/rollupCsv";
import { rollupJson } from "../../qsr/files/rollupJson";
import { runReport } from "./report";
import { checkLoadedPlan } from "../../app/check";
import { openSession } from "../../app/session";
import { formatFindings } from "../../rules/report";
import { smartSummary } from "../../rules/smartSummary";
import { planDesign } from "../../workbook/design";
import { readPlan } from "../../workbook/readPlan";
import { XlsxWorkbook } from "../../xlsx/adapter";
import { fail, loadFramework, packageRoot } from "../shared";
import { collectReturns } from "../../app/collect";
import { prepareReturn, returnFiles, returnFileStem } from "../../app/qsr";
import { returnFileSources } from "../../qsr/files/collectFiles";
import { statusReport } from "../../app/status";
import { placeDemo } from "../demo/output";

const PERIOD = "2024/25 Q2";

function tally(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${k} ${n}`).join(", ");
}

async function writePlan(plan: ExamplePlan, framework: Framework, file: string, smartCheck?: string[]): Promise<Plan> {
  const workbook = XlsxWorkbook.create(path.basename(file));
  await workbook.apply(planDesign({ ...plan, framework, reportingDate: quarterEnd(parsePeriod(PERIOD)), smartCheck }));
  await workbook.save(file);
  // Read the file back: the demo shows what a user's file gives, not what we meant to write.
  const read = readPlan(await (await XlsxWorkbook.open(file)).read(), path.basename(file));
  if (read.errors.length) throw new Error(read.errors.map((e) => e.message).join("\n"));
  return read.plan;
}

/** The files the demo reads: never written, whatever --out says. */
const DEMO_INPUTS = ["examples/sefton-framework.json", "examples/sefton-strategic-measures-2024.csv", "examples/sefton-measure-register.json"];

/** Writes the whole demo into outDir; messages name the folder as shownDir (where placeDemo moves it). */
export async function runDemo(outDir: string, shownDir = outDir, write = (text: string) => void process.stdout.write(text)): Promise<void> {
  const say = (line = "") => write(line.split(outDir).join(shownDir) + "\n");
  const framework = loadFramework();
  const period = parsePeriod(PERIOD);
  fs.mkdirSync(path.join(outDir, "plans"), { recursive: true });
  fs.mkdirSync(path.join(outDir, "returns"), { recursive: true });

  say(`Golden Thread demo: ${framework.council}, ${framework.corporatePlan}, ${periodLabel(period)}`);

  // 1. Statuses of the strategic measures, from the CSV form of the format.
  const csvText = fs.readFileSync(path.join(packageRoot(), "examples", "sefton-strategic-measures-2024.csv"), "utf8");
  const measures = seftonMeasures(csvText);
  const measuresCsv = path.join(outDir, "sefton-measures-2024-25.csv");
  const csvColumns = MEASURE_COLUMNS.filter((c) => !["recoveryDate"].includes(c.key));
  fs.writeFileSync(
    measuresCsv,
    toCsv([
      csvColumns.map((c) => c.csv),
      ...measures.map((m) =>
        csvColumns.map((c) => {
          const v = (m as Record<string, unknown>)[c.key];
          return v === null || v === undefined ? "" : typeof v === "boolean" ? (v ? "yes" : "no") : String(v);
        }),
      ),
    ]),
  );
  const report = statusReport(measures, [], period, { tolerances: framework.tolerances, slippageMonths: framework.slippageMonths });
  say("");
  say(
    `1. Statuses of Sefton's ${measures.length} strategic measures (illustrative figures; Sefton's table sets no targets yet, so RAG is M, cannot be measured, until targets are agreed), ${measuresCsv}`,
  );
  say(`   RAG: ${tally(report.measures.map((m) => m.rag))}`);
  say(`   Direction of travel: ${tally(report.measures.map((m) => m.direction))}`);
  for (const m of report.measures.slice(0, 8)) {
    const name = measures.find((x) => x.id === m.id)?.name ?? "";
    say(`   ${m.id}  ${m.rag.padEnd(9)} ${m.direction.padEnd(10)} ${name.slice(0, 70)}`);
  }
  say(`   ... (npx service-plan status ${measuresCsv} --period "${PERIOD}" --json for all)`);

  // 2. Linked plan workbooks.
  const plans = seftonAdultSocialCarePlans(framework, measures);
  const files = {
    directorate: path.join(outDir, "plans", "directorate-plan-adult-social-care.xlsx"),
    operational: path.join(outDir, "plans", "operational-plan-asc-operations.xlsx"),
    team: path.join(outDir, "plans", "team-plan-reablement.xlsx"),
  };
  const directorate = await writePlan(plans.directorate, framework, files.directorate);
  const operational = await writePlan(plans.operational, framework, files.operational);
  const team = await writePlan(plans.team, framework, files.team);
  say("");
  say("2. Plan workbooks (open in Excel or LibreOffice: statuses are live formulas driven by Settings!ReportingDate)");
  for (const [tier, file] of Object.entries(files)) say(`   ${tier.padEnd(12)} ${file}`);
  const actionStatuses = statusReport([], directorate.actions, period, { tolerances: framework.tolerances, slippageMonths: framework.slippageMonths });
  say(`   Directorate action status at ${PERIOD}: ${tally(actionStatuses.actions.map((a) => a.status))}`);

  // 3. Checks, each plan against its parent.
  say("");
  say("3. SMART and golden-thread checks");
  const checks: [string, Plan, Plan | undefined, Plan[]][] = [
    ["Directorate plan", directorate, undefined, [operational]],
    ["Operational plan", operational, directorate, [team]],
    ["Team plan", team, operational, []],
  ];
  const planFiles = new Map<Plan, [ExamplePlan, string]>([
    [directorate, [plans.directorate, files.directorate]],
    [operational, [plans.operational, files.operational]],
    [team, [plans.team, files.team]],
  ]);
  const session = openSession(framework, "sefton-framework.json");
  for (const [title, plan, parent, children] of checks) {
    const { findings, counts } = checkLoadedPlan(session, { plan, parent, children });
    // Each plan carries its SMART check column, as a Service Manager's would after a check.
    const [example, file] = planFiles.get(plan)!;
    await writePlan(example, framework, file, smartSummary(findings, plan.actions));
    const n = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
    say(`   ${title}: ${n(counts.error, "error")}, ${n(counts.warning, "warning")}, ${counts.info} info`);
    // Every finding counted is listed, so the summary and the detail agree.
    if (plan === operational || plan === team) say(formatFindings(findings).replace(/^/gm, "     "));
  }

  // 4. QSR returns and the roll-up.
  say("");
  say(`4. Quarterly Service Report returns for ${PERIOD}`);
  const settings = { reportingDate: null, tolerances: framework.tolerances, slippageMonths: framework.slippageMonths };
  const preparedOn = "2024-10-14";
  const written: string[] = [];
  for (const [name, plan, draft] of [
    ["directorate", directorate, false],
    ["operational", operational, true],
  ] as const) {
    const ret = prepareReturn({ plan, settings }, { period, preparedBy: plan.details.owner, preparedOn, draft, fileName: `${name} plan` });
    const files = await returnFiles(ret, ["xlsx", "json", "csv"]);
    for (const f of files) {
      const target = path.join(outDir, "returns", ...f.path.split("/"));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, f.bytes);
    }
    const base = path.join(outDir, "returns", returnFileStem(ret));
    written.push(`${base}.xlsx`);
    say(
      `   ${name.padEnd(12)} ${ret.header.status.padEnd(6)} ${base}.xlsx (+ .json, -csv/): ${ret.actions.length} actions, ${ret.measures.length} measures, ${ret.exceptions.length} exception${ret.exceptions.length === 1 ? "" : "s"}`,
    );
  }
  const rollup = await collectReturns(returnFileSources(written), { period: PERIOD, priorities: framework.priorities });
  const rollupFile = path.join(outDir, "rollup-2024-25-Q2.xlsx");
  await writeRollupXlsx(rollup, rollupFile, preparedOn);
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  const drafts = rollup.draftsExcluded.length > 0 ? ` (${n(rollup.draftsExcluded.length, "draft")} left out)` : "";
  say(`   Roll-up: ${rollupFile}: ${n(rollup.returns.length, "return")}${drafts}, ${n(rollup.actions.length, "action")}, ${n(rollup.measures.length, "measure")}, ${rollup.rejects.length} rejected`);
  const rollupJsonFile = path.join(outDir, "rollup-2024-25-Q2.json");
  fs.writeFileSync(rollupJsonFile, rollupJson(rollup, preparedOn));
  writeRollupCsv(rollup, path.join(outDir, "rollup-2024-25-Q2-csv"));
  say(`   The same tables for Power BI: ${rollupJsonFile} and ${path.join(outDir, "rollup-2024-25-Q2-csv")}/`);

  await (await import("../demo/yearCycle")).demoYearCycle(files.directorate, path.join(outDir, "year"), framework, say);

  // 6. Last, what the BI team hands ELT and Cabinet: the Corporate Plan Overview Report, with Sefton's measure register.
  say("");
  say(`6. Corporate Plan Overview Report for ${PERIOD} (HTML for Cabinet papers and the web, workbook for print)`);
  const cpor = await runReport([rollupJsonFile], { out: outDir, register: path.join(packageRoot(), "examples", "sefton-measure-register.json"), force: true, generatedOn: preparedOn, quiet: true });
  say(`   ${cpor.html}`);
  say(`   ${cpor.xlsx}`);
  for (const d of cpor.dataQuality) say(`   Data quality: ${d.detail}`);
}

export function register(program: Command): void {
  program
    .command("demo")
    .description("run the Sefton example end to end: statuses, plan workbooks, checks, returns and roll-up")
    .option("--out <dir>", "folder for the files it writes", "demo-output")
    .option("--force", "replace the files an earlier demo wrote there (never files it did not write, or has changed since)")
    .action(async (opts: { out: string; force?: boolean }) => {
      try {
        const inputs = DEMO_INPUTS.map((f) => path.join(packageRoot(), f));
        // Told once the files are in place: a refused demo says only why.
        const told: string[] = [];
        await placeDemo(opts.out, { force: opts.force ?? false, inputs }, (temp) => runDemo(temp, opts.out, (text) => void told.push(text)));
        process.stdout.write(told.join(""));
      } catch (e) {
        fail(e);
      }
    });
}
