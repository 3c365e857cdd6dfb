// One reading of a "Lead officer" or "Accountable officer" cell that every Responsible rule shares.
// Plans name the same few officers again and again, so each distinct cell is read once per check.
//
// What counts as accountable (Sefton: "a named officer accountable"): one person, or one post that
// identifies one officer ("Head of Planning", "Trading Standards Manager"), since posts outlive post
// holders. A team, section or service ("Licensing", "Revenues and Benefits"), a placeholder ("TBC"),
// a post so general a plan has several ("Manager"), an elected member, or several people are not.
import type { CompiledSettings } from "../settings";
import { looksLikePersonName, ownerKey } from "./ownerNames";

export type OwnerKind = "empty" | "placeholder" | "person" | "post" | "generalPost" | "group" | "member" | "several";

export interface OwnerReading {
  /** As written, trimmed. */
  text: string;
  /** Compared loosely: "J. Smith" = "j smith". */
  key: string;
  kind: OwnerKind;
  /** "TBC", "All", "Various"... */
  placeholder: boolean;
  /** The group word found ("Team", "Services"), if any. */
  teamWord: string | null;
  /** The job-title word found ("Head", "Manager"), if any. */
  roleWord: string | null;
  /** A person's name is given, perhaps with a post beside it. */
  namesPerson: boolean;
  /** Two or more people or posts named as joint leads. */
  coOwners: string[] | null;
}

type Part = "person" | "post" | "generalPost" | "group" | "member";

/** "Jane Smith (Head of Housing)", "Head of Housing, Jane Smith": the name may sit before a comma or in brackets. */
function personIn(written: string, s: CompiledSettings): boolean {
  // "jane smith" typed without capitals is still a name.
  const text = /[A-Z]/.test(written) ? written : written.replace(/(^|[\s(,-])([a-z])/g, (_m, before: string, c: string) => before + c.toUpperCase());
  const inBrackets = /\(([^)]*)\)/.exec(text)?.[1];
  const head = text.replace(/\([^)]*\)/g, " ").split(",");
  for (const part of [head[0], head[head.length - 1], inBrackets]) {
    if (part === undefined) continue;
    const p = part.trim();
    if (looksLikePersonName(p) && !s.words.roleWords.test(p) && !s.words.teamWords.test(p) && !s.words.memberWords.test(p) && !hasServiceWord(p, s)) return true;
  }
  return false;
}

function hasServiceWord(text: string, s: CompiledSettings): boolean {
  for (const w of text.toLowerCase().split(/[^a-z'’-]+/)) if (w !== "" && s.words.serviceWords.has(w)) return true;
  return false;
}

/** What one named lead is: a person, a post, a group... */
function partKind(text: string, s: CompiledSettings): Part {
  if (personIn(text, s)) return "person";
  if (s.words.memberWords.test(text)) return "member";
  // A singular job-title word makes it a post, even inside a service name ("Head of Catering Services").
  if (s.words.roleWords.test(text)) return s.words.generalPosts.has(ownerKey(text).replace(/[()]/g, "").trim()) ? "generalPost" : "post";
  return "group";
}

// "/", ";", "+" and new lines always separate leads; "&" and "and" only when each side is a person or a post
// on its own ("Jane Smith and Tom Jones"), since "Revenues and Benefits" or "Head of Housing and Investment" is one.
const HARD_SPLIT = /\s*(?:\/|;|\+|\n)\s*/;
const SOFT_SPLIT = /\s*(?:&|\band\b)\s*/i;

function leadsIn(text: string, s: CompiledSettings): { parts: string[]; kinds: Part[] } {
  const parts: string[] = [];
  for (const hard of text.split(HARD_SPLIT)) {
    const h = hard.trim();
    if (h === "") continue;
    const soft = h
      .split(SOFT_SPLIT)
      .map((p) => p.trim())
      .filter((p) => p !== "");
    const eachOne = soft.every((p) => {
      const k = partKind(p, s);
      return k === "person" || k === "post";
    });
    if (soft.length >= 2 && eachOne) parts.push(...soft);
    else parts.push(h);
  }
  return { parts, kinds: parts.map((p) => partKind(p, s)) };
}

function readOwner(raw: string, s: CompiledSettings): OwnerReading {
  const text = raw.trim();
  const key = ownerKey(text);
  const space = key.indexOf(" ");
  const firstWord = space < 0 ? key : key.slice(0, space);
  const placeholder = key !== "" && (s.words.nonPersonOwners.has(key) || firstWord === "tbc" || firstWord === "tba" || firstWord === "tbd");
  const team = text === "" ? null : s.words.teamWords.exec(text);
  const role = text === "" ? null : s.words.roleWords.exec(text);
  let kind: OwnerKind = "empty";
  let coOwners: string[] | null = null;
  let namesPerson = false;
  if (placeholder) kind = "placeholder";
  else if (text !== "") {
    const { parts, kinds } = leadsIn(text, s);
    namesPerson = kinds.includes("person");
    if (parts.length >= 2 && kinds.every((k) => k === "person" || k === "post" || k === "generalPost")) {
      kind = "several";
      coOwners = parts;
    } else if (parts.length >= 2) {
      // "Housing Team / Jane Smith": judged by its weakest part.
      kind = kinds.includes("group") ? "group" : kinds.includes("member") ? "member" : "several";
      if (kind === "several") coOwners = parts;
    } else kind = kinds[0];
  }
  return { text, key, kind, placeholder, teamWord: team ? team[1] : null, roleWord: role ? role[1] : null, namesPerson, coOwners };
}

/** Reads each distinct cell once per check. */
export function ownerReader(s: CompiledSettings): (raw: string) => OwnerReading {
  const memo = new Map<string, OwnerReading>();
  return (raw) => {
    let reading = memo.get(raw);
    if (reading === undefined) memo.set(raw, (reading = readOwner(raw, s)));
    return reading;
  };
}
