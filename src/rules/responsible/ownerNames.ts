// Reading the "Lead officer" cell: who it names, and whether that is one person.

/** Compares owners ignoring case, dots and spacing ("J. Smith" = "j smith"). */
export function ownerKey(owner: string): string {
  const lower = owner.toLowerCase();
  // Most names need no clean-up; skip the regular expressions for them.
  if (lower.indexOf(".") < 0 && lower.indexOf("  ") < 0 && !/^\s|\s$|[\t\n]/.test(lower)) return lower;
  return lower.replace(/\./g, " ").replace(/\s+/g, " ").trim();
}

// Two to four capitalised words or initials: "Jane Smith", "J. Smith", "Mary-Jo O'Neill".
const PERSON_NAME = /^(?:[A-Z][A-Za-z'’-]*\.?)(?:\s+(?:[A-Z][A-Za-z'’-]*\.?|van|de|von|da)){1,3}$/;

export function looksLikePersonName(text: string): boolean {
  return PERSON_NAME.test(text.trim());
}
