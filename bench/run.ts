// `npm run bench`: every area's benchmark in one table of values, budgets and verdicts.
// Budgets are checked here, by measurement, never by timed assertions in tests.
import { BenchRow } from "./table";
import { bench as statusBench } from "./status";
import { bench as excelBench } from "./excel";
import { bench as workbookBench } from "./workbook";
import { bench as convertBench } from "./convert";
import { bench as rulesBench } from "./rules";
import { bench as agreementBench } from "./agreement";
import { bench as qsrBench } from "./qsr";
import { bench as reportBench } from "./report";
import { bench as bundleBench } from "./bundle";
import { bench as memoryBench } from "./memory";
import { bench as cycleBench } from "./cycle";

const AREAS: [string, () => Promise<BenchRow[]>][] = [
  ["statuses", statusBench],
  ["plan files", workbookBench],
  ["excel adapter", excelBench],
  ["convert", convertBench],
  ["checks", rulesBench],
  ["agreement", agreementBench],
  ["qsr collect", qsrBench],
  ["planning year", cycleBench],
  ["corporate report", reportBench],
  ["task pane bundle", bundleBench],
  ["memory", memoryBench],
];

function format(n: number): string {
  if (Number.isInteger(n)) return n.toLocaleString("en-GB");
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const rows: BenchRow[] = [];
  for (const [name, run] of AREAS) {
    if (only.length && !only.some((o) => name.includes(o))) continue;
    process.stderr.write(`bench: ${name}...\n`);
    rows.push(...(await run()));
  }
  const table = rows.map((r) => {
    const ok = r.budget === undefined ? "" : (r.ok ?? r.value <= r.budget) ? "ok" : "OVER";
    return [r.area, r.measure, format(r.value), r.unit, r.budget === undefined ? "" : format(r.budget), ok];
  });
  const header = ["area", "measure", "value", "unit", "budget", ""];
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 2 || i === 4 ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of table) console.log(line(row));
  const over = table.filter((r) => r[5] === "OVER").length;
  console.log(over ? `\n${over} measure(s) over budget` : "\nall measures within budget");
  if (over) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
