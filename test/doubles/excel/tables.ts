// Tables in the Excel double: the collection, rows.add (growing like Excel) and columns.
import type { FakeRequestContext } from "./context";
import { FakeError, FakeSheet, FakeWorkbookModel, MAX_ROWS, NOT_LOADED, PROTECTED, boxAddress, overlaps } from "./model";
import type { Box, FakeCell, FakeTable, Scalar } from "./model";
import { parseLoad, NOT_FOUND, ClientObject } from "./clientObject";
import type { LoadSpec } from "./clientObject";
import { checkShape, enter, FakeRange } from "./range";
import { FakeWorksheet, loadItems } from "./worksheet";

const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.]*$/;

export class FakeTableCollection extends ClientObject<FakeTable[]> {
  private itemList?: FakeTable_[];
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly scope?: () => FakeSheet,
  ) {
    super(context, path);
  }
  protected find(): FakeTable[] {
    const all = this.context.model.tables;
    if (!this.scope) return all;
    const sheet = this.scope();
    return all.filter((t) => t.sheet === sheet);
  }
  protected scalars(): Record<string, (t: FakeTable[]) => unknown> {
    return { count: (t) => t.length };
  }
  get count(): number {
    return this.readLoaded("count");
  }
  override load(spec?: LoadSpec): this {
    const names = parseLoad(spec, ["name"]).map((n) => n.replace(/^items\//, ""));
    loadItems(
      this.context,
      this.path,
      () => this.find(),
      (t) => new FakeTable_(this.context, `tables.getItem(${t.id})`, () => (this.context.model.tables.includes(t) ? t : null)),
      names,
      (items) => (this.itemList = items),
    );
    return this;
  }
  get items(): FakeTable_[] {
    if (!this.itemList) throw NOT_LOADED("items");
    return this.itemList;
  }
  getItem(name: string): FakeTable_ {
    return new FakeTable_(this.context, `tables.getItem(${name})`, () => {
      const t = this.find().find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!t) throw NOT_FOUND(`table "${name}"`, "Tables.getItem");
      return t;
    });
  }
  getItemOrNullObject(name: string): FakeTable_ {
    return new FakeTable_(this.context, `tables.getItemOrNullObject(${name})`, () => this.find().find((x) => x.name.toLowerCase() === name.toLowerCase()) ?? null, true);
  }
  add(address: string | FakeRange, hasHeaders: boolean): FakeTable_ {
    let created: FakeTable | null = null;
    const where = typeof address === "string" ? address : "(range)";
    this.queueCall("add", [where, hasHeaders], () => {
      const model = this.context.model;
      let sheet: FakeSheet;
      let box: Box;
      if (typeof address === "string") {
        const scoped = this.scope?.();
        ({ sheet, box } = model.resolveReference(address, scoped));
      } else {
        ({ sheet, box } = (address as FakeRange).resolveAtSync());
      }
      if (sheet.protection.protected) throw PROTECTED();
      if (model.tables.some((t) => t.sheet === sheet && overlaps(t.box, box))) throw new FakeError("InvalidOperation", `A table can't overlap another table (${boxAddress(box)}).`);
      if (!hasHeaders) {
        // Excel inserts a header row above the data.
        box = { ...box, r2: box.r2 + 1 };
        for (let c = box.c1; c <= box.c2; c++) sheet.touch(box.r1, c).value = `Column${c - box.c1 + 1}`;
      } else {
        const seen = new Set<string>();
        for (let c = box.c1; c <= box.c2; c++) {
          const cell = sheet.touch(box.r1, c);
          let header = String(cell.value === "" ? `Column${c - box.c1 + 1}` : cell.value);
          for (let n = 2; seen.has(header.toLowerCase()); n++) header = `${cell.value}${n}`;
          seen.add(header.toLowerCase());
          cell.value = header;
          delete cell.formula;
        }
      }
      created = { id: model.newId("table"), name: `Table${model.tables.length + 1}`, sheet, box, style: "TableStyleMedium2", showBandedRows: true };
      while (model.findTable(created.name) || model.findName(created.name)) created.name = `${created.name}_`;
      model.tables.push(created);
    });
    return new FakeTable_(this.context, `tables.add(${where})`, () => created);
  }
}

/**
 * What the double grants a table that grows by `count` rows at the bottom (rows.add, or values
 * written just below it): the rows join the table and a calculated column (every data cell holding
 * the same formula) fills them, as Excel documents for calculated columns. Nothing else: Microsoft
 * documents no inheritance of locking, number formats, validation or conditional formats, so the
 * double grants none and the add-in must set them (issue 10, item 5).
 */
export function growTable(t: FakeTable, count: number): void {
  const firstData = t.box.r1 + 1;
  const last = t.box.r2;
  const sheet = t.sheet;
  const newBottom = last + count;
  if (last >= firstData) {
    for (let c = t.box.c1; c <= t.box.c2; c++) {
      let formula = sheet.cell(firstData, c)?.formula;
      for (let r = firstData + 1; r <= last && formula !== undefined; r++) if (sheet.cell(r, c)?.formula !== formula) formula = undefined;
      if (formula === undefined) continue;
      for (let r = last + 1; r <= newBottom; r++) {
        const cell = sheet.touch(r, c);
        if (cell.value !== "" || cell.formula !== undefined) continue;
        cell.formula = formula;
        cell.value = "";
      }
    }
  }
  t.box = { ...t.box, r2: newBottom };
}

/**
 * Moves everything in columns c1..c2 from row `from` down by `count` rows (Excel's insert with shift
 * down, and what table rows.add does to the cells under a table): cells, validation, conditional
 * formats and tables entirely within those columns. A table only partly in the columns refuses.
 */
export function shiftDown(model: FakeWorkbookModel, sheet: FakeSheet, from: number, c1: number, c2: number, count: number): void {
  for (const x of model.tables)
    if (x.sheet === sheet && x.box.r2 >= from && x.box.c2 >= c1 && x.box.c1 <= c2 && (x.box.c1 < c1 || x.box.c2 > c2) && x.box.r1 >= from)
      throw new FakeError("InvalidOperation", "This operation is not allowed. The operation is attempting to shift cells in a table on your worksheet.");
  if ((sheet.usedBox(false)?.r2 ?? 0) + count > MAX_ROWS) throw new FakeError("InvalidOperation", "This operation is not allowed because it tries to shift cells off the end of the sheet.");
  const moved = new Map<number, FakeCell>();
  for (const [key, cell] of sheet.cells) {
    const row = FakeSheet.rowOf(key);
    const col = FakeSheet.colOf(key);
    if (col < c1 || col > c2 || row < from) continue;
    sheet.cells.delete(key);
    moved.set(FakeSheet.key(row + count, col), cell);
  }
  for (const [key, cell] of moved) sheet.cells.set(key, cell);
  const move = (box: Box): Box => (box.r1 >= from && box.c1 >= c1 && box.c2 <= c2 ? { ...box, r1: box.r1 + count, r2: box.r2 + count } : box);
  for (const v of sheet.validations) v.box = move(v.box);
  for (const f of sheet.conditionalFormats) f.box = move(f.box);
  for (const x of model.tables) if (x.sheet === sheet) x.box = move(x.box);
}

function tableHeaders(t: FakeTable): string[] {
  const out: string[] = [];
  for (let c = t.box.c1; c <= t.box.c2; c++) out.push(String(t.sheet.cell(t.box.r1, c)?.value ?? ""));
  return out;
}

/** A table (named with a trailing underscore so it does not clash with the model's FakeTable). */
class FakeTable_ extends ClientObject<FakeTable> {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly resolve: () => FakeTable | null,
    orNull = false,
  ) {
    super(context, path, orNull);
  }
  protected find(): FakeTable | null {
    return this.resolve();
  }
  protected scalars(): Record<string, (t: FakeTable) => unknown> {
    return { name: (t) => t.name, id: (t) => t.id, style: (t) => t.style, showBandedRows: (t) => t.showBandedRows };
  }
  get name(): string {
    return this.readLoaded("name");
  }
  set name(name: string) {
    this.queueSet("name", name, (t) => {
      const model = this.context.model;
      if (!TABLE_NAME.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[rc]$/i.test(name))
        throw new FakeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: table name "${name}".`);
      const other = model.findTable(name);
      if ((other && other !== t) || model.findName(name)) throw new FakeError("ItemAlreadyExists", `A resource with the same name or identifier already exists: "${name}".`);
      t.name = name;
    });
  }
  get id(): string {
    return this.readLoaded("id");
  }
  get style(): string {
    return this.readLoaded("style");
  }
  set style(style: string) {
    this.queueSet("style", style, (t) => (t.style = style));
  }
  get showBandedRows(): boolean {
    return this.readLoaded("showBandedRows");
  }
  set showBandedRows(show: boolean) {
    this.queueSet("showBandedRows", show, (t) => (t.showBandedRows = show));
  }
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, `${this.path}.worksheet`, () => this.find()?.sheet ?? null);
  }
  private part(name: string, box: (t: FakeTable) => Box | null): FakeRange {
    return new FakeRange(this.context, `${this.path}.${name}()`, () => {
      const t = this.target();
      const b = box(t);
      if (!b) throw new FakeError("ItemNotFound", `Table "${t.name}" has no data rows.`);
      return { sheet: t.sheet, box: b };
    });
  }
  getRange(): FakeRange {
    return this.part("getRange", (t) => t.box);
  }
  getHeaderRowRange(): FakeRange {
    return this.part("getHeaderRowRange", (t) => ({ ...t.box, r2: t.box.r1 }));
  }
  getDataBodyRange(): FakeRange {
    return this.part("getDataBodyRange", (t) => (t.box.r2 > t.box.r1 ? { ...t.box, r1: t.box.r1 + 1 } : null));
  }
  /** The table's AutoFilter (ExcelApi 1.9). */
  get autoFilter(): FakeAutoFilter {
    this.context.requireApi("1.9", "Table.autoFilter");
    return new FakeAutoFilter(this.context, `${this.path}.autoFilter`, () => this.find());
  }
  get columns(): FakeTableColumnCollection {
    return new FakeTableColumnCollection(this.context, `${this.path}.columns`, () => this.target());
  }
  get rows(): { add: (index?: number | null, values?: Scalar[][]) => void } {
    return {
      add: (index?: number | null, values?: Scalar[][]) =>
        this.queueCall(
          "rows.add",
          [index ?? null, values ?? null],
          (t) => {
            if (index !== undefined && index !== null) throw new FakeError("NotImplemented", "The Excel double only appends table rows (index null).");
            // Excel cannot grow a table on a protected sheet, whatever is locked.
            if (t.sheet.protection.protected) throw PROTECTED();
            const count = values?.length ?? 1;
            if (t.box.r2 + count > MAX_ROWS)
              throw new FakeError("InvalidOperation", "This operation is not allowed because it tries to shift cells in a table on your worksheet past the end of the sheet.");
            const below: Box = { r1: t.box.r2 + 1, c1: t.box.c1, r2: t.box.r2 + count, c2: t.box.c2 };
            const target = { sheet: t.sheet, box: below };
            if (values) checkShape(target, values, "values");
            // Excel inserts table rows: what was under the table moves down, it is not overwritten.
            shiftDown(this.context.model, t.sheet, below.r1, t.box.c1, t.box.c2, count);
            growTable(t, count);
            if (values) values.forEach((row, r) => row.forEach((v, c) => enter(t.sheet.touch(below.r1 + r, below.c1 + c), v)));
          },
          "write",
          true,
        ),
    };
  }
  delete(): void {
    this.queueCall("delete", [], (t) => {
      const model = this.context.model;
      model.tables.splice(model.tables.indexOf(t), 1);
    });
  }
}

class FakeTableColumnCollection extends ClientObject<FakeTable> {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly resolve: () => FakeTable,
  ) {
    super(context, path);
  }
  protected find(): FakeTable | null {
    return this.resolve();
  }
  protected scalars(): Record<string, (t: FakeTable) => unknown> {
    return { count: (t) => t.box.c2 - t.box.c1 + 1 };
  }
  get count(): number {
    return this.readLoaded("count");
  }
  private column(name: string, orNull: boolean): FakeTableColumn {
    return new FakeTableColumn(
      this.context,
      `${this.path}.getItem${orNull ? "OrNullObject" : ""}(${name})`,
      () => {
        const t = this.target();
        const index = tableHeaders(t).findIndex((h) => h.toLowerCase() === name.toLowerCase());
        if (index < 0) {
          if (orNull) return null;
          throw NOT_FOUND(`column "${name}" of table "${t.name}"`, "TableColumns.getItem");
        }
        return { table: t, index };
      },
      orNull,
    );
  }
  getItem(name: string): FakeTableColumn {
    return this.column(name, false);
  }
  getItemOrNullObject(name: string): FakeTableColumn {
    return this.column(name, true);
  }
}

interface ColumnTarget {
  table: FakeTable;
  index: number;
}

class FakeTableColumn extends ClientObject<ColumnTarget> {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly resolve: () => ColumnTarget | null,
    orNull: boolean,
  ) {
    super(context, path, orNull);
  }
  protected find(): ColumnTarget | null {
    return this.resolve();
  }
  protected scalars(): Record<string, (c: ColumnTarget) => unknown> {
    return { name: (c) => tableHeaders(c.table)[c.index], index: (c) => c.index };
  }
  get name(): string {
    return this.readLoaded("name");
  }
  get index(): number {
    return this.readLoaded("index");
  }
  private part(name: string, rowsOf: (t: FakeTable) => [number, number] | null): FakeRange {
    return new FakeRange(this.context, `${this.path}.${name}()`, () => {
      const c = this.target();
      const span = rowsOf(c.table);
      if (!span) throw new FakeError("ItemNotFound", `Table "${c.table.name}" has no data rows.`);
      const col = c.table.box.c1 + c.index;
      return { sheet: c.table.sheet, box: { r1: span[0], r2: span[1], c1: col, c2: col } };
    });
  }
  getDataBodyRange(): FakeRange {
    return this.part("getDataBodyRange", (t) => (t.box.r2 > t.box.r1 ? [t.box.r1 + 1, t.box.r2] : null));
  }
  getHeaderRowRange(): FakeRange {
    return this.part("getHeaderRowRange", (t) => [t.box.r1, t.box.r1]);
  }
  getRange(): FakeRange {
    return this.part("getRange", (t) => [t.box.r1, t.box.r2]);
  }
}

// ---------------------------------------------------------------- names

/** A table's AutoFilter: whether criteria hide rows, and clearing them (ExcelApi 1.9). */
class FakeAutoFilter extends ClientObject<FakeTable> {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly resolve: () => FakeTable | null,
  ) {
    super(context, path);
  }
  protected find(): FakeTable | null {
    return this.resolve();
  }
  protected scalars(): Record<string, (t: FakeTable) => unknown> {
    return { enabled: () => true, isDataFiltered: (t) => (t.filter?.hiddenRows.size ?? 0) > 0 };
  }
  get enabled(): boolean {
    return this.readLoaded("enabled");
  }
  get isDataFiltered(): boolean {
    return this.readLoaded("isDataFiltered");
  }
  clearCriteria(): void {
    this.queueCall("clearCriteria", [], (t) => {
      if (t.sheet.protection.protected) throw PROTECTED();
      delete t.filter;
    });
  }
}
