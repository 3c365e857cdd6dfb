// The proof that a conversion lost nothing: every non-empty cell of every source sheet is placed
// exactly once (in a structured row, in the conversion map, or in Unmapped) and its value survives.
import { ConversionResult } from "../../src/convert/result";
import { ACTION_COLUMNS, MEASURE_COLUMNS } from "../../src/model/plan";
import { SheetGrid, displayText } from "../../src/convert/grid";
import { CellValue, SheetSnapshot, TableSnapshot, WorkbookDesign, WorkbookSnapshot } from "../../src/workbook/port";
import { columnLetter, parseCell } from "../../src/workbook/a1";

const TEXT_FIELDS = new Set([...ACTION_COLUMNS, ...MEASURE_COLUMNS].filter((c) => ["id", "text", "longText"].includes(c.meta.kind) || c.key === "parentLink").map((c) => c.key));

export function conservationProblems(snapshot: WorkbookSnapshot, result: ConversionResult): string[] {
  const problems: string[] = [];
  const sources = new Map<string, { text: string }>();
  for (const name of result.proposal.sourceSheets) {
    const sheet = snapshot.sheets.find((s) => s.name === name)!;
    for (const cell of new SheetGrid(sheet).sourceCells()) sources.set(`${name}!${cell.address}`, { text: displayText(cell) });
  }
  const seen = new Map<string, number>();
  const count = (key: string) => seen.set(key, (seen.get(key) ?? 0) + 1);
  const rows = new Map<string, Record<string, unknown>>([...result.actions.map((a) => [`Actions:${a.id}`, a] as const), ...result.measures.map((m) => [`Measures:${m.id}`, m] as const)]);
  for (const m of result.mapped) {
    const key = `${m.sheet}!${m.address}`;
    count(key);
    const source = sources.get(key);
    if (!source) {
      problems.push(`${key} is mapped but is not a source cell`);
      continue;
    }
    if (m.table === "ConversionMap") {
      if (!result.mapRows.some((r) => r.sheet === m.sheet && r.sourceHeader === source.text.trim())) problems.push(`${key} header "${source.text}" is not in the conversion map`);
      continue;
    }
    const row = rows.get(`${m.table}:${m.recordId}`);
    if (!row) {
      problems.push(`${key} points at ${m.table} ${m.recordId}, which is not in the result`);
      continue;
    }
    const v = row[m.field];
    const asWritten = m.field === "dueDate" ? String(row.dueDateText ?? "") : "";
    const kept = (v !== null && v !== undefined && v !== "") || asWritten.includes(source.text.trim());
    if (!kept) problems.push(`${key} "${source.text}" went to ${m.table} ${m.recordId}.${m.field} but the field is empty`);
    if (TEXT_FIELDS.has(m.field) && !String(v).includes(source.text.trim())) problems.push(`${key} "${source.text}" is not in ${m.table} ${m.recordId}.${m.field} ("${String(v)}")`);
  }
  for (const u of result.unmapped) {
    const key = `${u.sheet}!${u.address}`;
    if (!result.proposal.sourceSheets.includes(u.sheet)) continue; // kept from an earlier run
    count(key);
    const source = sources.get(key);
    if (!source) problems.push(`${key} is in Unmapped but is not a source cell`);
    else if (u.text !== source.text) problems.push(`${key} is in Unmapped as "${u.text}", not "${source.text}"`);
  }
  for (const key of sources.keys()) {
    const n = seen.get(key) ?? 0;
    if (n !== 1) problems.push(`${key} "${sources.get(key)!.text}" is placed ${n} times`);
  }
  return problems;
}

/** What a workbook looks like after a design is applied: the adapter's work, done on plain data. */
export function snapshotAfter(snapshot: WorkbookSnapshot, design: WorkbookDesign): WorkbookSnapshot {
  const replaced = new Set(design.sheets.map((s) => s.name));
  const sheets: SheetSnapshot[] = snapshot.sheets.filter((s) => !replaced.has(s.name));
  const tables: TableSnapshot[] = snapshot.tables.filter((t) => !replaced.has(t.sheet));
  for (const s of design.sheets) {
    const grid = new Map<string, CellValue>();
    for (const c of s.cells) if (c.value !== undefined) grid.set(c.address, c.value);
    for (const t of s.tables) {
      const { row, col } = parseCell(t.topLeft);
      t.columns.forEach((c, j) => grid.set(`${columnLetter(col + j)}${row}`, c.header));
      t.rows.forEach((r, i) => r.forEach((v, j) => grid.set(`${columnLetter(col + j)}${row + 1 + i}`, v)));
      tables.push({
        name: t.name,
        sheet: s.name,
        range: `${t.topLeft}:${columnLetter(col + t.columns.length - 1)}${row + Math.max(1, t.rows.length)}`,
        headers: t.columns.map((c) => c.header),
        rows: t.rows.map((r) => [...r]),
      });
    }
    let [bottom, right] = [0, 0];
    for (const a of grid.keys()) {
      const p = parseCell(a);
      bottom = Math.max(bottom, p.row);
      right = Math.max(right, p.col);
    }
    const values = Array.from({ length: bottom }, (_, r) => Array.from({ length: right }, (_, c) => grid.get(`${columnLetter(c + 1)}${r + 1}`) ?? null));
    sheets.push({ name: s.name, visibility: s.visibility, origin: "A1", values, numberFormats: values.map((r) => r.map(() => "General")), merges: [] });
  }
  const names = [...snapshot.names.filter((n) => !design.names.some((d) => d.name === n.name)), ...design.names.map((n) => ({ name: n.name, ref: n.ref.replace(/^=/, "") }))];
  return { sheets, tables, names };
}
