// The return as JSON: exactly the zod model (docs/qsr-return.schema.json describes it).
import { ParsedReturn, ReturnIssue } from "../parseReturn";
import { findLongText, tooLongReason } from "../sanitise";
import { OLDEST_QSR_FORMAT_VERSION, QSR_FORMAT_VERSION, QsrReturn, qsrReturnSchema } from "../schema";

export function returnJson(r: QsrReturn): string {
  return JSON.stringify(r, null, 2) + "\n";
}

const TABLE_NAMES: Record<string, string> = { header: "header", actions: "actions", measures: "measures", exceptions: "exceptions", targetChanges: "targetChanges", history: "history" };

/** Parses return JSON; problems name the table ("sheet") and the item and field ("cell"), e.g. measures / [3].rag. */
export function parseReturnJson(text: string, file: string): ParsedReturn {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, issues: [{ file, sheet: "", cell: "", reason: `not valid JSON (${(e as Error).message})` }] };
  }
  const version = (raw as { header?: { formatVersion?: unknown } } | null)?.header?.formatVersion;
  if (typeof version !== "number" || !Number.isInteger(version) || version < OLDEST_QSR_FORMAT_VERSION || version > QSR_FORMAT_VERSION) {
    return {
      ok: false,
      issues: [
        {
          file,
          sheet: "header",
          cell: "formatVersion",
          reason:
            version === undefined
              ? "no header.formatVersion: this is not a QSR return"
              : `format version ${JSON.stringify(version)} is not supported (this collector reads versions ${OLDEST_QSR_FORMAT_VERSION} to ${QSR_FORMAT_VERSION})`,
        },
      ],
    };
  }
  const parsed = qsrReturnSchema.safeParse(raw);
  if (parsed.success) {
    // Text longer than an Excel cell holds would break the roll-up workbook: refused at its field.
    const long = findLongText(parsed.data);
    if (long) {
      const [table, ...rest] = long.path.map(String);
      const cell = rest
        .map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`))
        .join("")
        .replace(/^\./, "");
      return { ok: false, issues: [{ file, sheet: TABLE_NAMES[table] ?? table ?? "", cell, reason: tooLongReason(long.length) }] };
    }
    return { ok: true, value: parsed.data };
  }
  const issues: ReturnIssue[] = parsed.error.issues.slice(0, 25).map((i) => {
    const [table, ...rest] = i.path.map(String);
    const cell = rest
      .map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`))
      .join("")
      .replace(/^\./, "");
    return { file, sheet: TABLE_NAMES[table] ?? table ?? "", cell, reason: i.message };
  });
  return { ok: false, issues };
}
