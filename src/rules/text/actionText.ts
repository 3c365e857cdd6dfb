// An action's wording, read once per check: every Specific rule works from these tokens.

/** Punctuation that ends a phrase; "and" and friends are words and handled by the clause splitter. */
export const SEPARATORS: ReadonlySet<string> = new Set([";", ",", "&", ":", "\n", "/", ".", "-", "(", ")", "+"]);

// Words (with inner hyphens or apostrophes, as in "co-produce" or "carers'") or one separator.
const TOKEN = /[a-z0-9£%]+(?:['’-][a-z0-9]+)*|[;,&:\n/()+]|\.(?=\s|$)|[–—]|\s-\s/g;
const SUBJECTS = new Set(["we", "i", "the", "council", "service", "team", "directorate", "they", "this", "our", "plan"]);
const QUANTITY = /\d|%|£|(?<![a-z])(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|half|double|halve|treble|triple|every|each)(?![a-z])/i;

export interface ActionText {
  /** The action as written, lower-cased. */
  lower: string;
  /** Words and separators, with lead-ins such as "To" or "We will" removed. */
  tokens: string[];
  /** Number of words (not separators) in the whole action. */
  wordCount: number;
  /** The tokens joined by single spaces, for phrase openings. */
  opening: string;
  /** The action states an amount: a number, a percentage, a sum, "every". */
  hasQuantity: boolean;
}

export function isSeparator(token: string): boolean {
  return SEPARATORS.has(token);
}

/** Drops "To", "We will", "The service will" from the front: the action starts after them. */
export function stripLeadIn(tokens: string[], from = 0): number {
  if (tokens[from] === "to") return from + 1;
  for (let k = from; k < Math.min(tokens.length, from + 4); k++) {
    const t = tokens[k];
    if (t === "will" || t === "shall") return k + 1;
    if (!SUBJECTS.has(t)) break;
  }
  return from;
}

export function tokenise(lowerText: string): string[] {
  const raw = lowerText.match(TOKEN);
  if (!raw) return [];
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i];
    if (t === "–" || t === "—" || (t.length === 3 && t[1] === "-")) raw[i] = "-";
  }
  return raw;
}

export function analyseAction(action: string): ActionText {
  const lower = typeof action === "string" ? action.toLowerCase() : "";
  const all = tokenise(lower);
  let wordCount = 0;
  for (const t of all) if (!SEPARATORS.has(t)) wordCount++;
  const start = stripLeadIn(all);
  const tokens = start === 0 ? all : all.slice(start);
  return { lower, tokens, wordCount, opening: tokens.join(" "), hasQuantity: QUANTITY.test(lower) };
}

export function hasQuantity(text: string): boolean {
  return QUANTITY.test(text);
}
