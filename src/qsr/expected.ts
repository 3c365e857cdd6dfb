// The list of returns the BI team expects this quarter (collect --expected FILE): plan IDs and/or
// directorates, as CSV (columns plan_id and/or directorate) or JSON (an array of plan IDs, or
// { "planIds": [...], "directorates": [...] }).
import { Expected } from "./collect";
import { parseCsvFile } from "../csv/parse";

export function parseExpected(text: string, file: string): Expected {
  const trimmed = text.replace(/^\uFEFF/, "").trim();
  if (trimmed.startsWith("[") || trimmed.startsWith("{")) return expectedFromJson(trimmed, file);
  const [header = [], ...rows] = parseCsvFile(trimmed, file);
  const names = header.map((h) =>
    h
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, "_"),
  );
  const planCol = names.findIndex((h) => h === "plan_id" || h === "planid");
  const dirCol = names.indexOf("directorate");
  if (planCol < 0 && dirCol < 0) throw new Error(`${file}: row 1: the expected list needs a plan_id or directorate column (found: ${header.join(", ") || "nothing"})`);
  const take = (col: number) => (col < 0 ? [] : [...new Set(rows.map((r) => (r[col] ?? "").trim()).filter((v) => v !== ""))]);
  return { planIds: take(planCol), directorates: take(dirCol) };
}

function expectedFromJson(text: string, file: string): Expected {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`);
  }
  const strings = (v: unknown, where: string): string[] => {
    if (v === undefined) return [];
    if (!Array.isArray(v)) throw new Error(`${file}: ${where} must be a list of strings`);
    return v.map((x, i) => {
      if (typeof x !== "string" || x.trim() === "") throw new Error(`${file}: ${where}[${i}] must be a non-empty string`);
      return x.trim();
    });
  };
  if (Array.isArray(raw)) return { planIds: strings(raw, "the list"), directorates: [] };
  const o = raw as Record<string, unknown>;
  if (o.planIds === undefined && o.directorates === undefined) throw new Error(`${file}: expected { "planIds": [...], "directorates": [...] } or a list of plan IDs`);
  return { planIds: strings(o.planIds, "planIds"), directorates: strings(o.directorates, "directorates") };
}
