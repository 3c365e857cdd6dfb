// Reads one source cell as the value of one format v1 field. A cell that cannot be that field's
// value is rejected (it goes to Unmapped with the reason) rather than guessed at; dates the text
// does not pin down exactly keep their original wording in "Timescale as written".
import { IsoDate } from "../model/dates";
import { Column, MEASURE_TYPES } from "../model/plan";
import { parseLooseDate } from "./dates";
import { SourceCell, displayText, isPercentFormat } from "./grid";

type FieldReading =
  { ok: true; value: string | number | boolean | IsoDate | null; /** the timescale as written, for inexact due dates */ asWritten?: string; note?: string } | { ok: false; reason: string };

const reject = (reason: string): FieldReading => ({ ok: false, reason });

/** "85%", "1,234", "£2.5" -> a number; percent-formatted cells read as whole percentages (0.85 -> 85). */
function readNumber(cell: SourceCell): number | null {
  if (typeof cell.value === "number") return isPercentFormat(cell.numberFormat) ? Number((cell.value * 100).toPrecision(12)) : cell.value;
  if (typeof cell.value !== "string") return null;
  const t = cell.value
    .trim()
    .replace(/^£/, "")
    .replace(/,(?=\d{3}\b)/g, "")
    .replace(/%$/, "")
    .trim();
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
  return Number(t);
}

// Maps, not object literals: a cell saying "constructor" or "__proto__" must not find Object.prototype.
const RAG = new Map(Object.entries({ g: "Green", green: "Green", a: "Amber", amber: "Amber", r: "Red", red: "Red" }));
const POLARITY: [RegExp, string][] = [
  [/^(high|higher|up|increase|bigger|more)\b|\bhigh(er)? is (good|better)\b|^high(er)? (is )?better$/, "High"],
  [/^(low|lower|down|decrease|smaller|less)\b|\blow(er)? is (good|better)\b|^low(er)? (is )?better$/, "Low"],
  [/^(target|on target|in range|closest to target|to target)$/, "Target"],
];
const FREQUENCY = new Map(
  Object.entries({ monthly: "Monthly", month: "Monthly", quarterly: "Quarterly", quarter: "Quarterly", annual: "Annual", annually: "Annual", yearly: "Annual", year: "Annual" }),
);
const TYPES: [RegExp, string][] = [
  [/^(kr|key result)s?$/, "Key Result"],
  [/^(pi|performance indicator|performance measure)s?$/, "Performance Indicator"],
  [/^(ci|contextual|context|contextual indicator)s?$/, "Contextual Indicator"],
];
const YES = /^(yes|y|true|x|✓|✔|1)$/;
const NO = /^(no|n|false|0)$/;

function choice(field: string, text: string): string | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, " ");
  if (field === "selfAssessedRag") return RAG.get(t) ?? null;
  if (field === "polarity") return POLARITY.find(([re]) => re.test(t))?.[1] ?? null;
  if (field === "frequency") return FREQUENCY.get(t) ?? null;
  if (field === "type") return MEASURE_TYPES.find((m) => m.toLowerCase() === t) ?? TYPES.find(([re]) => re.test(t))?.[1] ?? null;
  return text.trim(); // parentLink: free text; the golden-thread check judges it
}

export function readField(cell: SourceCell, column: Column, planYear?: string): FieldReading {
  const text = displayText(cell).trim();
  const { kind, header } = column.meta;
  switch (kind) {
    case "id":
    case "text":
    case "longText":
      return { ok: true, value: text };
    case "number": {
      const n = readNumber(cell);
      return n === null ? reject(`"${text}" is not a number, so it cannot be ${header}`) : { ok: true, value: n };
    }
    case "percent": {
      const n = readNumber(cell);
      if (n === null) return reject(`"${text}" is not a percentage, so it cannot be ${header}`);
      if (n < 0 || n > 100) return reject(`${text} is not between 0 and 100, so it cannot be ${header}`);
      return { ok: true, value: n };
    }
    case "flag": {
      if (typeof cell.value === "boolean") return { ok: true, value: cell.value };
      const t = text.toLowerCase();
      if (YES.test(t)) return { ok: true, value: true };
      if (NO.test(t)) return { ok: true, value: false };
      return reject(`"${text}" is not Yes or No, so it cannot be ${header}`);
    }
    case "choice": {
      const c = choice(column.key, text);
      return c === null ? reject(`"${text}" is not one of the values of ${header}`) : { ok: true, value: c };
    }
    case "date": {
      const d = parseLooseDate(typeof cell.value === "number" ? cell.value : text, { isDate: cell.isDate, planYear });
      if (d.certainty === "exact") return { ok: true, value: d.date };
      // A date cell whose serial is no real date is refused at its cell, whatever the column.
      if (cell.isDate && typeof cell.value === "number" && d.date === null) return reject(`${header}: ${d.note}`);
      // Only the due date has a "Timescale as written" beside it; other dates must be exact.
      if (column.key === "dueDate") return { ok: true, value: d.date, asWritten: text, note: d.note };
      return reject(`${header} written as "${text}" is not an exact date${d.date ? ` (it might mean ${d.date})` : ""}: enter the date by hand`);
    }
  }
}
