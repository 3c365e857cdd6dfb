// `service-plan record PLAN --period "2024/25 Q2" --out FILE [--by NAME] [--on DATE] [--framework FILE] [--force] [--json]`
// Records the quarter in the plan's Updates table: each action's status, % complete, RAG and
// narrative and each measure's actual, target, RAG, direction and comment, with who and when.
// A period recorded before is replaced (said so), never another period's rows.
import * as os from "os";
import { Command } from "commander";
import { recordQuarter } from "../../app/recordQuarter";
import { fail, loadFramework } from "../shared";
import { asUserError, baseName, OutOptions, openForChange, parseDateOption, saveTo } from "./cycleShared";

interface RecordOptions extends OutOptions {
  period: string;
  by?: string;
  on?: string;
  framework?: string;
}

async function runRecord(file: string, opts: RecordOptions) {
  const updatedOn = opts.on ? parseDateOption(opts.on, "--on") : new Date().toISOString().slice(0, 10);
  const framework = opts.framework ? loadFramework(opts.framework) : undefined;
  const wb = await openForChange(file, opts);
  try {
    const result = await recordQuarter(wb, { fileName: baseName(file), period: opts.period, updatedBy: opts.by ?? os.userInfo().username, updatedOn, replace: true, framework });
    await saveTo(wb, file, opts);
    if (opts.json) process.stdout.write(JSON.stringify({ out: opts.out, ...result }) + "\n");
    else {
      const lines = [
        `${result.period}: ${result.added} rows recorded in Updates${result.replaced > 0 ? ` (replacing the ${result.replaced} recorded before for ${result.period})` : ""}; ${result.kept} rows of other periods kept; written to ${opts.out}`,
      ];
      if (result.missingColumns.length > 0) lines.push(`The Updates table has no ${result.missingColumns.map((c) => `"${c}"`).join(", ")} column (a format 1 plan): those values are not recorded.`);
      lines.push(...result.notes);
      process.stdout.write(lines.join("\n") + "\n");
    }
    return result;
  } catch (e) {
    throw asUserError(e);
  }
}

export function register(program: Command): void {
  program
    .command("record <plan>")
    .description("record the quarter in the plan's Updates table (a period recorded before is replaced, no other)")
    .requiredOption("--period <period>", 'the quarter, e.g. "2024/25 Q2"')
    .requiredOption("--out <file>", "the plan with its history (.xlsx); the input is never written")
    .option("--by <name>", "who is recording (default: your user name)")
    .option("--on <date>", "when, dd/mm/yyyy (default: today)")
    .option("--framework <file>", "council framework JSON (overrides the plan's tolerances and slippage months)")
    .option("--force", "replace --out if it exists")
    .option("--json", "print the result as JSON")
    .action(async (file: string, opts: RecordOptions) => {
      try {
        await runRecord(file, opts);
      } catch (e) {
        fail(e);
      }
    });
}
