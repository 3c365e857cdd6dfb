// UK local-government financial year: April to March, Q1 = April-June. Labelled "2024/25 Q2".
import { IsoDate, endOfMonth, isoFrom, ymd } from "./dates";

export type Quarter = 1 | 2 | 3 | 4;

export interface Period {
  /** The calendar year in which the financial year starts (2024 for 2024/25). */
  startYear: number;
  quarter: Quarter;
}

export function financialYearLabel(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, "0")}`;
}

export function periodLabel(p: Period): string {
  return `${financialYearLabel(p.startYear)} Q${p.quarter}`;
}

/** Parses "2024/25" into its start year; throws with a plain message otherwise. */
export function parseFinancialYear(text: string): number {
  const m = /^\s*(\d{4})\s*[/-]\s*(\d{2}|\d{4})\s*$/.exec(text);
  if (!m) throw new Error(`"${text}" is not a financial year; write it like 2024/25`);
  const start = Number(m[1]);
  const end = Number(m[2]);
  const expected = m[2].length === 2 ? (start + 1) % 100 : start + 1;
  if (end !== expected) throw new Error(`"${text}" is not a financial year: ${start} is followed by ${financialYearLabel(start)}`);
  return start;
}

/** Parses "2024/25 Q2" (also "Q2 2024/25"). */
export function parsePeriod(text: string): Period {
  const t = text.trim();
  const m = /^(\d{4}\s*[/-]\s*\d{2,4})\s*Q([1-4])$/i.exec(t) ?? /^Q([1-4])\s*(\d{4}\s*[/-]\s*\d{2,4})$/i.exec(t);
  if (!m) throw new Error(`"${text}" is not a reporting period; write it like "2024/25 Q2"`);
  const [yearText, q] = /^Q/i.test(t) ? [m[2], m[1]] : [m[1], m[2]];
  return { startYear: parseFinancialYear(yearText), quarter: Number(q) as Quarter };
}

/** First day of the quarter's first month. */
export function quarterStart(p: Period): IsoDate {
  const monthIndex = 3 + (p.quarter - 1) * 3; // 0-based months from January of startYear: Apr = 3
  return isoFrom(p.startYear + Math.floor(monthIndex / 12), (monthIndex % 12) + 1, 1);
}

/** Last day of the quarter: the default reporting date. */
export function quarterEnd(p: Period): IsoDate {
  return endOfMonth(quarterStart(p), 2);
}

export function periodOfDate(iso: IsoDate): Period {
  const { year, month } = ymd(iso);
  const quarter = ((Math.floor((month - 4 + 12) / 3) % 4) + 1) as Quarter;
  return { startYear: month >= 4 ? year : year - 1, quarter };
}

export function financialYearStart(startYear: number): IsoDate {
  return isoFrom(startYear, 4, 1);
}

export function financialYearEnd(startYear: number): IsoDate {
  return isoFrom(startYear + 1, 3, 31);
}
