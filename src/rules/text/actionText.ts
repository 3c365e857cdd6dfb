// An action's wording, read once per check: every Specific rule works from these tokens.

/** Punctuation that ends a phrase; "and" and friends are words and handled by the clause splitter. */
const SEPARATORS: ReadonlySet<string> = new Set([";", ",", "&", ":", "\n", "/", ".", "-", "(", ")", "+"]);

const SUBJECTS = new Set(["we", "i", "the", "council", "service", "team", "directorate", "they", "this", "our", "plan"]);
const NUMBER_WORDS = new Set([
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "fifteen",
  "twenty",
  "thirty",
  "forty",
  "fifty",
  "hundred",
  "thousand",
  "million",
  "half",
  "double",
  "halve",
  "treble",
  "triple",
  "every",
  "each",
  "twice",
  "weekly",
  "fortnightly",
  "monthly",
  "quarterly",
  "daily",
]);
export const isNumberWord = (t: string) => NUMBER_WORDS.has(t);
const DIGIT_OR_MONEY = /[\d%£]/;
/** A month name right after a number ("31 March", "1st May"), tried in place with no copying. */
const MONTH_AFTER = /(?:st|nd|rd|th)?\s*(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])/y;

/**
 * An amount in the text: a number, a percentage, a sum. Dates, years and financial years say when, not
 * how much ("by 31 March 2025", "2024/25", "by 2030", "Q2"). A scanner, as it runs for every action.
 */
function statesAmount(lowerText: string): boolean {
  // The first digit, found natively; the scan starts there.
  const first = lowerText.search(DIGIT_OR_MONEY);
  if (first < 0) return false;
  if (lowerText.indexOf("%", first) >= 0 || lowerText.indexOf("£", first) >= 0) return true;
  const n = lowerText.length;
  for (let i = first; i < n; i++) {
    const c = lowerText.charCodeAt(i);
    if (c < 48 || c > 57) continue;
    let j = i;
    while (j < n && lowerText.charCodeAt(j) >= 48 && lowerText.charCodeAt(j) <= 57) j++;
    const before = i > 0 ? lowerText[i - 1] : " ";
    const after = j < n ? lowerText[j] : " ";
    const digits = j - i;
    i = j;
    if (digits === 4 && (lowerText.startsWith("19", j - 4) || lowerText.startsWith("20", j - 4))) continue; // a year
    if (after === "/" || before === "/" || before === "-" || ((after === "." || after === "-") && /\d/.test(lowerText[j + 1] ?? ""))) continue; // part of a date
    if (digits === 1 && before === "q") continue; // a quarter
    if (digits <= 2) {
      MONTH_AFTER.lastIndex = j;
      if (MONTH_AFTER.test(lowerText)) continue; // a day of the month
    }
    return true;
  }
  return false;
}

export interface ActionText {
  /** The action as written. */
  text: string;
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
  /** Worked out by the first rule that needs them (clauses.ts, verbs.ts), then shared by the others. */
  clauses?: unknown;
  openingVerbs?: unknown;
}

// Every separator is one character: the length test spares hashing each word of every action.
export function isSeparator(token: string): boolean {
  return token.length === 1 && SEPARATORS.has(token);
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

const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 163 /* £ */ || c === 37 /* % */ || (c >= 224 && c <= 255); /* accented letters */
const SINGLE_SEPARATORS = new Set([";", ",", "&", ":", "\n", "/", "(", ")", "+"]);

/**
 * Words (keeping inner hyphens and apostrophes: "co-produce", "carers'") and separators, from lower-cased
 * text. Written as a scanner rather than a regular expression: it runs for every action of every check.
 */
export function tokenise(lowerText: string): string[] {
  const tokens: string[] = [];
  scan(lowerText, tokens);
  return tokens;
}

/** Appends the tokens of lower-cased text to `tokens`; returns how many are words. */
function scan(lowerText: string, tokens: string[]): number {
  let words = 0;
  const n = lowerText.length;
  let i = 0;
  while (i < n) {
    const c = lowerText.charCodeAt(i);
    if (isWordChar(c)) {
      let j = i + 1;
      for (;;) {
        while (j < n && isWordChar(lowerText.charCodeAt(j))) j++;
        const joiner = lowerText.charCodeAt(j);
        // An inner hyphen or apostrophe keeps the word together only when a letter or digit follows.
        if ((joiner === 45 || joiner === 39 || joiner === 8217) && j + 1 < n && isWordChar(lowerText.charCodeAt(j + 1))) j += 2;
        else break;
      }
      tokens.push(lowerText.slice(i, j));
      words++;
      i = j;
      continue;
    }
    if (c === 32) {
      i++;
      continue;
    }
    const ch = lowerText[i];
    if (SINGLE_SEPARATORS.has(ch)) tokens.push(ch);
    else if (ch === "." && (i + 1 === n || /\s/.test(lowerText[i + 1]))) tokens.push(".");
    else if (ch === "–" || ch === "—") tokens.push("-");
    else if (ch === "-" && i > 0 && i + 1 < n && /\s/.test(lowerText[i - 1]) && /\s/.test(lowerText[i + 1])) tokens.push("-");
    i++;
  }
  return words;
}

export function analyseAction(action: string): ActionText {
  const lower = typeof action === "string" ? action.toLowerCase() : "";
  const all: string[] = [];
  const wordCount = scan(lower, all);
  const start = stripLeadIn(all);
  const tokens = start === 0 ? all : all.slice(start);
  // Without a lead-in the text itself is the opening: no need to rebuild it from tokens.
  return {
    text: typeof action === "string" ? action : "",
    lower,
    tokens,
    wordCount,
    opening: start === 0 ? lower.trimStart() : tokens.join(" "),
    hasQuantity: statesAmount(lower) || all.some((t) => NUMBER_WORDS.has(t)),
    clauses: undefined,
    openingVerbs: undefined,
  };
}

/** The text states an amount: a number (not a date or year), a percentage, a sum, "every". */
export function hasQuantity(text: string): boolean {
  const lower = text.toLowerCase();
  return statesAmount(lower) || tokenise(lower).some((t) => NUMBER_WORDS.has(t));
}
