// Worksheets in the Excel double: the collection, protection, page layout and freeze panes.
import type { FakeRequestContext } from "./context";
import { FakeError, FakeSheet, NOT_LOADED, parseBox } from "./model";
import { parseLoad, NOT_FOUND, ClientObject } from "./clientObject";
import type { LoadSpec } from "./clientObject";
import { FakeRange } from "./range";
import { FakeTableCollection } from "./tables";
import { jsonBytes } from "../../../src/excel/chunks";

export class FakeWorksheet extends ClientObject<FakeSheet> {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly resolve: () => FakeSheet | null,
    orNull = false,
  ) {
    super(context, path, orNull);
  }
  protected find(): FakeSheet | null {
    return this.resolve();
  }
  protected scalars(): Record<string, (s: FakeSheet) => unknown> {
    return {
      name: (s) => s.name,
      id: (s) => s.id,
      visibility: (s) => s.visibility,
      position: (s) => this.context.model.sheets.indexOf(s),
    };
  }
  get name(): string {
    return this.readLoaded("name");
  }
  set name(name: string) {
    this.queueSet("name", name, (s) => {
      const other = this.context.model.findSheet(name);
      if (other && other !== s) throw new FakeError("ItemAlreadyExists", `A resource with the same name or identifier already exists: "${name}".`);
      s.name = name;
    });
  }
  get id(): string {
    return this.readLoaded("id");
  }
  get position(): number {
    return this.readLoaded("position");
  }
  get visibility(): string {
    return this.readLoaded("visibility");
  }
  set visibility(visibility: string) {
    this.queueSet("visibility", visibility, (s) => {
      if (!["Visible", "Hidden", "VeryHidden"].includes(visibility)) throw new FakeError("InvalidArgument", `Unknown sheet visibility "${visibility}".`);
      if (visibility !== "Visible" && this.context.model.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0)
        throw new FakeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      s.visibility = visibility as FakeSheet["visibility"];
    });
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, `${this.path}.getRange(${address ?? ""})`, () => {
      const sheet = this.target();
      return { sheet, box: address === undefined ? parseBox("A1:XFD1048576") : parseBox(address) };
    });
  }
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, `${this.path}.getUsedRange(${valuesOnly})`, () => {
      const sheet = this.target();
      return { sheet, box: sheet.usedBox(valuesOnly) ?? parseBox("A1") };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    this.context.requireApi("1.4", "Worksheet.getUsedRangeOrNullObject");
    return new FakeRange(
      this.context,
      `${this.path}.getUsedRangeOrNullObject(${valuesOnly})`,
      () => {
        const sheet = this.target();
        const box = sheet.usedBox(valuesOnly);
        return box ? { sheet, box } : null;
      },
      true,
    );
  }
  get tables(): FakeTableCollection {
    return new FakeTableCollection(this.context, `${this.path}.tables`, () => this.target());
  }
  get freezePanes(): { freezeRows: (count?: number) => void; unfreeze: () => void } {
    this.context.requireApi("1.7", "Worksheet.freezePanes");
    return {
      freezeRows: (count = 1) => this.queueCall("freezePanes.freezeRows", [count], (s) => (s.frozenRows = count)),
      unfreeze: () => this.queueCall("freezePanes.unfreeze", [], (s) => (s.frozenRows = 0)),
    };
  }
  get protection(): FakeSheetProtection {
    return new FakeSheetProtection(this.context, `${this.path}.protection`, () => this.find());
  }
  get pageLayout(): FakePageLayout {
    this.context.requireApi("1.9", "Worksheet.pageLayout");
    return new FakePageLayout(this.context, `${this.path}.pageLayout`, () => this.find());
  }
  activate(): void {
    this.queueCall(
      "activate",
      [],
      (s) => {
        if (s.visibility !== "Visible") throw new FakeError("InvalidOperation", `Cannot activate hidden sheet "${s.name}".`);
        this.context.model.activeSheet = s.name;
      },
      "method",
    );
  }
  delete(): void {
    this.queueCall("delete", [], (s) => {
      const model = this.context.model;
      if (model.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0) throw new FakeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      model.sheets.splice(model.sheets.indexOf(s), 1);
      for (let i = model.tables.length - 1; i >= 0; i--) if (model.tables[i].sheet === s) model.tables.splice(i, 1);
      if (model.activeSheet === s.name) model.activeSheet = model.sheets.find((x) => x.visibility === "Visible")?.name ?? null;
      if (model.selection?.sheet === s.name) model.selection = null;
    });
  }
}

/** Every member of WorksheetProtectionOptions; a load returns all of them. */
const PROTECTION_OPTIONS = [
  "allowAutoFilter",
  "allowDeleteColumns",
  "allowDeleteRows",
  "allowEditObjects",
  "allowEditScenarios",
  "allowFormatCells",
  "allowFormatColumns",
  "allowFormatRows",
  "allowInsertColumns",
  "allowInsertHyperlinks",
  "allowInsertRows",
  "allowPivotTables",
  "allowSort",
  "selectionMode",
];

class FakeSheetProtection extends ClientObject<FakeSheet> {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly resolve: () => FakeSheet | null,
  ) {
    super(context, path);
  }
  protected find(): FakeSheet | null {
    return this.resolve();
  }
  protected scalars(): Record<string, (s: FakeSheet) => unknown> {
    return {
      protected: (s) => s.protection.protected,
      // Members never set come back null, and such an object is not a valid argument to protect()
      // (office-js #1931): the double hands back the same trap.
      options: (s) => Object.fromEntries(PROTECTION_OPTIONS.map((k) => [k, s.protection.options[k] ?? null])),
      // ExcelApiOnline 1.1: Excel on the web only; desktop and Mac fail the request.
      isPasswordProtected: (s) => {
        if (this.context.host.platform !== "web")
          throw new FakeError(
            "ApiNotFound",
            "The API you are trying to use could not be found (WorksheetProtection.isPasswordProtected needs ExcelApiOnline 1.1).",
            "WorksheetProtection.isPasswordProtected",
          );
        return s.protection.protected && s.protection.password !== undefined;
      },
    };
  }
  get protected(): boolean {
    return this.readLoaded("protected");
  }
  get options(): Record<string, unknown> {
    return this.readLoaded("options");
  }
  get isPasswordProtected(): boolean {
    return this.readLoaded("isPasswordProtected");
  }
  protect(options?: Record<string, unknown>, password?: string): void {
    this.queueCall("protect", [options ?? {}, password === undefined ? undefined : "***"], (s) => {
      // Protecting a protected sheet (or unprotecting an unprotected one) is AccessDenied (office-js #6784).
      if (s.protection.protected) throw new FakeError("AccessDenied", `Sheet "${s.name}" is already protected.`, "WorksheetProtection.protect");
      for (const [k, v] of Object.entries(options ?? {}))
        if (v === null || (k === "selectionMode" ? typeof v !== "string" : typeof v !== "boolean") || !PROTECTION_OPTIONS.includes(k))
          throw new FakeError(
            "GeneralException",
            `There was an internal error while processing the request (protection option ${k} = ${JSON.stringify(v)}; office-js #1931).`,
            "WorksheetProtection.protect",
          );
      s.protection = { protected: true, options: { ...(options ?? {}) }, password };
    });
  }
  unprotect(password?: string): void {
    this.queueCall("unprotect", [password === undefined ? undefined : "***"], (s) => {
      if (!s.protection.protected) throw new FakeError("AccessDenied", `Sheet "${s.name}" is not protected (office-js #6784).`, "WorksheetProtection.unprotect");
      if (s.protection.password !== undefined && s.protection.password !== password)
        throw new FakeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format: the password is not correct.", "WorksheetProtection.unprotect");
      s.protection = { protected: false, options: {} };
    });
  }
}

class FakePageLayout extends ClientObject<FakeSheet> {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly resolve: () => FakeSheet | null,
  ) {
    super(context, path);
  }
  protected find(): FakeSheet | null {
    return this.resolve();
  }
  protected scalars(): Record<string, (s: FakeSheet) => unknown> {
    return { orientation: (s) => s.pageLayout.orientation, paperSize: (s) => s.pageLayout.paperSize, zoom: (s) => ({ ...s.pageLayout.zoom }), printOrder: (s) => s.pageLayout.printOrder };
  }
  get orientation(): string {
    return this.readLoaded("orientation");
  }
  set orientation(o: string) {
    this.queueSet("orientation", o, (s) => (s.pageLayout.orientation = o));
  }
  get paperSize(): string {
    return this.readLoaded("paperSize");
  }
  set paperSize(p: string) {
    this.queueSet("paperSize", p, (s) => (s.pageLayout.paperSize = p));
  }
  get zoom(): Record<string, unknown> {
    return this.readLoaded("zoom");
  }
  set zoom(z: Record<string, unknown>) {
    this.queueSet("zoom", z, (s) => {
      // Only documented values (PageLayoutZoomOptions): whole page counts from 1, a scale of 10-400.
      for (const [k, v] of Object.entries(z ?? {})) {
        const ok = k === "scale" ? typeof v === "number" && v >= 10 && v <= 400 : (k === "horizontalFitToPages" || k === "verticalFitToPages") && Number.isInteger(v) && (v as number) >= 1;
        if (!ok)
          throw new FakeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: zoom ${k} = ${JSON.stringify(v)} is not a documented value.`, "PageLayout.zoom");
      }
      s.pageLayout.zoom = { ...z };
    });
  }
  setPrintTitleRows(rows: string): void {
    this.queueCall("setPrintTitleRows", [rows], (s) => {
      parseBox(rows);
      s.pageLayout.printTitleRows = rows;
    });
  }
  setPrintTitleColumns(columns: string): void {
    this.queueCall("setPrintTitleColumns", [columns], (s) => {
      parseBox(columns);
      s.pageLayout.printTitleColumns = columns;
    });
  }
  setPrintArea(area: string): void {
    this.queueCall("setPrintArea", [area], (s) => {
      parseBox(area);
      s.pageLayout.printArea = area;
    });
  }
  get printOrder(): string {
    return this.readLoaded("printOrder");
  }
  set printOrder(order: string) {
    this.queueSet("printOrder", order, (s) => (s.pageLayout.printOrder = order));
  }
}

export class FakeWorksheetCollection extends ClientObject<FakeSheet[]> {
  private itemList?: FakeWorksheet[];
  protected find(): FakeSheet[] {
    return this.context.model.sheets;
  }
  protected scalars(): Record<string, (s: FakeSheet[]) => unknown> {
    return { count: (s) => s.length };
  }
  get count(): number {
    return this.readLoaded("count");
  }
  /** Loads items: "items/name, items/visibility" or "name, visibility". */
  override load(spec?: LoadSpec): this {
    const names = parseLoad(spec, ["name"]).map((n) => n.replace(/^items\//, ""));
    loadItems(
      this.context,
      "worksheets",
      () => this.context.model.sheets,
      (s) => new FakeWorksheet(this.context, `worksheets.getItem(${s.id})`, () => (this.context.model.sheets.includes(s) ? s : null)),
      names,
      (items) => (this.itemList = items),
    );
    return this;
  }
  get items(): FakeWorksheet[] {
    if (!this.itemList) throw NOT_LOADED("items");
    return this.itemList;
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, `worksheets.getItem(${name})`, () => {
      const s = this.context.model.findSheet(name);
      if (!s) throw NOT_FOUND(`worksheet "${name}"`, "Worksheets.getItem");
      return s;
    });
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, `worksheets.getItemOrNullObject(${name})`, () => this.context.model.findSheet(name) ?? null, true);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, "worksheets.getActiveWorksheet()", () => {
      const name = this.context.model.activeSheet;
      return name ? (this.context.model.findSheet(name) ?? null) : null;
    });
  }
  add(name?: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    this.queueCall("add", [name], () => {
      created = this.context.model.addSheet(name ?? `Sheet${this.context.model.sheets.length + 1}`);
    });
    return new FakeWorksheet(this.context, `worksheets.add(${name})`, () => created);
  }
}

/** Queues a load of a collection's items; items get proxies whose listed properties are loaded. */
export function loadItems<E, P extends ClientObject<E>>(context: FakeRequestContext, path: string, list: () => E[], proxy: (e: E) => P, names: string[], commit: (items: P[]) => void): void {
  let snapshot: { entity: E; proxy: P }[] = [];
  let response = 0;
  context.enqueue(
    path,
    "load",
    names.map((n) => `items/${n}`),
    {
      kind: "load",
      run: () => {
        snapshot = list().map((entity) => ({ entity, proxy: proxy(entity) }));
        const readers = snapshot.map(({ proxy: p }) => p.readersForItems());
        const loaded = snapshot.map(({ entity }, i) => {
          const row: Record<string, unknown> = {};
          for (const n of names) {
            const read = readers[i][n];
            if (!read) throw new FakeError("PropertyNotFound", `The property '${n}' is not part of items of ${path} in the Excel double.`);
            row[n] = read(entity);
          }
          return row;
        });
        response = jsonBytes(loaded);
        return () => {
          snapshot.forEach(({ proxy: p }, i) => p.adoptLoaded(loaded[i]));
          commit(snapshot.map((s) => s.proxy));
        };
      },
      responseBytes: () => response,
    },
  );
}

// ---------------------------------------------------------------- tables
