// One reading of a "Lead officer" cell that every Responsible rule shares. Plans name the same few
// officers again and again, so each distinct cell is read once per check.
import type { CompiledSettings } from "../settings";
import { looksLikePersonName, namesAPerson, ownerKey, ownerParts } from "./ownerNames";

export interface OwnerReading {
  /** As written, trimmed. */
  text: string;
  /** Compared loosely: "J. Smith" = "j smith". */
  key: string;
  /** "TBC", "All", "Various"... */
  placeholder: boolean;
  /** The group word found ("Team", "Services"), if any. */
  teamWord: string | null;
  /** The job-title word found ("Head", "Manager"), if any. */
  roleWord: string | null;
  /** A person's name is given, perhaps with a role or team beside it. */
  namesPerson: boolean;
  /** Two or more people named as joint leads. */
  coOwners: string[] | null;
}

export function readOwner(raw: string, s: CompiledSettings): OwnerReading {
  const text = raw.trim();
  const key = ownerKey(text);
  const space = key.indexOf(" ");
  const firstWord = space < 0 ? key : key.slice(0, space);
  const placeholder = key !== "" && (s.words.nonPersonOwners.has(key) || firstWord === "tbc" || firstWord === "tba" || firstWord === "tbd");
  const team = text === "" ? null : s.words.teamWords.exec(text);
  const role = text === "" ? null : s.words.roleWords.exec(text);
  const parts = text === "" ? [] : ownerParts(text);
  return {
    text,
    key,
    placeholder,
    teamWord: team ? team[1] : null,
    roleWord: role ? role[1] : null,
    namesPerson: text !== "" && namesAPerson(text, s.words.roleWords, s.words.teamWords),
    coOwners: parts.length >= 2 && parts.every(looksLikePersonName) ? parts : null,
  };
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
