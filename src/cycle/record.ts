// The one-line sign-off record the BI team keeps (plan ID, year, fingerprint, by, on), and the check
// of collected returns against those records: editing the hidden Sign-off sheet changes the
// fingerprint a return carries, so it no longer matches the record made on the day.
import { isIsoDate } from "../model/dates";
import { parseCsvRecords } from "../csv/parse";
import { formatUkDate } from "../model/dates";
import { SignOff } from "./signOff";

const SIGN_OFF_RECORD_HEADER = "plan_id,plan_year,fingerprint,signed_off_by,signed_off_on";

export interface SignOffRecord {
  planId: string;
  planYear: string;
  fingerprint: string;
  by: string;
  on: string;
  /** Where it was read: "signoffs.csv line 3". */
  where: string;
}

const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The record line (CSV, no header), e.g. DSP-ASC-2024,2024/25,9f86...,Jane Smith,2024-04-08. */
export function signOffRecordLine(s: Pick<SignOff, "planId" | "planYear" | "fingerprint" | "by" | "on">): string {
  return [s.planId, s.planYear, s.fingerprint, s.by, s.on].map(quote).join(",");
}

export interface RecordsRead {
  records: SignOffRecord[];
  problems: string[];
}

/** Reads a file of record lines (the BI team appends each plan's line; a header line is allowed). */
export function parseSignOffRecords(text: string, file: string): RecordsRead {
  const records: SignOffRecord[] = [];
  const problems: string[] = [];
  let rows;
  try {
    rows = parseCsvRecords(text, file);
  } catch (e) {
    return { records, problems: [(e as Error).message] };
  }
  for (const r of rows) {
    const f = r.fields.map((x) => x.trim());
    if (f.join(",").toLowerCase() === SIGN_OFF_RECORD_HEADER) continue;
    const where = `${file} line ${r.line}`;
    if (f.length !== 5) {
      problems.push(`${where}: a sign-off record has 5 fields (${SIGN_OFF_RECORD_HEADER}), this line has ${f.length}`);
      continue;
    }
    const [planId, planYear, fp, by, on] = f;
    if (!/^[0-9a-f]{64}$/i.test(fp)) problems.push(`${where}: fingerprint ${JSON.stringify(fp)} is not 64 hex digits`);
    else if (!/^\d{4}\/\d{2}$/.test(planYear)) problems.push(`${where}: plan year ${JSON.stringify(planYear)} is not like 2024/25`);
    else if (!isIsoDate(on)) problems.push(`${where}: signed off on ${JSON.stringify(on)} is not a date (yyyy-mm-dd)`);
    else records.push({ planId, planYear, fingerprint: fp.toLowerCase(), by, on, where });
  }
  return { records, problems };
}

/** What a collected return says about its plan's sign-off (from its header). */
export interface ReturnSignOff {
  file: string;
  planId: string;
  planYear: string;
  period: string;
  /** "" when the plan was not signed off. */
  fingerprint: string;
}

export interface SignOffFlag {
  file: string;
  planId: string;
  message: string;
}

/**
 * Every return whose plan's frozen values no longer match the record: a different fingerprint, or
 * no sign-off in the return although the BI team holds one. Returns of plans with no record are
 * flagged too: the BI team then knows a sign-off is missing.
 */
export function checkReturnsAgainstRecords(returns: readonly ReturnSignOff[], records: readonly SignOffRecord[]): SignOffFlag[] {
  const byPlan = new Map<string, SignOffRecord[]>();
  for (const r of records) {
    const key = `${r.planId}\u0000${r.planYear}`;
    byPlan.set(key, [...(byPlan.get(key) ?? []), r]);
  }
  const flags: SignOffFlag[] = [];
  for (const ret of returns) {
    const held = byPlan.get(`${ret.planId}\u0000${ret.planYear}`) ?? [];
    const latest = held[held.length - 1];
    const name = `${ret.file} (${ret.planId} ${ret.period})`;
    if (!latest)
      flags.push({ file: ret.file, planId: ret.planId, message: `${name}: no sign-off record for ${ret.planId} ${ret.planYear}${ret.fingerprint ? "" : ", and the plan carries no sign-off"}` });
    else if (!ret.fingerprint)
      flags.push({
        file: ret.file,
        planId: ret.planId,
        message: `${name}: the plan carries no sign-off, but ${latest.where} records one by ${latest.by} on ${formatUkDate(latest.on)} (was the Sign-off sheet removed?)`,
      });
    else if (ret.fingerprint !== latest.fingerprint)
      flags.push({
        file: ret.file,
        planId: ret.planId,
        message: `${name}: the frozen values no longer match the sign-off by ${latest.by} on ${formatUkDate(latest.on)} (${latest.where}): fingerprint ${ret.fingerprint.slice(0, 12)}… is not the recorded ${latest.fingerprint.slice(0, 12)}…`,
      });
  }
  return flags;
}

/** The returns of a roll-up, as the check against the records needs them. */
export function returnSignOffs(returns: readonly { returnFile: string; planId: string; period: string; planYear?: string; signOffFingerprint?: string }[]): ReturnSignOff[] {
  return returns.map((r) => ({ file: r.returnFile, planId: r.planId, period: r.period, planYear: r.planYear ?? r.period.slice(0, 7), fingerprint: r.signOffFingerprint ?? "" }));
}
