// The roll-up's tables as CSV, one file per table in a folder, following the GOV.UK tabular data
// standard: UTF-8, comma-separated, one header row of snake_case names, dates yyyy-mm-dd, no merged or
// summary rows mixed into data (the count tables' "All returns" row is a row like any other, named).
import * as fs from "fs";
import * as path from "path";
import { Rollup } from "../collect";
import { ReturnColumn } from "../schema";
import { tableCsv } from "./returnCsv";
import { ROLLUP_TABLES } from "./rollupXlsx";

/** "RAG: Red" -> rag_red, "correctiveAction" -> corrective_action, "Action: Not yet started" -> action_not_yet_started. */
export function csvName(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
}

const asCsv = (cols: ReturnColumn[]): ReturnColumn[] => cols.map((c) => ({ ...c, csv: csvName(c.key) }));

/** File name -> CSV text for every table of the roll-up. */
export function rollupCsvFiles(r: Rollup): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of ROLLUP_TABLES) out[`${t.file}.csv`] = tableCsv(asCsv(t.columns), t.rows(r) as Record<string, unknown>[]);
  return out;
}

export function writeRollupCsv(r: Rollup, dir: string): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const files = rollupCsvFiles(r);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text, "utf8");
  return Object.keys(files);
}
