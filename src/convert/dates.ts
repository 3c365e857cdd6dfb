// Free-text timescales from loose plans, read into dates the way a UK council officer writes them.
// Day/month/year always (never US month/day). Only a plain, complete date is "exact"; anything we
// had to interpret ("March 2025", "Q3 2024/25", "Spring 2010") is "inferred" and the caller keeps the
// original text beside it; "Ongoing" and the like give no date at all.
import { IsoDate, NOT_A_REAL_DATE, daysInMonth, endOfMonth, excelSerialToIso, formatUkDate, isoFrom, serialToIso } from "../model/dates";
import { financialYearEnd, financialYearLabel, quarterEnd } from "../model/period";

type DateCertainty = "exact" | "inferred" | "none";

interface LooseDate {
  date: IsoDate | null;
  certainty: DateCertainty;
  /** Why the date was read this way (empty for exact dates). */
  note: string;
}

interface LooseDateOptions {
  /** The number is shown as a date in the sheet (an Excel serial). */
  isDate?: boolean;
  /** The plan's financial year ("2024/25" or its start year), for "Q3", "March" or "year end" alone. */
  planYear?: string | number;
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** "Mar", "Sept", "march" -> 3; null when not a month name. */
function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, "");
  if (w.length < 3) return null;
  const i = MONTHS.findIndex((m) => m.startsWith(w) || (w === "sept" && m === "september"));
  return i < 0 ? null : i + 1;
}

/** Seasons are meteorological (UK Met Office): a season's deadline is the end of its last month. */
const SEASON_END: Record<string, number> = { spring: 5, summer: 8, autumn: 11, fall: 11, winter: 2 };

const NOT_DATES =
  /^(on-?going|continuous(ly)?|continual|tbc|tba|tbd|n\/?a|none|various|as (and when )?(required|needed)|when (required|needed)|throughout( the year)?|all year( round)?|annual(ly)?|monthly|quarterly|weekly|daily|rolling|complete(d)?|done|-+|\?+)$/;

function year4(text: string): number {
  const n = Number(text.replace(/^'/, ""));
  return text.replace(/^'/, "").length <= 2 ? 2000 + n : n;
}

function fyStart(first: string, second: string | undefined): number | null {
  const start = year4(first);
  if (second === undefined) return start;
  const end = year4(second.length === 2 && first.length === 4 ? String(Math.floor(start / 100) * 100 + Number(second)) : second);
  // "2099/00" wraps the century
  const wrapped = end === start + 1 || (second.length === 2 && (start + 1) % 100 === Number(second));
  return wrapped ? start : null;
}

function planStart(planYear: LooseDateOptions["planYear"]): number | null {
  if (planYear === undefined) return null;
  if (typeof planYear === "number") return planYear;
  const m = /^\s*(\d{4})\s*[/-]\s*(\d{2,4})\s*$/.exec(planYear);
  return m ? Number(m[1]) : null;
}

/** The month's year within a financial year: April-December in the first year, January-March in the next. */
function monthInPlanYear(month: number, start: number): number {
  return month >= 4 ? start : start + 1;
}

function validDate(year: number, month: number, day: number): IsoDate | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return isoFrom(year, month, day);
}

interface Reading {
  date: IsoDate | null;
  why: string;
}

type Rule = { pattern: RegExp; read: (m: RegExpExecArray, plan: number | null) => Reading | null };

const FY = String.raw`(?:fy\s*)?(\d{4}|\d{2})\s*[/-]\s*(\d{2}|\d{4})`;

/** Whole-text forms that are complete dates: exact. */
const EXACT_RULES: Rule[] = [
  { pattern: /^(\d{4})-(\d{1,2})-(\d{1,2})$/, read: (m) => ({ date: validDate(+m[1], +m[2], +m[3]), why: "not a real day" }) },
  {
    pattern: /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/,
    read: (m) => {
      const [d, mo] = [+m[1], +m[2]];
      if (mo > 12 && d <= 12) return { date: null, why: "it reads as month/day (US order); UK dates are day/month/year" };
      return { date: validDate(year4(m[3]), mo, d), why: "not a real day" };
    },
  },
  {
    pattern: /^(?:[a-z]{3,9},?\s+)?(\d{1,2})(?:st|nd|rd|th)?[\s-]+(?:of\s+)?([a-z]{3,9})\.?,?[\s-]+(\d{4}|'?\d{2})$/,
    read: (m) => {
      const mo = monthNumber(m[2]);
      return mo ? { date: validDate(year4(m[3]), mo, +m[1]), why: "not a real day" } : null;
    },
  },
  {
    pattern: /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/,
    read: (m) => {
      const mo = monthNumber(m[1]);
      return mo ? { date: validDate(+m[3], mo, +m[2]), why: "not a real day" } : null;
    },
  },
];

/** Forms that name a period: the deadline is the period's last day, inferred. Used whole and as fragments. */
const PERIOD_RULES: Rule[] = [
  {
    pattern: /(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3,9})\b(?![\s-]*'?\d)/,
    read: (m, plan) => {
      const mo = monthNumber(m[2]);
      if (!mo || plan === null) return null;
      return { date: validDate(monthInPlanYear(mo, plan), mo, +m[1]), why: `no year given: read within the plan year ${financialYearLabel(plan)}` };
    },
  },
  {
    pattern: new RegExp(String.raw`\b(?:q|quarter)\s*([1-4])\s*(?:of\s+)?${FY}\b`),
    read: (m) => {
      const start = fyStart(m[2], m[3]);
      return start === null ? null : { date: quarterEnd({ startYear: start, quarter: +m[1] as 1 | 2 | 3 | 4 }), why: `the last day of Q${m[1]} ${financialYearLabel(start)}` };
    },
  },
  {
    pattern: new RegExp(String.raw`\b${FY}\s*(?:q|quarter)\s*([1-4])\b`),
    read: (m) => {
      const start = fyStart(m[1], m[2]);
      return start === null ? null : { date: quarterEnd({ startYear: start, quarter: +m[3] as 1 | 2 | 3 | 4 }), why: `the last day of Q${m[3]} ${financialYearLabel(start)}` };
    },
  },
  {
    pattern: /\b(?:q|quarter)\s*([1-4])\s*(?:of\s+)?(\d{4})\b/,
    read: (m) => ({
      date: quarterEnd({ startYear: +m[2], quarter: +m[1] as 1 | 2 | 3 | 4 }),
      why: `read as financial-year Q${m[1]} of ${financialYearLabel(+m[2])} (April-March quarters)`,
    }),
  },
  {
    pattern: new RegExp(String.raw`\b(?:h|half)\s*([12])\s*(?:of\s+)?${FY}\b`),
    read: (m) => {
      const start = fyStart(m[2], m[3]);
      if (start === null) return null;
      return { date: m[1] === "1" ? isoFrom(start, 9, 30) : financialYearEnd(start), why: `the last day of half ${m[1]} of ${financialYearLabel(start)}` };
    },
  },
  {
    pattern: /\b(spring|summer|autumn|fall|winter)\s+(?:of\s+)?(\d{4})(?:\s*[/-]\s*(\d{2}|\d{4}))?\b/,
    read: (m) => {
      const endMonth = SEASON_END[m[1]];
      const year = +m[2];
      // Winter 2010 runs December 2010 to February 2011; "Winter 2010/11" says the same.
      const endYear = m[1] === "winter" ? year + 1 : year;
      return { date: endOfMonth(isoFrom(endYear, endMonth, 1)), why: `the end of ${m[1]} (meteorological seasons: spring ends in May, summer in August, autumn in November, winter in February)` };
    },
  },
  {
    pattern: new RegExp(String.raw`(?:^|[^\d/.-])${FY}(?![\d/.-])`),
    read: (m) => {
      const start = fyStart(m[1], m[2]);
      return start === null ? null : { date: financialYearEnd(start), why: `the end of financial year ${financialYearLabel(start)}` };
    },
  },
  {
    pattern: /\b([a-z]{3,9})\.?[\s-]+('?\d{2}|\d{4})(?![\d/])/,
    read: (m) => {
      const mo = monthNumber(m[1]);
      return mo ? { date: endOfMonth(isoFrom(year4(m[2]), mo, 1)), why: "the last day of the month" } : null;
    },
  },
  {
    pattern: /(?:^|[^\d/])(\d{1,2})\/(\d{4})(?![\d/])/,
    read: (m) => (+m[1] >= 1 && +m[1] <= 12 ? { date: endOfMonth(isoFrom(+m[2], +m[1], 1)), why: "the last day of the month" } : null),
  },
  {
    pattern: /\b(?:(?:financial\s+)?year[\s-]?end|end\s+of\s+(?:the\s+)?(?:financial\s+)?year)\b/,
    read: (_m, plan) => (plan === null ? null : { date: financialYearEnd(plan), why: `the end of the plan year ${financialYearLabel(plan)}` }),
  },
  {
    pattern: /\b(?:q|quarter)\s*([1-4])\b/,
    read: (m, plan) => (plan === null ? null : { date: quarterEnd({ startYear: plan, quarter: +m[1] as 1 | 2 | 3 | 4 }), why: `Q${m[1]} of the plan year ${financialYearLabel(plan)}` }),
  },
  {
    pattern: /\b((?:19|20)\d{2})\b/,
    read: (m) => ({ date: isoFrom(+m[1], 12, 31), why: "a year alone: read as its last day" }),
  },
  {
    pattern: /\b(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b/,
    read: (m, plan) => {
      const mo = monthNumber(m[1]);
      if (!mo || plan === null) return null;
      return { date: endOfMonth(isoFrom(monthInPlanYear(mo, plan), mo, 1)), why: `a month alone: read within the plan year ${financialYearLabel(plan)}` };
    },
  },
];

/** Words that say "by" without changing the date. */
const DEADLINE_PREFIX = /^(?:by|due|due by|deadline|complete by|completed by|no later than)[:\s]+/;

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2012-\u2015\u2212]/g, "-")
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.;,]+$/, "");
}

function exact(date: IsoDate): LooseDate {
  return { date, certainty: "exact", note: "" };
}

function inferred(original: string, reading: Reading): LooseDate {
  return { date: reading.date, certainty: "inferred", note: `read "${original}" as ${formatUkDate(reading.date)}: ${reading.why}` };
}

function none(original: string, why: string): LooseDate {
  return { date: null, certainty: "none", note: `"${original}" is not a date: ${why}` };
}

function parseNumber(n: number, options: LooseDateOptions): LooseDate {
  if (options.isDate) {
    const date = excelSerialToIso(n);
    return date ? exact(date) : { date: null, certainty: "none", note: `${n} ${NOT_A_REAL_DATE}` };
  }
  if (Number.isInteger(n) && n >= 1900 && n <= 2100) return inferred(String(n), { date: isoFrom(n, 12, 31), why: "a year alone: read as its last day" });
  if (n >= 36526 && n < 73051) {
    const date = serialToIso(n);
    return inferred(String(n), { date, why: "a number not formatted as a date, read as an Excel date serial" });
  }
  return none(String(n), "a number, not a date");
}

/** Reads a timescale as written in a loose plan. */
export function parseLooseDate(input: string | number | Date, options: LooseDateOptions = {}): LooseDate {
  if (input instanceof Date) return isNaN(input.getTime()) ? none(String(input), "not a real date") : exact(input.toISOString().slice(0, 10));
  if (typeof input === "number") return parseNumber(input, options);
  const original = input.trim();
  const text = normalise(original);
  if (text === "") return none(original, "blank");
  const plan = planStart(options.planYear);

  const stripped = text.replace(DEADLINE_PREFIX, "");
  for (const rule of EXACT_RULES) {
    const m = rule.pattern.exec(stripped);
    if (!m) continue;
    const r = rule.read(m, plan);
    if (!r) continue;
    return r.date ? exact(r.date) : none(original, r.why);
  }
  if (NOT_DATES.test(stripped)) return none(original, "it names no deadline (ongoing or recurring work)");

  // A whole-text period ("March 2025", "Q3 2024/25") or, failing that, every dated fragment of a
  // longer text ("Ongoing to March 2011", "April 2024 - March 2025"): take the latest, the deadline.
  const readings: Reading[] = [];
  let rest = ` ${stripped} `;
  for (const rule of FRAGMENT_RULES) {
    rest = rest.replace(rule.pattern, (...args) => {
      const m = args.slice(0, -2) as unknown as RegExpExecArray;
      const r = rule.read(m, plan);
      if (!r || !r.date) return args[0] as string;
      readings.push(r);
      return " ".repeat((args[0] as string).length);
    });
  }
  if (readings.length === 0) return none(original, "no day, month, quarter, season or financial year found in it");
  const latest = readings.reduce((a, b) => ((a.date ?? "") >= (b.date ?? "") ? a : b));
  const why = readings.length > 1 ? `${latest.why} (the latest of ${readings.length} dates in the text)` : latest.why;
  return inferred(original, { date: latest.date, why });
}

/** An exact rule used inside a longer text: drop its anchors. */
function asFragment(rule: Rule): Rule {
  const source = rule.pattern.source.replace(/^\^/, String.raw`(?:^|(?<=[^\w/.-]))`).replace(/\$$/, String.raw`(?![\w/])`);
  return {
    pattern: new RegExp(source),
    read: (m, plan) => {
      const r = rule.read(m, plan);
      return r && r.date ? { date: r.date, why: "the date written within the text" } : null;
    },
  };
}

/** Every rule as a global pattern for scanning a longer text, compiled once. */
const FRAGMENT_RULES: Rule[] = [...EXACT_RULES.map(asFragment), ...PERIOD_RULES].map((r) => ({ pattern: new RegExp(r.pattern.source, "g"), read: r.read }));
