// Findings as people read them: counts, and one line per finding grouped by sheet.
import { CRITERIA, Finding, Severity } from "./types";

export interface FindingCounts {
  error: number;
  warning: number;
  info: number;
  byCriterion: Record<string, number>;
  byRule: Record<string, number>;
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const counts: FindingCounts = { error: 0, warning: 0, info: 0, byCriterion: {}, byRule: {} };
  for (const c of CRITERIA) counts.byCriterion[c] = 0;
  for (const f of findings) {
    counts[f.severity]++;
    counts.byCriterion[f.criterion] = (counts.byCriterion[f.criterion] ?? 0) + 1;
    counts.byRule[f.ruleId] = (counts.byRule[f.ruleId] ?? 0) + 1;
  }
  return counts;
}

export const hasErrors = (findings: readonly Finding[]) => findings.some((f) => f.severity === "error");

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** `Actions!B7 [OSP-03] error Specific/no-verb: ... Fix: ...` */
function findingLine(f: Finding, withFile = true): string {
  const where = `${withFile && f.file ? `${f.file}:` : ""}${f.sheet}!${f.cell}`;
  const id = f.actionId ?? f.measureId;
  return `${where}${id ? ` [${id}]` : ""} ${f.severity} ${f.criterion}/${f.ruleId}: ${f.message} Fix: ${f.hint}`;
}

/** Findings grouped by file and sheet, in row order, then a count line. */
export function formatFindings(findings: readonly Finding[], title?: string): string {
  const lines: string[] = [];
  if (title) lines.push(title);
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.file ? `${f.file}: ` : ""}${f.sheet}`;
    const g = groups.get(key);
    if (g) g.push(f);
    else groups.set(key, [f]);
  }
  for (const [sheet, list] of groups) {
    lines.push("", `${sheet} (${list.length} finding${list.length === 1 ? "" : "s"})`);
    const sorted = [...list].sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
    // The group heading names the file, so the lines need not repeat it.
    for (const f of sorted) lines.push(`  ${findingLine(f, false)}`);
  }
  const c = countFindings(findings);
  lines.push(
    "",
    findings.length === 0 ? "No findings: every action and measure passes." : `${c.error} error${c.error === 1 ? "" : "s"}, ${c.warning} warning${c.warning === 1 ? "" : "s"}, ${c.info} info.`,
  );
  return lines.join("\n") + "\n";
}
