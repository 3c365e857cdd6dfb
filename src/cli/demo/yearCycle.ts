// Demo step: one planning year of the example Directorate plan, as Sefton's annual cycle runs it.
// Sign-off in April; the quarter recorded four times with its history; a savings target changed
// after sign-off by agreement (carried in the return) and another changed by hand (caught by check
// and by collect against the BI team's sign-off record); then next year's plan, 2025/26.
import * as fs from "fs";
import * as path from "path";
import { checkLoadedPlan } from "../../app/check";
import { openSession } from "../../app/session";
import { agreeChange, signOffWorkbook } from "../../app/signOff";
import { recordQuarter } from "../../app/recordQuarter";
import { rollForwardPlan } from "../../app/rollForward";
import { checkReturnsAgainstRecords, parseSignOffRecords, returnSignOffs } from "../../cycle/record";
import { formatUkDate } from "../../model/dates";
import { Framework } from "../../model/framework";
import { parsePeriod } from "../../model/period";
import { QsrReturn } from "../../qsr/schema";
import { CellValue } from "../../workbook/port";
import { readPlan } from "../../workbook/readPlan";
import { XlsxWorkbook } from "../../xlsx/adapter";
import { collectReturns } from "../../app/collect";
import { corporateReport } from "../../app/report";
import { cporWorkbook } from "../../report/files/cporXlsx";
import { workbookBytes } from "../../xlsx/print";
import { planOf } from "../../app/plan";
import { prepareReturn, returnFiles } from "../../app/qsr";
import { returnFileSources } from "../../qsr/files/collectFiles";

type Say = (line?: string) => void;

async function open(file: string): Promise<XlsxWorkbook> {
  return XlsxWorkbook.open(file);
}

/** This quarter's figures as the Service Manager types them: each measure a step on from last quarter (running totals keep growing). */
async function typeFigures(wb: XlsxWorkbook, quarter: 3 | 4): Promise<void> {
  const table = (await wb.read()).tables.find((t) => t.name === "Measures")!;
  const col = (h: string) => table.headers.indexOf(h);
  const [prev, prev2, target, cumulative, now] = [col(`Q${quarter - 1} actual`), col(`Q${quarter - 2} actual`), col("Annual target"), col("Cumulative"), col(`Q${quarter} actual`)];
  const values: CellValue[] = table.rows.map((r) => {
    if (typeof r[now] === "number" || typeof r[prev] !== "number") return r[now] ?? null;
    const last = r[prev] as number;
    const before = typeof r[prev2] === "number" ? (r[prev2] as number) : last;
    if (r[cumulative] === "Yes") return Math.round(last + (last - before));
    const goal = typeof r[target] === "number" ? (r[target] as number) : last;
    return Math.round((last + (goal - last) / 3) * 10) / 10;
  });
  await wb.writeColumn("Measures", `Q${quarter} actual`, values);
}

async function writeReturn(file: string, period: string, outDir: string, preparedOn: string): Promise<QsrReturn> {
  const plan = planOf(await (await open(file)).read(), path.basename(file));
  // Final when every exception is explained, else a draft: as a Service Manager would send it.
  const ret = prepareReturn(plan, { period: parsePeriod(period), preparedBy: plan.plan.details.owner || "Service Manager", preparedOn, draft: "auto", fileName: path.basename(file) });
  fs.mkdirSync(outDir, { recursive: true });
  for (const f of await returnFiles(ret, ["xlsx", "json"])) fs.writeFileSync(path.join(outDir, f.path), f.bytes);
  return ret;
}

const jsonFiles = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => path.join(dir, f));

async function collectWithSignOffs(dir: string, records: string) {
  // Named by file name, as the report is: the demo is built in a temporary folder first.
  const sources = returnFileSources(jsonFiles(dir)).map((s) => ({ ...s, label: path.basename(s.label) }));
  const rollup = await collectReturns(sources, { includeDrafts: true });
  return checkReturnsAgainstRecords(returnSignOffs(rollup.returns), parseSignOffRecords(fs.readFileSync(records, "utf8"), path.basename(records)).records);
}

/** The Q3 CPOR from the copy sent in, checked against the sign-off records: the agreed change and the unagreed one side by side. */
async function demoQuarterReport(dir: string, records: string, stem: string, framework: Framework, say: Say): Promise<void> {
  const { report, html } = await corporateReport({
    // Named by file name: the report is for Cabinet papers, not the demo's working folder.
    current: { sources: returnFileSources(jsonFiles(dir)).map((s) => ({ ...s, label: path.basename(s.label) })) },
    framework,
    collect: { includeDrafts: true },
    generatedOn: "2025-01-20",
    signOffRecords: parseSignOffRecords(fs.readFileSync(records, "utf8"), path.basename(records)).records,
  });
  fs.writeFileSync(`${stem}.html`, html);
  fs.writeFileSync(`${stem}.xlsx`, await workbookBytes(cporWorkbook(report)));
  say(`   CPOR for ${report.period} from that copy, with the sign-off records (${stem}.html, .xlsx): Changes to targets since sign-off:`);
  for (const c of report.targetChanges) say(`     agreed: ${c.id} ${c.field} ${c.was} -> ${c.now} (${c.agreedBy}, ${formatUkDate(c.agreedOn)}: ${c.reason})`);
  for (const u of report.unagreedChanges ?? []) say(`     changed without agreement: ${u.planId} (${u.returnFile})`);
}

export async function demoYearCycle(directoratePlan: string, outDir: string, framework: Framework, say: Say): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true });
  const at = (f: string) => path.join(outDir, f);
  const records = at("signoffs.csv");
  fs.writeFileSync(records, "");
  say("");
  say(`5. The planning year: ${path.basename(directoratePlan)} from sign-off to next year's plan (${outDir}/)`);

  // Sign-off, April 2024.
  const wb = await open(directoratePlan);
  const signed = await signOffWorkbook(wb, { fileName: path.basename(directoratePlan), by: "Alison Grant", role: "Executive Director of Adult Social Care and Health", on: "2024-04-08" });
  fs.appendFileSync(records, `${signed.recordLine}\n`);
  const s = signed.signOff;
  say(`   Signed off by ${s.by} (${s.role}) on ${formatUkDate(s.on)}: ${s.values.length} values frozen (targets, trajectories, tolerances, definitions, approved due dates, measures of success)`);
  say(`   Sign-off record for the BI team (${records}): ${signed.recordLine.replace(s.fingerprint, `${s.fingerprint.slice(0, 16)}…`)}`);

  const record = async (period: string, on: string) => {
    const r = await recordQuarter(wb, { fileName: "plan", period, updatedBy: "Jane Morris", updatedOn: on, replace: true });
    say(`   ${period} recorded on ${formatUkDate(on)}: ${r.added} rows in Updates${r.replaced ? ` (replacing ${r.replaced})` : ""}, ${r.kept} earlier rows kept`);
  };
  await record("2024/25 Q1", "2024-07-08");
  await record("2024/25 Q2", "2024-10-07");
  // Recording Q2 again (a late correction) replaces Q2's rows only.
  await record("2024/25 Q2", "2024-10-09");

  // Q3: an agreed change to a target, and the quarter's figures.
  const agreed = await agreeChange(wb, {
    fileName: "plan",
    id: "ASC-YTD-02",
    field: "Annual target",
    value: "1000",
    agreedBy: "Executive Leadership Team",
    agreedOn: "2024-11-14",
    reason: "Two day-centre proposals withdrawn after consultation; Cabinet agreed the revised savings target",
  });
  say(`   Agreed change: ASC-YTD-02 annual target ${agreed.change.was} -> ${agreed.change.now} (${agreed.cell}), ${agreed.change.agreedBy}, ${formatUkDate(agreed.change.agreedOn)}`);
  await typeFigures(wb, 3);
  await record("2024/25 Q3", "2025-01-09");
  const q3File = at("dsp-asc-2024-q3.xlsx");
  await wb.save(q3File);

  // Someone lowers a target by hand in the copy they send in: check and collect both catch it.
  const tampered = await open(q3File);
  const measures = (await tampered.read()).tables.find((t) => t.name === "Measures")!;
  const id = measures.headers.indexOf("Measure ID");
  const target = measures.headers.indexOf("Annual target");
  await tampered.writeColumn(
    "Measures",
    "Annual target",
    measures.rows.map((r) => (r[id] === "ASC-YTD-01" ? 1450 : r[target])),
  );
  const tamperedFile = at("dsp-asc-2024-q3-target-lowered.xlsx");
  await tampered.save(tamperedFile);
  const session = openSession(framework, "sefton-framework.json");
  const lowered = readPlan(await (await open(tamperedFile)).read(), path.basename(tamperedFile)).plan;
  const caught = checkLoadedPlan(session, { plan: lowered }).findings.filter((f) => f.ruleId === "changedAfterSignOff");
  say(`   A target lowered by hand (${path.basename(tamperedFile)}): check reports ${caught.length} error${caught.length === 1 ? "" : "s"}:`);
  for (const f of caught) say(`     ${f.sheet}!${f.cell}: ${f.message}`);
  await writeReturn(q3File, "2024/25 Q3", at("returns-q3"), "2025-01-10");
  await writeReturn(tamperedFile, "2024/25 Q3", at("returns-q3-lowered"), "2025-01-10");
  const clean = await collectWithSignOffs(at("returns-q3"), records);
  const flags = await collectWithSignOffs(at("returns-q3-lowered"), records);
  say(`   collect --signoffs ${path.basename(records)}: the Q3 return as signed off passes (${clean.length} flagged); the one with the lowered target is flagged:`);
  for (const f of flags) say(`     ${f.message}`);
  await demoQuarterReport(at("returns-q3-lowered"), records, at("cpor-2024-25-Q3"), framework, say);

  // Q4 on the plan as agreed, and the year-end return with its history.
  await typeFigures(wb, 4);
  await record("2024/25 Q4", "2025-04-10");
  const yearEnd = at("dsp-asc-2024-year-end.xlsx");
  await wb.save(yearEnd);
  const q4 = await writeReturn(yearEnd, "2024/25 Q4", at("returns-q4"), "2025-04-14");
  say(
    `   Q4 return: ${q4.history.length} rows of earlier quarters (Q1-Q3 for each of ${q4.actions.length + q4.measures.length} items); Changes to targets since sign-off: ${q4.targetChanges.map((c) => `${c.id} ${c.field} ${c.was} -> ${c.now} (${c.agreedBy}, ${formatUkDate(c.agreedOn)})`).join("; ")}`,
  );
  say(`   ${yearEnd}`);

  // Next year's plan.
  const next = XlsxWorkbook.create("dsp-asc-2025.xlsx");
  const rolled = await rollForwardPlan(await open(yearEnd), next, { fileName: path.basename(yearEnd), year: "2025/26", framework });
  const nextFile = at("dsp-asc-2025-26.xlsx");
  await next.save(nextFile);
  const r = rolled.summary;
  say(`   Rolled forward to ${rolled.planYear} (${rolled.planId}, ${nextFile}); ${path.basename(yearEnd)} is not changed:`);
  say(`     carried forward (original due date kept): ${r.carriedForward.map((a) => `${a.id} (due ${a.dueDate ? formatUkDate(a.dueDate) : "no date"})`).join(", ") || "none"}`);
  say(`     delivered, listed not copied: ${r.delivered.map((a) => a.id).join(", ") || "none"}; no longer viable: ${r.noLongerViable.map((a) => a.id).join(", ") || "none"}`);
  say(
    `     ${r.measures.length} measures with baseline = ${r.fromYear} outturn and targets blank for agreement, e.g. ${r.measures
      .slice(0, 2)
      .map((m) => `${m.id} baseline ${m.baseline ?? "blank"} (last year's target ${m.lastYearTarget ?? "none"})`)
      .join("; ")}`,
  );
}
