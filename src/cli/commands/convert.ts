// `service-plan convert legacy.xlsx --tier operational --out plan.xlsx [--map FILE] [--framework FILE] [--json] [--force]`
// Reads a loose plan workbook, proposes (or takes from --map) the column mapping, and writes a NEW
// format v1 workbook: the structured plan plus an Unmapped sheet. The input file is never written.
import * as fs from "fs";
import * as path from "path";
import { Command } from "commander";
import { Converted, convertInto, proposeConversion } from "../../app/convert";
import { loadRegister } from "./report";
import { ConversionProposal, MappingError, parseMappingFile } from "../../convert/mapping";
import { ConversionFinding, ConversionResult } from "../../convert/result";
import { TIERS, Tier } from "../../model/plan";
import { WorkbookSnapshot } from "../../workbook/port";
import { TABLES } from "../../workbook/names";
import { XlsxReadError, XlsxWorkbook } from "../../xlsx/adapter";
import { fail, loadFramework, UserError } from "../shared";
import { MAX_JSON_BYTES, readTextFile } from "../../csv/readFile";
import { checkOutputPath, inputsOf, saveWorkbook } from "../../files/outputs";

interface ConvertCommandOptions {
  tier: string;
  out: string;
  map?: string;
  framework?: string;
  /** The measure register JSON: register measures' blank fields are filled in from it. */
  register?: string;
  json?: boolean;
  force?: boolean;
}

interface ConvertOutput {
  mapping: ConversionProposal["tables"];
  findings: ConversionFinding[];
  unmappedCount: number;
  actions: ConversionResult["actions"];
  measures: ConversionResult["measures"];
}

function tierOf(text: string): Tier {
  const tier = TIERS.find((t) => t.toLowerCase() === text.trim().toLowerCase());
  if (!tier) throw new UserError(`--tier: "${text}" is not a plan tier; use ${TIERS.map((t) => t.toLowerCase()).join(", ")}`);
  return tier;
}

async function openWorkbook(file: string): Promise<WorkbookSnapshot> {
  const name = path.basename(file);
  if (!fs.existsSync(file)) throw new UserError(`${file}: file not found`);
  if (!/\.xlsx$/i.test(file)) throw new UserError(`${name}: not an .xlsx workbook (convert reads Excel .xlsx files; save .xls or .csv files as .xlsx first)`);
  try {
    return await (await XlsxWorkbook.open(file)).read();
  } catch (e) {
    if (e instanceof XlsxReadError) throw new UserError(e.message);
    throw new UserError(`${name}: cannot be read (${(e as Error).message})`);
  }
}

export async function runConvert(file: string, opts: ConvertCommandOptions): Promise<ConvertOutput> {
  const name = path.basename(file);
  const tier = tierOf(opts.tier);
  if (!opts.out) throw new UserError("--out: give the file to write, e.g. --out plan.xlsx");
  if (!/\.xlsx$/i.test(opts.out)) throw new UserError(`--out ${opts.out}: the output must be an .xlsx file`);
  // The one overwrite rule: never an input by any spelling (a symlink to it too, even with --force),
  // an existing file only with --force; checked before the work, and written by temp file and rename.
  const rules = { force: opts.force, inputs: inputsOf(file, opts.map, opts.framework) };
  checkOutputPath(opts.out, rules);

  const snapshot = await openWorkbook(file);
  const framework = loadFramework(opts.framework);
  const register = opts.register ? loadRegister(opts.register) : undefined;
  let proposal: ConversionProposal;
  let converted: Converted;
  const out = XlsxWorkbook.create(path.basename(opts.out));
  try {
    const map = opts.map ? parseMappingFile(readText(opts.map), path.basename(opts.map)) : undefined;
    proposal = proposeConversion(snapshot, framework, { map, mapFile: opts.map && path.basename(opts.map) }).proposal;
    const hasPlan = snapshot.tables.some((t) => t.name === TABLES.actions || t.name === TABLES.measures);
    if (proposal.tables.length === 0 && !hasPlan) {
      throw new UserError(
        `${name}: no table of actions or measures found (looked for a header row with two or more column names such as "Key action", "Lead officer", "Timescale", "Measure", "Target"); name the header row with --map, e.g. {"tables":[{"sheet":"${proposal.sourceSheets[0] ?? "Sheet1"}","headerRow":4,"kind":"actions"}]}`,
      );
    }
    converted = await convertInto(out, snapshot, proposal, { tier, framework, fileName: name, register });
  } catch (e) {
    if (e instanceof MappingError) throw new UserError(e.message);
    throw e;
  }
  const result = converted.result;
  await saveWorkbook(out, opts.out, rules);
  const output: ConvertOutput = { mapping: proposal.tables, findings: result.findings, unmappedCount: result.unmapped.length, actions: result.actions, measures: result.measures };
  process.stdout.write(opts.json ? JSON.stringify(output) + "\n" : formatReport(name, opts.out, result));
  if (!opts.json) for (const f of converted.filledFromRegister) process.stdout.write(`  filled from the register: ${f.id} ${f.fields.join(", ")}\n`);
  return output;
}

function readText(file: string): string {
  if (!fs.existsSync(file)) throw new UserError(`--map ${file}: file not found`);
  return readTextFile(file, MAX_JSON_BYTES, path.basename(file)).text;
}

function formatReport(input: string, out: string, result: ConversionResult): string {
  const lines = [`Converted ${input} -> ${out}: ${result.actions.length} actions, ${result.measures.length} measures, ${result.unmapped.length} cells kept in Unmapped`];
  for (const t of result.proposal.tables) {
    lines.push("", `${t.sheet}!${t.range} (${t.kind}, header row ${t.headerRow})`);
    for (const c of t.columns) {
      const header = c.sourceHeader ? `"${c.sourceHeader}"` : "(no header)";
      lines.push(`  ${c.sourceColumn.padEnd(3)} ${header.slice(0, 40).padEnd(42)} -> ${(c.field ?? "Unmapped").padEnd(18)} ${c.field ? c.confidence.toFixed(2) : ""}`.trimEnd());
    }
  }
  if (result.findings.length > 0) {
    lines.push("", `Findings (${result.findings.length})`);
    for (const f of result.findings) lines.push(`  ${f.severity.padEnd(7)} ${f.sheet}!${f.cell}: ${f.message}`);
  }
  return lines.join("\n") + "\n";
}

export function register(program: Command): void {
  program
    .command("convert <legacy>")
    .description("convert a loose plan workbook into a structured plan workbook (the source file is never changed)")
    .requiredOption("--tier <tier>", "plan tier: directorate, operational or team")
    .requiredOption("--out <file>", "the plan workbook to write (.xlsx)")
    .option("--map <file>", "mapping file (JSON) correcting the proposed column mapping")
    .option("--framework <file>", "council framework JSON (plan year, priorities)")
    .option("--register <file>", "the measure register JSON: blank fields of measures with its IDs are filled in from it, and its IDs are offered in the Measure ID dropdown")
    .option("--json", "print the mapping, findings and rows as JSON")
    .option("--force", "replace --out if it exists")
    .action(async (legacy: string, opts: ConvertCommandOptions) => {
      try {
        await runConvert(legacy, opts);
      } catch (e) {
        fail(e);
      }
    });
}
