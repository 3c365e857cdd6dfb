// Reading the "Lead officer" cell: who it names, and whether that is one person.

/** Compares owners ignoring case, dots and spacing ("J. Smith" = "j smith"). */
export function ownerKey(owner: string): string {
  const lower = owner.toLowerCase();
  // Most names need no clean-up; skip the regular expressions for them.
  if (lower.indexOf(".") < 0 && lower.indexOf("  ") < 0 && !/^\s|\s$|[\t\n]/.test(lower)) return lower;
  return lower.replace(/\./g, " ").replace(/\s+/g, " ").trim();
}

/** "Jane Smith / Tom Jones", "J Smith & T Jones", "Jane Smith and Tom Jones". */
export function ownerParts(owner: string): string[] {
  return owner
    .split(/\s*(?:\/|&|\+|;|\band\b|\n)\s*/i)
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

// Two to four capitalised words or initials: "Jane Smith", "J. Smith", "Mary-Jo O'Neill".
const PERSON_NAME = /^(?:[A-Z][A-Za-z'’-]*\.?)(?:\s+(?:[A-Z][A-Za-z'’-]*\.?|van|de|von|da)){1,3}$/;

export function looksLikePersonName(text: string): boolean {
  return PERSON_NAME.test(text.trim());
}

/**
 * "Jane Smith (Head of Housing)", "Jane Smith, Head of Housing" or "Head of Housing (Jane Smith)" name a
 * person; "Assistant Director, Adult Social Care" does not: only the head part or the bracket may hold the name.
 */
export function namesAPerson(owner: string, roleWord: RegExp, teamWord: RegExp): boolean {
  const inBrackets = /\(([^)]*)\)/.exec(owner)?.[1];
  const head = owner.replace(/\([^)]*\)/g, " ").split(",")[0];
  for (const part of [head, inBrackets]) {
    if (part === undefined) continue;
    const p = part.trim();
    if (looksLikePersonName(p) && !roleWord.test(p) && !teamWord.test(p)) return true;
  }
  return false;
}
