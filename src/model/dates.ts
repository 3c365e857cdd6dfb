// Dates in the domain are ISO strings (yyyy-mm-dd). Statuses compare Excel serial day numbers,
// because that is what the sheet formulas see; these helpers convert between the two exactly.

export type IsoDate = string;

const EPOCH_UTC = Date.UTC(1899, 11, 30); // Excel serial 0 (with the 1900 leap-year bug skipped for dates after 1 March 1900)
const DAY_MS = 86_400_000;

export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoToSerial(iso: IsoDate): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - EPOCH_UTC) / DAY_MS);
}

/** Excel's last date, 31/12/9999. */
const EXCEL_LAST_SERIAL = 2_958_465;

/** What is wrong with an Excel date serial that is no real date, said at its cell. */
export const NOT_A_REAL_DATE = "is not a real date (Excel dates run from 01/01/1900, serial 1, to 31/12/9999, serial 2958465, and 29/02/1900, serial 60, never existed)";

/**
 * The date an Excel serial stands for, or null when it is none: 0, negative, beyond 31/12/9999, not
 * a number, or 60, the 29/02/1900 Excel keeps from Lotus 1-2-3. Serials 1-59 (Jan-Feb 1900) sit one
 * day off the epoch that serves every later date, so they are shifted back.
 */
export function excelSerialToIso(serial: number): IsoDate | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial);
  if (day < 1 || day === 60 || day > EXCEL_LAST_SERIAL) return null;
  return serialToIso(day < 60 ? day + 1 : day);
}

export function serialToIso(serial: number): IsoDate {
  const dt = new Date(EPOCH_UTC + Math.floor(serial) * DAY_MS);
  return dt.toISOString().slice(0, 10);
}

export function ymd(iso: IsoDate): { year: number; month: number; day: number } {
  const [year, month, day] = iso.split("-").map(Number);
  return { year, month, day };
}

export function isoFrom(year: number, month: number, day: number): IsoDate {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

/** Excel's EDATE: same day n months on, clamped to the end of a shorter month. */
export function addMonths(iso: IsoDate, months: number): IsoDate {
  const { year, month, day } = ymd(iso);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return isoFrom(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Excel's EOMONTH. */
export function endOfMonth(iso: IsoDate, monthsAhead = 0): IsoDate {
  const { year, month } = ymd(iso);
  const total = year * 12 + (month - 1) + monthsAhead;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return isoFrom(y, m, daysInMonth(y, m));
}

/** dd/mm/yyyy, the way UK users read dates. */
export function formatUkDate(iso: IsoDate | null | undefined): string {
  if (!iso) return "";
  const { year, month, day } = ymd(iso);
  return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
}

/** A date typed by a person: dd/mm/yyyy (the UK way) or yyyy-mm-dd; null when it is neither, or no real date. */
export function parseUserDate(text: string): IsoDate | null {
  const t = text.trim();
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const iso = uk ? `${uk[3]}-${uk[2].padStart(2, "0")}-${uk[1].padStart(2, "0")}` : t;
  return isIsoDate(iso) ? iso : null;
}
