// What an action may link to: Corporate Plan priorities and Transformation programmes from the
// framework, the parent plan's actions, and the Register sheet the plan keeps (so checks work offline).
import type { Framework } from "../../model/framework";
import type { Plan, RowSource, Tier } from "../../model/plan";

export type ParentTier = "Corporate" | "Transformation" | Tier | "Unknown";

export interface ParentEntry {
  id: string;
  tier: ParentTier;
  title: string;
  leadOfficer: string;
  /** Where the entry is listed (register or parent plan row); none for framework entries. */
  source?: RowSource;
  /** From the plan's own Register sheet, rather than the framework or a parent file. */
  fromRegister: boolean;
  /** A parent action formally stopped ("No longer viable"): nothing needs to serve it. */
  stopped?: boolean;
}

/** The verdict on one link of a "Link to parent plan" cell (judged in linkCheck.ts). */
export type LinkVerdict =
  { kind: "ok"; link: string; entry: ParentEntry } | { kind: "unknown"; link: string } | { kind: "sameTier"; link: string } | { kind: "wrongTier"; link: string; entry: ParentEntry };

export interface ParentIndex {
  /** Keyed by upper-cased ID. */
  byId: Map<string, ParentEntry>;
  /** Entries in the order given, for coverage. */
  entries: ParentEntry[];
}

/** The tiers an action of each tier should link to (Sefton: Corporate -> Directorate -> Operational -> Team). */
export const EXPECTED_PARENT_TIERS: Readonly<Record<Tier, readonly ParentTier[]>> = {
  Directorate: ["Corporate", "Transformation"],
  Operational: ["Directorate"],
  Team: ["Operational", "Directorate"],
};

/** Reads the tier column of a register row, which people type by hand. */
function parentTierOf(text: string): ParentTier {
  const t = (text ?? "").trim().toLowerCase();
  if (t === "") return "Unknown";
  if (/corporate|council plan|priority/.test(t)) return "Corporate";
  if (/transform/.test(t)) return "Transformation";
  if (/directorate|department/.test(t)) return "Directorate";
  if (/operational|service/.test(t)) return "Operational";
  if (/team/.test(t)) return "Team";
  return "Unknown";
}

export const idKey = (id: string) => id.trim().toUpperCase();

export function buildParentIndex(plan: Plan, framework: Framework | undefined, parent: Plan | undefined): ParentIndex {
  const byId = new Map<string, ParentEntry>();
  const entries: ParentEntry[] = [];
  const add = (e: ParentEntry) => {
    const key = idKey(e.id);
    if (key === "" || byId.has(key)) return;
    byId.set(key, e);
    entries.push(e);
  };
  for (const p of framework?.priorities ?? []) add({ id: p.id, tier: "Corporate", title: p.title, leadOfficer: "", fromRegister: false });
  for (const p of framework?.transformationProgrammes ?? []) add({ id: p.id, tier: "Transformation", title: p.title, leadOfficer: "", fromRegister: false });
  // A parent file is the most recent truth; the register may be a stale copy of it.
  for (const a of parent?.actions ?? []) {
    if (typeof a.id !== "string") continue;
    add({ id: a.id, tier: parent!.details.tier, title: a.action ?? "", leadOfficer: a.leadOfficer ?? "", source: a.source, fromRegister: false, stopped: a.noLongerViable === true });
  }
  for (const r of plan.register ?? []) {
    if (typeof r.id !== "string") continue;
    add({ id: r.id, tier: parentTierOf(r.tier), title: r.title ?? "", leadOfficer: r.leadOfficer ?? "", source: r.source, fromRegister: true });
  }
  return { byId, entries };
}

/** The IDs in a "Link to parent plan" cell: one or more, separated by commas, semicolons or new lines. */
export function linkedIds(cell: string): string[] {
  if (typeof cell !== "string" || cell.trim() === "") return [];
  const out: string[] = [];
  for (const part of cell.split(/[,;\n]+/)) {
    const p = part.trim();
    if (p !== "") out.push(p);
  }
  return out;
}

/** Finds a link in the index, allowing "CP2 Adult Social Care" or "CP2 – Adult Social Care" for CP2. */
export function findParent(index: ParentIndex, link: string): ParentEntry | undefined {
  const whole = index.byId.get(idKey(link));
  if (whole) return whole;
  const first = /^[^\s–—:]+/.exec(link.trim());
  return first ? index.byId.get(idKey(first[0])) : undefined;
}
