// The roll-up as JSON: what Power BI and the council's own tools read, and what `report --previous`
// reads back to say what changed since last quarter.
import { Rollup } from "../collect";
import { parsePeriod } from "../../model/period";

export const ROLLUP_FORMAT = "golden-thread-qsr-rollup";
/** 2: the returns' agreed changes to targets and earlier quarters (targetChanges, history). Version 1 files are still read. */
const ROLLUP_FORMAT_VERSION = 2;
const READS = [1, 2];
/** Lists a version 1 roll-up does not have: read as empty. */
const SINCE_V2 = ["targetChanges", "history"] as const;

export interface RollupFile extends Rollup {
  format: typeof ROLLUP_FORMAT;
  formatVersion: number;
  generatedOn: string;
}

export function rollupJson(r: Rollup, generatedOn: string): string {
  const file: RollupFile = { format: ROLLUP_FORMAT, formatVersion: ROLLUP_FORMAT_VERSION, generatedOn, ...r };
  return JSON.stringify(file, null, 2) + "\n";
}

const ARRAYS = ["returns", "draftsExcluded", "dataQuality", "actions", "measures", "exceptions", "targetChanges", "history", "countsByDirectorate", "countsByPriority", "missing", "rejects"] as const;

/** Reads a roll-up JSON file back; errors name the file and the field. */
export function parseRollupJson(text: string, file: string): RollupFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`);
  }
  const o = (raw ?? {}) as Record<string, unknown>;
  if (o.format !== ROLLUP_FORMAT) throw new Error(`${file}: format: not a roll-up written by "service-plan collect" (expected "format": "${ROLLUP_FORMAT}")`);
  if (!READS.includes(o.formatVersion as number)) throw new Error(`${file}: formatVersion: ${JSON.stringify(o.formatVersion)} is not supported (this reads versions ${READS.join(" and ")})`);
  if (o.formatVersion === 1) for (const key of SINCE_V2) o[key] ??= [];
  try {
    parsePeriod(String(o.period ?? ""));
  } catch {
    throw new Error(`${file}: period: ${JSON.stringify(o.period)} is not a reporting period like "2024/25 Q2"`);
  }
  for (const key of ARRAYS) if (!Array.isArray(o[key])) throw new Error(`${file}: ${key}: missing or not a list`);
  (o.measures as Record<string, unknown>[]).forEach((m, i) => {
    if (typeof m?.id !== "string" || typeof m?.rag !== "string") throw new Error(`${file}: measures[${i}]: needs an id and a rag`);
  });
  return o as unknown as RollupFile;
}
