// One model field -> one table column: header, width, number format, dropdown or input message,
// unlocked for input. And one model value -> what the cell holds (dates as serials, flags as Yes/No).
import { isoToSerial } from "../model/dates";
import { Column, FieldMeta } from "../model/plan";
import { CellValue, ColumnDesign, Validation } from "./port";
import { listName } from "./names";
import { widthForWords } from "./textFit";

export const DATE_FORMAT = "dd/mm/yyyy";

const LONG_TEXT = new Set<FieldMeta["kind"]>(["longText"]);

function validationFor(meta: FieldMeta): Validation | undefined {
  const base = { prompt: meta.prompt, promptTitle: meta.header.slice(0, 32) };
  if (meta.list) return { type: "list", source: `=${listName(meta.list)}`, error: `Choose ${meta.header} from the list.`, ...base };
  switch (meta.kind) {
    case "date":
      return { type: "date", error: `${meta.header} must be a date, typed as dd/mm/yyyy.`, ...base };
    case "percent":
      return { type: "decimal", min: 0, max: 100, error: `${meta.header} must be a number from 0 to 100.`, ...base };
    case "number":
      return { type: "decimal", error: `${meta.header} must be a number (no words or units).`, ...base };
    default:
      return undefined;
  }
}

export function fieldColumn(column: Column): ColumnDesign {
  const { meta } = column;
  const validation = validationFor(meta);
  return {
    header: meta.header,
    // Wide enough that the bold header wraps between words, never inside one ("Provisiona / l").
    width: Math.max(meta.width, widthForWords(meta.header, true)),
    numberFormat: meta.kind === "date" ? DATE_FORMAT : meta.kind === "id" || meta.kind === "text" || meta.kind === "longText" ? "@" : undefined,
    validation,
    prompt: validation ? undefined : meta.prompt,
    locked: false,
    wrap: LONG_TEXT.has(meta.kind),
  };
}

/** The cell value for a model value of a field of this kind. */
export function cellOf(kind: FieldMeta["kind"], value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (kind === "flag") return value === true ? "Yes" : "No";
  if (kind === "date") return typeof value === "string" && value !== "" ? isoToSerial(value) : null;
  if (typeof value === "string") return value === "" ? null : value;
  if (typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

/** Table rows for model items: one value per model column, then nulls for the extra (status) columns. */
export function rowsOf<T extends object>(items: readonly T[], columns: Column[], extraColumns: number): CellValue[][] {
  return items.map((item) => [...columns.map((c) => cellOf(c.meta.kind, (item as Record<string, unknown>)[c.key])), ...Array<CellValue>(extraColumns).fill(null)]);
}
