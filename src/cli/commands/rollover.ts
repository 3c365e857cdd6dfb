// `service-plan rollover PLAN --year 2025/26 --out FILE [--framework FILE] [--force] [--json]`
// Next year's plan from this one: undelivered actions carried forward (marked, original due date
// kept), delivered and stopped ones listed, measures with this year's outturn as baseline and their
// targets blank for agreement; no sign-off, no history. This year's file is only read.
import { Command } from "commander";
import { rollForwardPlan } from "../../app/rollForward";
import { formatUkDate } from "../../model/dates";
import { XlsxWorkbook } from "../../xlsx/adapter";
import { fail, loadFramework } from "../shared";
import { asUserError, baseName, OutOptions, openForChange, saveTo } from "./cycleShared";

interface RolloverOptions extends OutOptions {
  year: string;
  framework?: string;
}

async function runRollover(file: string, opts: RolloverOptions) {
  const framework = loadFramework(opts.framework);
  const from = await openForChange(file, opts);
  const to = XlsxWorkbook.create(baseName(opts.out));
  try {
    const result = await rollForwardPlan(from, to, { fileName: baseName(file), year: opts.year, framework });
    await saveTo(to, file, opts);
    const s = result.summary;
    if (opts.json) process.stdout.write(JSON.stringify({ out: opts.out, ...result }) + "\n");
    else {
      const list = (title: string, items: { id: string; action: string; dueDate: string | null; completedDate?: string | null }[], extra: (a: (typeof items)[number]) => string) =>
        items.length === 0 ? [] : [`${title} (${items.length}):`, ...items.map((a) => `  ${a.id} ${a.action}${extra(a)}`)];
      process.stdout.write(
        [
          `${result.planId} ${result.planYear} written to ${opts.out}, from ${baseName(file)} ${s.fromYear} (not changed).`,
          ...list("Carried forward, original due date kept", s.carriedForward, (a) => (a.dueDate ? ` (due ${formatUkDate(a.dueDate)})` : "")),
          ...list(`Delivered in ${s.fromYear}, not copied`, s.delivered, (a) => (a.completedDate ? ` (completed ${formatUkDate(a.completedDate)})` : "")),
          ...list("No longer viable, not copied", s.noLongerViable, () => ""),
          `Measures carried forward (${s.measures.length}), targets blank for agreement:`,
          ...s.measures.map((m) => `  ${m.id} baseline ${m.baseline ?? "blank"} (${s.fromYear} outturn); last year's target ${m.lastYearTarget ?? "none"}`),
          "Sign-off is cleared: sign the new plan off once its targets are agreed.",
        ].join("\n") + "\n",
      );
    }
    return result;
  } catch (e) {
    throw asUserError(e);
  }
}

export function register(program: Command): void {
  program
    .command("rollover <plan>")
    .description("start next year's plan from this one (undelivered actions and all measures carried forward; this file is only read)")
    .requiredOption("--year <year>", "the next financial year, e.g. 2025/26")
    .requiredOption("--out <file>", "next year's plan (.xlsx)")
    .option("--framework <file>", "council framework JSON for next year (default: the Sefton example)")
    .option("--force", "replace --out if it exists")
    .option("--json", "print the result as JSON")
    .action(async (file: string, opts: RolloverOptions) => {
      try {
        await runRollover(file, opts);
      } catch (e) {
        fail(e);
      }
    });
}
