// Converts the loose tables of a workbook into format v1 rows, losing nothing: every non-empty cell
// of every source sheet ends up in a field of a structured row (or, for headers, in the conversion
// map) or in Unmapped with its address and the reason. The snapshot is only read, never changed.
// Vertically merged cells in a table fill down: each row the merge covers gets its value (the cell
// itself is counted once, at its top-left). A row with no action (or measure) text and no ID is
// read as more of the row above. Running twice gives the same plan: rows merge by ID into an
// existing structured plan, and Unmapped is rebuilt for the sheets being converted.
import { Framework } from "../model/framework";
import { ACTION_COLUMNS, Action, Column, Located, MEASURE_COLUMNS, Measure, Tier, actionSchema, measureSchema } from "../model/plan";
import { WorkbookSnapshot } from "../workbook/port";
import { boxAddress, columnNumber, parseCell } from "../workbook/a1";
import { readExistingPlan } from "./existingPlan";
import { SheetGrid, SourceCell, displayText } from "./grid";
import { MappingError, TableProposal, proposalProblems, ConversionProposal } from "./mapping";
import { ConversionFinding, ConversionMapRow, ConversionResult, MappedCell, UnmappedCell } from "./result";
import { TableKind } from "./synonyms";
import { readField } from "./values";

export interface ConvertOptions {
  tier: Tier;
  framework?: Framework;
  /** The source file name, for messages and row sources. */
  file?: string;
  /** The plan's financial year for "Q3" or "March" alone (default: the framework's). */
  planYear?: string;
}

/** Below this a mapping is shown as a finding for the user to check. */
const CHECK_CONFIDENCE = 0.7;

const COLUMNS: Record<TableKind, Map<string, Column>> = {
  actions: new Map(ACTION_COLUMNS.map((c) => [c.key, c])),
  measures: new Map(MEASURE_COLUMNS.map((c) => [c.key, c])),
};
const PRIMARY: Record<TableKind, string> = { actions: "action", measures: "name" };
const ID_PREFIX: Record<TableKind, string> = { actions: "ACT", measures: "KPI" };

interface Draft {
  kind: TableKind;
  sheet: string;
  row: number;
  values: Record<string, unknown>;
  columns: Record<string, string>;
  cells: { address: string; field: string }[];
  idCell: string | null;
}

interface SheetWork {
  grid: SheetGrid;
  placed: Set<string>;
  findings: ConversionFinding[];
  unmapped: UnmappedCell[];
  mapped: MappedCell[];
  mapRows: ConversionMapRow[];
  drafts: Draft[];
  planYear?: string;
}

function isTextField(col: Column): boolean {
  return col.meta.kind === "text" || col.meta.kind === "longText" || (col.meta.kind === "choice" && col.meta.list === "ParentLinks");
}

function unmap(w: SheetWork, cell: SourceCell, sourceHeader: string, reason: string): void {
  w.placed.add(cell.address);
  w.unmapped.push({ sheet: cell.sheet, address: cell.address, sourceHeader, value: cell.value, text: displayText(cell), reason });
}

function columnLabel(c: TableProposal["columns"][number]): string {
  return c.sourceHeader ? `column ${c.sourceColumn} ("${c.sourceHeader}")` : `column ${c.sourceColumn} (no header)`;
}

function convertTable(w: SheetWork, t: TableProposal): void {
  const { grid } = w;
  const kind = t.kind;
  const fieldCols = COLUMNS[kind];
  const cols = t.columns.map((c) => ({ ...c, n: columnNumber(c.sourceColumn), col: c.field ? fieldCols.get(c.field)! : null }));
  const byField = new Map(cols.filter((c) => c.field).map((c) => [c.field!, c]));
  const primary = byField.get(PRIMARY[kind]);
  const idCol = byField.get("id");

  for (const c of cols) {
    if (c.headerCell) {
      w.placed.add(c.headerCell);
      w.mapped.push({ sheet: t.sheet, address: c.headerCell, table: "ConversionMap", recordId: null, field: c.field ?? "" });
    }
    w.mapRows.push({
      sheet: t.sheet,
      headerRow: c.headerCell ? parseCell(c.headerCell).row : t.headerRow,
      sourceColumn: c.sourceColumn,
      sourceHeader: c.sourceHeader,
      field: c.field,
      confidence: c.confidence,
      reason: c.reason,
    });
    if (c.field && c.confidence < CHECK_CONFIDENCE) {
      w.findings.push({
        severity: "info",
        code: "mapping-unsure",
        sheet: t.sheet,
        cell: c.headerCell ?? `${c.sourceColumn}${t.headerRow}`,
        message: `${columnLabel(c)} was mapped to ${c.col!.meta.header} with confidence ${c.confidence.toFixed(2)}: please check`,
      });
    }
  }
  if (!primary) {
    w.findings.push({
      severity: "warning",
      code: "no-primary-column",
      sheet: t.sheet,
      cell: `${t.columns[0]?.sourceColumn ?? "A"}${t.headerRow}`,
      message: `the ${kind} table at ${t.sheet}!${t.range} has no ${kind === "actions" ? "Action" : "Measure"} column: rows are kept, but each needs its text added`,
    });
  }

  const filledMerges = new Set<string>();
  let last: Draft | null = null;
  for (let r = t.firstDataRow; r <= t.lastDataRow; r++) {
    const own = cols.map((c) => ({ c, cell: grid.cell(r, c.n) })).filter((x): x is { c: (typeof cols)[number]; cell: SourceCell } => x.cell !== null);
    if (own.length === 0) continue;
    const only = own.length === 1 ? own[0].cell : null;
    if (only?.merge && only.merge.right > only.merge.left && only.merge.top === only.merge.bottom && cols.length > 2) {
      unmap(w, only, own[0].c.sourceHeader, `a section heading across the table at ${t.sheet}!${t.range}`);
      continue;
    }
    for (const { c, cell } of own) {
      if (!c.field) unmap(w, cell, c.sourceHeader, `${columnLabel(c)} is not mapped to a field`);
    }
    const mappedOwn = own.filter((x) => x.c.field);
    if (mappedOwn.length === 0) continue;

    // values a vertical merge above brings down to this row
    const fills = cols
      .filter((c) => c.field && !grid.cell(r, c.n))
      .map((c) => {
        const m = grid.mergeAt(r, c.n);
        if (!m || m.left !== c.n || m.top >= r || m.top < t.firstDataRow) return null;
        const top = grid.cell(m.top, c.n);
        if (!top) return null;
        const key = boxAddress(m);
        if (!filledMerges.has(key)) {
          filledMerges.add(key);
          w.findings.push({
            severity: "info",
            code: "merged-cells-filled",
            sheet: t.sheet,
            cell: key,
            message: `${key} is merged: its value "${displayText(top)}" is used for rows ${m.top}-${Math.min(m.bottom, t.lastDataRow)}`,
          });
        }
        return { c, cell: top };
      })
      .filter((x): x is { c: (typeof cols)[number]; cell: SourceCell } => x !== null);

    const hasOwnOrFill = (col: (typeof cols)[number] | undefined) => !!col && (!!grid.cell(r, col.n) || fills.some((f) => f.c === col));
    if (last && primary && !hasOwnOrFill(primary) && !hasOwnOrFill(idCol)) {
      const draft: Draft = last;
      w.findings.push({
        severity: "info",
        code: "continuation-row",
        sheet: t.sheet,
        cell: `${mappedOwn[0].cell.address}`,
        message: `row ${r} has no ${primary.col!.meta.header.toLowerCase()}: read as more of row ${draft.row}`,
      });
      for (const { c, cell } of mappedOwn) {
        const column = c.col!;
        const meta = column.meta;
        const reading = readField(cell, column, w.planYear);
        if (!reading.ok) {
          unmap(w, cell, c.sourceHeader, reading.reason);
          continue;
        }
        const had = draft.values[c.field!];
        if (isTextField(column) && typeof had === "string" && had !== "") {
          draft.values[c.field!] = `${had}\n${reading.value}`;
        } else if ((had === undefined || had === null || had === "") && !(c.field === "dueDate" && draft.values.dueDateText)) {
          draft.values[c.field!] = reading.value;
          if (reading.asWritten) draft.values.dueDateText = reading.asWritten;
        } else {
          unmap(w, cell, c.sourceHeader, `row ${r} reads as more of row ${draft.row}, which already has a ${meta.header.toLowerCase()}`);
          continue;
        }
        w.placed.add(cell.address);
        draft.cells.push({ address: cell.address, field: c.field! });
      }
      continue;
    }

    const draft: Draft = { kind, sheet: t.sheet, row: r, values: {}, columns: {}, cells: [], idCell: null };
    for (const { c, cell } of [...mappedOwn, ...fills]) {
      const isFill = fills.some((f) => f.cell === cell);
      const column = c.col!;
      const reading = readField(cell, column, w.planYear);
      if (!reading.ok) {
        if (!isFill) {
          unmap(w, cell, c.sourceHeader, reading.reason);
          w.findings.push({ severity: "warning", code: "value-not-recognised", sheet: t.sheet, cell: cell.address, message: `${reading.reason}: kept in Unmapped` });
        }
        continue;
      }
      draft.values[c.field!] = reading.value;
      draft.columns[c.field!] = c.sourceColumn;
      if (c.field === "id") draft.idCell = cell.address;
      if (reading.asWritten !== undefined) {
        draft.values.dueDateText = draft.values.dueDateText ? `${draft.values.dueDateText} | ${reading.asWritten}` : reading.asWritten;
        if (!isFill) {
          w.findings.push({
            severity: "warning",
            code: reading.value ? "date-inferred" : "date-missing",
            sheet: t.sheet,
            cell: cell.address,
            message: reading.value ? `${reading.note}; the text is kept in "Timescale as written": confirm the due date` : `${reading.note}; kept in "Timescale as written": enter a due date`,
          });
        }
      }
      if (!isFill) {
        w.placed.add(cell.address);
        draft.cells.push({ address: cell.address, field: c.field! });
      }
    }
    w.drafts.push(draft);
    last = draft;
  }
}

function leftoverReason(cell: SourceCell, tables: TableProposal[]): string {
  if (tables.length === 0) return "no plan table was found on this sheet";
  for (const t of tables) {
    const first = columnNumber(t.columns[0]?.sourceColumn ?? "A");
    const lastCol = columnNumber(t.columns[t.columns.length - 1]?.sourceColumn ?? "A");
    const inColumns = cell.column >= first && cell.column <= lastCol;
    if (t.headerRows.includes(cell.row) && inColumns) return `a heading above the columns of the table at ${t.sheet}!${t.range}`;
    if (cell.row > t.headerRow && cell.row <= t.lastDataRow) return `beside the table at ${t.sheet}!${t.range}, outside its columns (a side note)`;
  }
  return "outside any table (a title, note or footer)";
}

function nextFree(base: string, used: Set<string>): string {
  let n = 2;
  while (used.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/** Gives every draft a unique ID: the source's where it has one (duplicates disambiguated), else generated. */
function assignIds(drafts: Draft[], kind: TableKind, findings: ConversionFinding[]): void {
  const mine = drafts.filter((d) => d.kind === kind);
  const used = new Set(mine.map((d) => String(d.values.id ?? "").trim()).filter((id) => id !== ""));
  const firstAt = new Map<string, Draft>();
  for (const d of mine) {
    const id = String(d.values.id ?? "").trim();
    if (!id) continue;
    const first = firstAt.get(id);
    if (!first) {
      firstAt.set(id, d);
      continue;
    }
    const fresh = nextFree(id, used);
    used.add(fresh);
    d.values.id = fresh;
    findings.push({
      severity: "warning",
      code: "id-duplicate",
      sheet: d.sheet,
      cell: d.idCell ?? `row ${d.row}`,
      message: `ID "${id}" is also used at ${first.sheet}!${first.idCell}: this row keeps both and is given "${fresh}"`,
    });
  }
  let n = 0;
  for (const d of mine) {
    if (String(d.values.id ?? "").trim()) continue;
    let id: string;
    do id = `${ID_PREFIX[kind]}-${String(++n).padStart(3, "0")}`;
    while (used.has(id));
    used.add(id);
    d.values.id = id;
    findings.push({ severity: "info", code: "id-generated", sheet: d.sheet, cell: `row ${d.row}`, message: `row ${d.row} has no ID in the source: given ${id}` });
  }
}

function located<T>(d: Draft, parsed: T, file: string | undefined): Located<T> {
  return Object.assign(parsed as T & object, { source: { file, sheet: d.sheet, row: d.row, columns: d.columns } });
}

function build<T extends { id: string }>(
  drafts: Draft[],
  kind: TableKind,
  parse: (v: unknown) => { success: true; data: T } | { success: false; error: { message: string } },
  file: string | undefined,
): Located<T>[] {
  return drafts
    .filter((d) => d.kind === kind)
    .map((d) => {
      const parsed = parse(d.values);
      if (!parsed.success) throw new Error(`${d.sheet} row ${d.row}: converted ${kind} row is not valid format v1 (${parsed.error.message})`);
      return located(d, parsed.data, file);
    });
}

/** Merges converted rows into the plan's existing rows by ID: fields the source supplies win. */
function mergeById<T extends { id: string }>(existing: Located<T>[], converted: Located<T>[], drafts: Draft[]): { rows: Located<T>[]; updated: number } {
  const rows = [...existing];
  const at = new Map(rows.map((r, i) => [r.id, i]));
  let updated = 0;
  for (const row of converted) {
    const i = at.get(row.id);
    if (i === undefined) {
      at.set(row.id, rows.length);
      rows.push(row);
      continue;
    }
    const supplied = drafts.find((d) => d.values.id === row.id && d.sheet === row.source.sheet && d.row === row.source.row);
    const merged: Record<string, unknown> = { ...rows[i] };
    for (const key of Object.keys(supplied?.values ?? row)) merged[key] = (row as Record<string, unknown>)[key];
    merged.source = row.source;
    rows[i] = merged as Located<T>;
    updated++;
  }
  return { rows, updated };
}

export function convertWorkbook(snapshot: WorkbookSnapshot, proposal: ConversionProposal, options: ConvertOptions): ConversionResult {
  const problems = proposalProblems(snapshot, proposal);
  if (problems.length > 0) throw new MappingError(`${options.file ? `${options.file}: ` : ""}the mapping cannot be used: ${problems.join("; ")}`);
  const planYear = options.planYear ?? options.framework?.planYear;
  const findings: ConversionFinding[] = [];
  const unmapped: UnmappedCell[] = [];
  const mapped: MappedCell[] = [];
  const mapRows: ConversionMapRow[] = [];
  const drafts: Draft[] = [];

  for (const sheetName of proposal.sourceSheets) {
    const sheet = snapshot.sheets.find((s) => s.name === sheetName);
    if (!sheet) continue;
    const w: SheetWork = { grid: new SheetGrid(sheet), placed: new Set(), findings, unmapped, mapped, mapRows, drafts, planYear };
    const tables = proposal.tables.filter((t) => t.sheet === sheetName);
    for (const t of tables) convertTable(w, t);
    const leftovers = w.grid.sourceCells().filter((c) => !w.placed.has(c.address));
    for (const cell of leftovers) unmap(w, cell, "", leftoverReason(cell, tables));
    if (tables.length === 0 && leftovers.length > 0) {
      findings.push({
        severity: "info",
        code: "no-table-on-sheet",
        sheet: sheetName,
        cell: boxAddress({ top: w.grid.top, left: w.grid.left, bottom: w.grid.bottom, right: w.grid.right }),
        message: `no plan table was found on sheet "${sheetName}": its ${leftovers.length} cells are kept in Unmapped`,
      });
    }
    if (sheet.visibility !== "visible" && (tables.length > 0 || leftovers.length > 0)) {
      findings.push({ severity: "info", code: "hidden-sheet", sheet: sheetName, cell: sheet.origin, message: `sheet "${sheetName}" is hidden; it was converted like the others` });
    }
  }

  assignIds(drafts, "actions", findings);
  assignIds(drafts, "measures", findings);
  for (const d of drafts)
    for (const c of d.cells) mapped.push({ sheet: d.sheet, address: c.address, table: d.kind === "actions" ? "Actions" : "Measures", recordId: String(d.values.id), field: c.field });

  const actions = build<Action>(drafts, "actions", (v) => actionSchema.safeParse(v), options.file);
  const measures = build<Measure>(drafts, "measures", (v) => measureSchema.safeParse(v), options.file);

  const existing = readExistingPlan(snapshot);
  findings.push(...existing.findings);
  const mergedActions = mergeById(existing.actions, actions, drafts);
  const mergedMeasures = mergeById(existing.measures, measures, drafts);
  if (mergedActions.updated + mergedMeasures.updated > 0) {
    findings.push({
      severity: "info",
      code: "merged-into-existing-plan",
      sheet: "Actions",
      cell: "A1",
      message: `${mergedActions.updated} actions and ${mergedMeasures.updated} measures were already in the plan (same ID): updated from the source, not added twice`,
    });
  }
  const converting = new Set(proposal.sourceSheets);
  return {
    actions: mergedActions.rows,
    measures: mergedMeasures.rows,
    unmapped: [...existing.unmapped.filter((u) => !converting.has(u.sheet)), ...unmapped],
    mapped,
    findings,
    proposal,
    mapRows: [...existing.mapRows.filter((m) => !converting.has(m.sheet)), ...mapRows],
  };
}
