// The proposed mapping of a loose workbook: its tables, each column's format v1 field with a
// confidence the task pane shows, and a preview. The user (or a --map file) corrects it, then
// convertWorkbook runs on the corrected proposal: propose -> edit -> convert.
import { z } from "zod";
import { WorkbookSnapshot } from "../workbook/port";
import { boxAddress, cellAddress, columnNumber } from "../workbook/a1";
import { FoundTable, HeaderColumn, findTables, tableAt } from "./findTables";
import { SheetGrid, displayText } from "./grid";
import { FieldCandidate, TableKind, fieldsOf, headerCandidates, normaliseHeader } from "./synonyms";
import { sourceSheetNames, structuredSheetNames } from "./structuredSheets";

export interface ColumnMapping {
  /** Column letter in the source sheet. */
  sourceColumn: string;
  sourceHeader: string;
  /** Address of the header cell ("" header: null). */
  headerCell: string | null;
  /** Format v1 field key, or null: the column's cells go to Unmapped. */
  field: string | null;
  /** 0..1; 1 when a person (or the mapping file) chose it. */
  confidence: number;
  reason: string;
  /** Other fields the header could mean, surest first (for the task pane's drop-down). */
  alternatives: FieldCandidate[];
}

export interface TableProposal {
  sheet: string;
  /** Header rows, top first (two for a two-row header). */
  headerRows: number[];
  headerRow: number;
  firstDataRow: number;
  lastDataRow: number;
  /** The whole table, header included, e.g. "A4:F19". */
  range: string;
  kind: TableKind;
  columns: ColumnMapping[];
  /** The first few data rows as the user sees them. */
  preview: string[][];
}

export interface ConversionProposal {
  tables: TableProposal[];
  /** Loose sheets read as sources. */
  sourceSheets: string[];
  /** Sheets already in format v1, left alone. */
  structuredSheets: string[];
}

const PREVIEW_ROWS = 5;

/** Gives each column the surest field no surer column has taken. */
function assignColumns(columns: HeaderColumn[], kind: TableKind): ColumnMapping[] {
  const candidates = columns.map((c) => headerCandidates(c.header, kind));
  const triples = candidates.flatMap((list, i) => list.map((cand) => ({ i, cand })));
  triples.sort((a, b) => b.cand.confidence - a.cand.confidence || a.i - b.i);
  const chosen = new Map<number, FieldCandidate>();
  const takenBy = new Map<string, number>();
  for (const { i, cand } of triples) {
    if (chosen.has(i) || takenBy.has(cand.field)) continue;
    chosen.set(i, cand);
    takenBy.set(cand.field, i);
  }
  // A table needs its main column: "Key milestones" alone is the action, not its measure of success.
  const primary = kind === "actions" ? "action" : "name";
  if (!takenBy.has(primary)) {
    const best = candidates
      .map((list, i) => ({ i, cand: list.find((c) => c.field === primary) }))
      .filter((x): x is { i: number; cand: FieldCandidate } => !!x.cand)
      .sort((a, b) => b.cand.confidence - a.cand.confidence)[0];
    if (best) {
      const had = chosen.get(best.i);
      if (had) takenBy.delete(had.field);
      chosen.set(best.i, { ...best.cand, reason: `${best.cand.reason}; no other column is the ${primary}` });
      takenBy.set(primary, best.i);
    }
  }
  return columns.map((c, i) => {
    const pick = chosen.get(i);
    let reason: string;
    if (pick) reason = pick.reason;
    else if (!c.header) reason = "the column has no header: its cells are kept in Unmapped";
    else if (candidates[i].length > 0 && takenBy.has(candidates[i][0].field)) {
      const wanted = candidates[i][0].field;
      reason = `"${c.header}" looks like ${wanted}, but column ${columns[takenBy.get(wanted)!].letter} fits it better: kept in Unmapped`;
    } else reason = `"${c.header}" has no known meaning: its cells are kept in Unmapped`;
    return {
      sourceColumn: c.letter,
      sourceHeader: c.header,
      headerCell: c.headerCell,
      field: pick?.field ?? null,
      confidence: pick?.confidence ?? 0,
      reason,
      alternatives: candidates[i],
    };
  });
}

function previewOf(grid: SheetGrid, t: FoundTable): string[][] {
  const rows: string[][] = [];
  for (let r = t.firstDataRow; r <= t.lastDataRow && rows.length < PREVIEW_ROWS; r++) {
    if (grid.isBlankRow(r, t.left, t.right)) continue;
    const line: string[] = [];
    for (let c = t.left; c <= t.right; c++) {
      const cell = grid.shown(r, c);
      line.push(cell ? displayText(cell) : "");
    }
    rows.push(line);
  }
  return rows;
}

function proposalOf(grid: SheetGrid, t: FoundTable): TableProposal {
  return {
    sheet: t.sheet,
    headerRows: t.headerRows,
    headerRow: t.headerRow,
    firstDataRow: t.firstDataRow,
    lastDataRow: t.lastDataRow,
    range: boxAddress({ top: t.headerRows[0], left: t.left, bottom: Math.max(t.lastDataRow, t.headerRow), right: t.right }),
    kind: t.kind,
    columns: assignColumns(t.columns, t.kind),
    preview: previewOf(grid, t),
  };
}

function gridOf(snapshot: WorkbookSnapshot, sheet: string): SheetGrid {
  const s = snapshot.sheets.find((x) => x.name === sheet);
  if (!s) throw new MappingError(`there is no sheet called "${sheet}" (sheets: ${snapshot.sheets.map((x) => x.name).join(", ")})`);
  return new SheetGrid(s);
}

/** Finds the tables of every loose sheet and proposes a field for each column. */
export function proposeMapping(snapshot: WorkbookSnapshot, options: { map?: MappingFile; mapFile?: string } = {}): ConversionProposal {
  const sourceSheets = sourceSheetNames(snapshot);
  const tables: TableProposal[] = [];
  for (const name of sourceSheets) {
    const grid = gridOf(snapshot, name);
    for (const t of findTables(grid)) tables.push(proposalOf(grid, t));
  }
  const proposal: ConversionProposal = { tables, sourceSheets, structuredSheets: [...structuredSheetNames(snapshot)] };
  return options.map ? applyMappingFile(snapshot, proposal, options.map, options.mapFile ?? "mapping file") : proposal;
}

/** Re-reads one table with the header row (and kind) the user chose: for the task pane's "header is row N". */
export function proposeTable(snapshot: WorkbookSnapshot, sheet: string, headerRow: number, kind?: TableKind): TableProposal {
  const grid = gridOf(snapshot, sheet);
  if (!Number.isInteger(headerRow) || headerRow < 1) throw new MappingError(`header row ${headerRow} is not a row number`);
  return proposalOf(grid, tableAt(grid, headerRow, { kind }));
}

/** Changes a table's kind, re-proposing its fields from the headers. */
export function withKind(table: TableProposal, kind: TableKind): TableProposal {
  if (table.kind === kind) return table;
  const columns: HeaderColumn[] = table.columns.map((c) => ({ column: columnNumber(c.sourceColumn), letter: c.sourceColumn, header: c.sourceHeader, headerCell: c.headerCell }));
  return { ...table, kind, columns: assignColumns(columns, kind) };
}

/** Sets one column's field (null: keep in Unmapped); a column that had the field gives it up. */
export function withField(table: TableProposal, sourceColumn: string, field: string | null, reason = "chosen by hand"): TableProposal {
  if (field !== null && !fieldsOf(table.kind).includes(field)) {
    throw new MappingError(`"${field}" is not a field of a ${table.kind} table (fields: ${fieldsOf(table.kind).join(", ")})`);
  }
  if (!table.columns.some((c) => c.sourceColumn === sourceColumn)) {
    throw new MappingError(`column ${sourceColumn} is not part of the table at ${table.sheet}!${table.range}`);
  }
  const columns = table.columns.map((c) => {
    if (c.sourceColumn === sourceColumn) return { ...c, field, confidence: 1, reason };
    if (field !== null && c.field === field) return { ...c, field: null, confidence: 0, reason: `${field} was given to column ${sourceColumn} (${reason}): kept in Unmapped` };
    return c;
  });
  return { ...table, columns };
}

// ---- the --map file -------------------------------------------------------------------------

export const mappingFileSchema = z.object({
  tables: z.array(
    z.object({
      sheet: z.string().min(1),
      headerRow: z.number().int().min(1).optional(),
      kind: z.enum(["actions", "measures"]).optional(),
      /** Leave the table out: its cells go to Unmapped. */
      skip: z.boolean().optional(),
      /** Source header text or column letter -> field key, or null to keep the column in Unmapped. */
      columns: z.record(z.string(), z.string().nullable()).optional(),
    }),
  ),
});
export type MappingFile = z.infer<typeof mappingFileSchema>;

/** A mapping (file or edit) that cannot apply; the message says what and where. */
export class MappingError extends Error {
  override name = "MappingError";
}

/** Parses --map FILE text; errors name the file and the entry. */
export function parseMappingFile(text: string, file: string): MappingFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new MappingError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  const parsed = mappingFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(top)"}: ${i.message}`).join("; ");
    throw new MappingError(`${file}: not a valid mapping file: ${issues} (expected { "tables": [{ "sheet": "...", "headerRow": 4, "kind": "actions", "columns": { "Timescale": "dueDate" } }] })`);
  }
  return parsed.data;
}

/** The column a mapping key names: a header first (so "ID" is the header, not column ID), else a letter. */
function columnFor(table: TableProposal, key: string): ColumnMapping | undefined {
  const byHeader = table.columns.find((c) => normaliseHeader(c.sourceHeader) === normaliseHeader(key) && c.sourceHeader !== "");
  if (byHeader) return byHeader;
  if (/^[A-Za-z]{1,3}$/.test(key)) return table.columns.find((c) => c.sourceColumn === key.toUpperCase());
  return undefined;
}

function applyMappingFile(snapshot: WorkbookSnapshot, proposal: ConversionProposal, map: MappingFile, file: string): ConversionProposal {
  let tables = [...proposal.tables];
  map.tables.forEach((entry, n) => {
    const where = `${file}: tables[${n}] (sheet "${entry.sheet}"${entry.headerRow ? `, header row ${entry.headerRow}` : ""})`;
    if (!snapshot.sheets.some((s) => s.name === entry.sheet)) {
      throw new MappingError(`${where}: there is no sheet called "${entry.sheet}" (sheets: ${snapshot.sheets.map((s) => s.name).join(", ")})`);
    }
    if (!proposal.sourceSheets.includes(entry.sheet)) throw new MappingError(`${where}: "${entry.sheet}" is already a format v1 sheet, not a loose one`);
    let targets = tables.filter((t) => t.sheet === entry.sheet && (entry.headerRow === undefined || t.headerRow === entry.headerRow));
    if (targets.length === 0) {
      if (entry.headerRow === undefined) throw new MappingError(`${where}: no table was found on this sheet; give "headerRow" to say where its header is`);
      // the user's header row replaces any table found overlapping it
      const made = proposeTable(snapshot, entry.sheet, entry.headerRow, entry.kind);
      tables = tables.filter((t) => t.sheet !== entry.sheet || t.lastDataRow < made.headerRows[0] || t.headerRows[0] > made.lastDataRow);
      tables.push(made);
      targets = [made];
    }
    for (const target of targets) {
      let t = entry.kind ? withKind(target, entry.kind) : target;
      for (const [key, field] of Object.entries(entry.columns ?? {})) {
        const col = columnFor(t, key);
        if (!col) {
          const headers = t.columns.map((c) => `${c.sourceColumn} "${c.sourceHeader}"`).join(", ");
          throw new MappingError(`${where}: columns."${key}" names no column of the table at ${t.sheet}!${t.range} (its columns: ${headers})`);
        }
        if (field !== null && !fieldsOf(t.kind).includes(field)) {
          throw new MappingError(`${where}: columns."${key}": "${field}" is not a field of a ${t.kind} table (fields: ${fieldsOf(t.kind).join(", ")}, or null)`);
        }
        t = withField(t, col.sourceColumn, field, `set by ${file}`);
      }
      tables = tables.map((x) => (x === target ? t : x));
    }
    if (entry.skip) tables = tables.filter((x) => !targets.some((tg) => tg.sheet === x.sheet && tg.headerRow === x.headerRow));
  });
  const order = (t: TableProposal) => proposal.sourceSheets.indexOf(t.sheet) * 1e7 + t.headerRow;
  return { ...proposal, tables: tables.sort((a, b) => order(a) - order(b)) };
}

/** Problems that stop a (possibly hand-edited) proposal from converting; empty when it is sound. */
export function proposalProblems(snapshot: WorkbookSnapshot, proposal: ConversionProposal): string[] {
  const problems: string[] = [];
  const sheets = new Set(snapshot.sheets.map((s) => s.name));
  const claimed = new Map<string, { index: number; at: string }>();
  proposal.tables.forEach((t, index) => {
    const at = `${t.sheet}!${t.range}`;
    if (!sheets.has(t.sheet)) problems.push(`table ${at}: there is no sheet called "${t.sheet}"`);
    if (t.kind !== "actions" && t.kind !== "measures") problems.push(`table ${at}: kind must be "actions" or "measures", not "${String(t.kind)}"`);
    if (t.headerRows.length === 0 || t.headerRows[t.headerRows.length - 1] !== t.headerRow) problems.push(`table ${at}: the header rows must end with the header row ${t.headerRow}`);
    if (t.firstDataRow !== t.headerRow + 1 || t.lastDataRow < t.headerRow)
      problems.push(`table ${at}: data rows ${t.firstDataRow}-${t.lastDataRow} must start just below the header row ${t.headerRow}`);
    const fields = new Set(fieldsOf(t.kind));
    const seen = new Map<string, string>();
    for (const c of t.columns) {
      if (c.field === null) continue;
      if (!fields.has(c.field)) problems.push(`table ${at}, column ${c.sourceColumn}: "${c.field}" is not a field of a ${t.kind} table`);
      const other = seen.get(c.field);
      if (other) problems.push(`table ${at}: columns ${other} and ${c.sourceColumn} both map to ${c.field}; choose one`);
      seen.set(c.field, c.sourceColumn);
    }
    // two tables may not claim the same rows of a sheet, or a cell would be converted twice
    for (let r = t.headerRows[0]; r <= Math.max(t.lastDataRow, t.headerRow); r++) {
      for (const c of t.columns) {
        const key = `${t.sheet}!${cellAddress(r, columnNumber(c.sourceColumn))}`;
        const owner = claimed.get(key);
        if (owner && owner.index !== index) {
          problems.push(`tables ${owner.at} and ${at} overlap at ${key}`);
          r = Infinity;
          break;
        }
        claimed.set(key, { index, at });
      }
    }
  });
  return problems;
}
