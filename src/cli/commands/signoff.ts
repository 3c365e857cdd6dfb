// `service-plan signoff PLAN --by NAME --role ROLE --on DATE --out FILE [--record FILE] [--force] [--json]`
// Signs a plan off: freezes its targets, trajectories, tolerances, definitions and approved dates
// (Wirral framework 3.2-3.3) and prints the one-line record the BI team keeps (appended to --record).
// `service-plan agree-change PLAN --id ID --field "Annual target" --value 85 --by NAME --on DATE --reason TEXT --out FILE`
// records an agreed change to a signed-off value and writes the value into the plan.
import * as fs from "fs";
import { Command } from "commander";
import { agreeChange, signOffWorkbook } from "../../app/signOff";
import { formatUkDate } from "../../model/dates";
import { fail } from "../shared";
import { asUserError, baseName, OutOptions, openForChange, parseDateOption, saveTo } from "./cycleShared";

interface SignOffOptions extends OutOptions {
  by: string;
  role: string;
  on: string;
  record?: string;
}

async function runSignOff(file: string, opts: SignOffOptions) {
  const on = parseDateOption(opts.on, "--on");
  const wb = await openForChange(file, opts);
  try {
    const result = await signOffWorkbook(wb, { fileName: baseName(file), by: opts.by, role: opts.role, on });
    await saveTo(wb, file, opts);
    if (opts.record) fs.appendFileSync(opts.record, `${result.recordLine}\n`);
    const s = result.signOff;
    if (opts.json)
      process.stdout.write(
        JSON.stringify({
          out: opts.out,
          planId: s.planId,
          planYear: s.planYear,
          by: s.by,
          role: s.role,
          on: s.on,
          fingerprint: s.fingerprint,
          frozenValues: s.values.length,
          record: result.recordLine,
        }) + "\n",
      );
    else
      process.stdout.write(
        `${s.planId} ${s.planYear} signed off by ${s.by} (${s.role}) on ${formatUkDate(s.on)}: ${s.values.length} values frozen (${result.actions} actions, ${result.measures} measures), written to ${opts.out}\n` +
          `Sign-off record for the BI team${opts.record ? ` (added to ${opts.record})` : ""}:\n${result.recordLine}\n`,
      );
    return result;
  } catch (e) {
    throw asUserError(e);
  }
}

interface AgreeChangeOptions extends OutOptions {
  id: string;
  field: string;
  value: string;
  by: string;
  on: string;
  reason: string;
}

async function runAgreeChange(file: string, opts: AgreeChangeOptions) {
  const agreedOn = parseDateOption(opts.on, "--on");
  const wb = await openForChange(file, opts);
  try {
    const result = await agreeChange(wb, { fileName: baseName(file), id: opts.id, field: opts.field, value: opts.value, agreedBy: opts.by, agreedOn, reason: opts.reason });
    await saveTo(wb, file, opts);
    const c = result.change;
    if (opts.json) process.stdout.write(JSON.stringify({ out: opts.out, cell: result.cell, ...c }) + "\n");
    else
      process.stdout.write(
        `${c.id} ${opts.field}: ${c.was || "blank"} -> ${c.now || "blank"} (${result.cell}), agreed by ${c.agreedBy} on ${formatUkDate(c.agreedOn)}: ${c.reason}; written to ${opts.out}\n`,
      );
    return result;
  } catch (e) {
    throw asUserError(e);
  }
}

export function register(program: Command): void {
  program
    .command("signoff <plan>")
    .description("sign a plan off: freeze its targets, trajectories, tolerances, definitions and approved due dates, and print the sign-off record")
    .requiredOption("--by <name>", "who signed it off")
    .requiredOption("--role <role>", "their role, e.g. Director of Adult Social Care")
    .requiredOption("--on <date>", "the sign-off date, dd/mm/yyyy")
    .requiredOption("--out <file>", "the signed-off plan (.xlsx); the input is never written")
    .option("--record <file>", "append the one-line sign-off record to this file (the BI team's record)")
    .option("--force", "replace --out if it exists")
    .option("--json", "print the result as JSON")
    .action(async (file: string, opts: SignOffOptions) => {
      try {
        await runSignOff(file, opts);
      } catch (e) {
        fail(e);
      }
    });
  program
    .command("agree-change <plan>")
    .description("record an agreed change (who, when, why) to a signed-off value and write the value into the plan")
    .requiredOption("--id <id>", "the action or measure ID")
    .requiredOption("--field <header>", 'the signed-off column, e.g. "Annual target", "Q3 target", "Due date"')
    .requiredOption("--value <value>", "the agreed value")
    .requiredOption("--by <name>", "who agreed it")
    .requiredOption("--on <date>", "when, dd/mm/yyyy")
    .requiredOption("--reason <text>", "why")
    .requiredOption("--out <file>", "the changed plan (.xlsx); the input is never written")
    .option("--force", "replace --out if it exists")
    .option("--json", "print the result as JSON")
    .action(async (file: string, opts: AgreeChangeOptions) => {
      try {
        await runAgreeChange(file, opts);
      } catch (e) {
        fail(e);
      }
    });
}
