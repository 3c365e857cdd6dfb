// One cell -> one model value, by the field's kind. Problems come back as words a plan owner can act
// on ('"twelve" is not a number'), never as zod's internals.
import { excelSerialToIso, IsoDate, isIsoDate, isoFrom, NOT_A_REAL_DATE } from "../model/dates";
import { FieldMeta, LISTS } from "../model/plan";
import { CellValue } from "./port";

type Parsed = { ok: true; value: unknown } | { ok: false; problem: string };

const ok = (value: unknown): Parsed => ({ ok: true, value });
const bad = (problem: string): Parsed => ({ ok: false, problem });
const shown = (v: CellValue) => (typeof v === "string" ? `"${v}"` : String(v));

export function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}

/** A date typed as text: ISO (2024-09-30) or UK (30/09/2024, 30/9/24). */
function parseDateText(text: string): IsoDate | null {
  const t = text.trim();
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+Z?)?$/.exec(t);
  if (iso) return isIsoDate(iso[1]) ? iso[1] : null;
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(t);
  if (!uk) return null;
  const year = uk[3].length === 2 ? 2000 + Number(uk[3]) : Number(uk[3]);
  const date = isoFrom(year, Number(uk[2]), Number(uk[1]));
  return isIsoDate(date) && date === `${String(year).padStart(4, "0")}-${uk[2].padStart(2, "0")}-${uk[1].padStart(2, "0")}` ? date : null;
}

export function parseDate(v: CellValue): Parsed {
  if (typeof v === "number") {
    const date = excelSerialToIso(v);
    return date ? ok(date) : bad(`${shown(v)} ${NOT_A_REAL_DATE}`);
  }
  if (typeof v === "string") {
    const date = parseDateText(v);
    if (date) return ok(date);
  }
  return bad(`${shown(v)} is not a date; type it as dd/mm/yyyy`);
}

export function parseNumber(v: CellValue): Parsed {
  if (typeof v === "number" && Number.isFinite(v)) return ok(v);
  if (typeof v === "string") {
    // Figures pasted from reports often carry thousands separators, a % sign or a £.
    const cleaned = v
      .trim()
      .replace(/^£/, "")
      .replace(/,(?=\d{3}\b)/g, "")
      .replace(/%$/, "")
      .trim();
    if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return ok(Number(cleaned));
  }
  return bad(`${shown(v)} is not a number`);
}

function parseFlag(v: CellValue): Parsed {
  if (typeof v === "boolean") return ok(v);
  const t = String(v).trim().toLowerCase();
  if (["yes", "y", "true"].includes(t)) return ok(true);
  if (["no", "n", "false"].includes(t)) return ok(false);
  return bad(`${shown(v)} is not Yes or No`);
}

function parseChoice(meta: FieldMeta, v: CellValue): Parsed {
  const text = String(v).trim();
  const allowed = meta.list && meta.list !== "ParentLinks" ? LISTS[meta.list] : undefined;
  if (!allowed) return ok(text);
  // Match the list whatever the case: "high" is High.
  const match = allowed.find((a) => a.toLowerCase() === text.toLowerCase());
  return match ? ok(match) : bad(`${shown(v)} is not one of ${allowed.join(", ")}`);
}

/** The model value of a non-blank cell for a field; blank cells are left to the schema's default. */
export function parseField(meta: FieldMeta, v: CellValue): Parsed {
  switch (meta.kind) {
    case "date":
      return parseDate(v);
    case "number":
    case "percent":
      return parseNumber(v);
    case "flag":
      return parseFlag(v);
    case "choice":
      return parseChoice(meta, v);
    default:
      return ok(typeof v === "string" ? v : String(v));
  }
}
