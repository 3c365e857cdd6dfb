// A test double of Excel's JavaScript API for the adapter's tests, the bench and the task pane's
// browser test. It behaves like Excel where it matters: properties must be loaded and synced
// before they are read, commands run only at sync, Excel on the web's 5 MB request/response
// limits apply, and old hosts lack newer APIs. It counts syncs and request bytes.
// It does not calculate formulas: a formula cell reads back the value last written (or "").
// No Node-only APIs here: the task pane bundles this file into a browser page.
import { DEFAULT_HOST, FakeHostOptions, FakeRequestContext } from "./context";
import { FakeApplication, FakeRuntime, FakeWorkbookApi } from "./workbook";
import { FakeError, FakeWorkbookModel, Scalar, parseBox } from "./model";

export type { FakeHostOptions };

/** A WorkbookSnapshot-like description to start from (every part optional). */
export interface FakeSeed {
  sheets?: {
    name: string;
    visibility?: "visible" | "hidden" | "veryHidden";
    /** Address of values[0][0]; "A1" by default. */
    origin?: string;
    /** Strings starting with "=" are entered as formulas, as Excel would. */
    values?: (Scalar | null)[][];
    numberFormats?: (string | null)[][];
    protect?: boolean;
    /** The user's password on the sheet's protection (implies protect). */
    password?: string;
  }[];
  /** Tables over cells already seeded; headers/rows, when given, are written at the range first. */
  tables?: { name: string; sheet: string; range: string; headers?: string[]; rows?: (Scalar | null)[][] }[];
  names?: { name: string; ref: string }[];
  selection?: { sheet: string; address: string };
}

export interface FakeOffice {
  /** Stand-in for the Office global: requirements, host info, onReady. */
  Office: {
    context: { requirements: { isSetSupported(name: string, minVersion?: string): boolean }; host: string; platform: string };
    onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }>;
    HostType: { Excel: string };
    PlatformType: { OfficeOnline: string; PC: string; Mac: string };
  };
  /** Stand-in for the Excel global: run() and the enum values the add-in uses. */
  Excel: {
    run<T>(...args: unknown[]): Promise<T>;
    ConditionalFormatType: Record<string, string>;
    ConditionalCellValueOperator: Record<string, string>;
    SheetVisibility: Record<string, string>;
    CalculationType: Record<string, string>;
    ErrorCodes: Record<string, string>;
  };
  /** The in-memory workbook, for assertions. */
  workbook: FakeWorkbookModel;
  /** Simulates the user typing in a cell: syncs fail or wait (delayForCellEdit) until endCellEdit(). */
  beginCellEdit(): void;
  endCellEdit(): void;
}

export function createFakeOffice(seed: FakeSeed = { sheets: [{ name: "Sheet1" }] }, options: Partial<FakeHostOptions> = {}): FakeOffice {
  const host: FakeHostOptions = { ...DEFAULT_HOST, ...options };
  const model = new FakeWorkbookModel();
  seedModel(model, seed);
  let cellEdit = { active: false, ended: Promise.resolve(), end: () => undefined as void };

  const newContext = (delayForCellEdit: boolean): FakeRequestContext => {
    const context = new FakeRequestContext(model, host, delayForCellEdit, cellEdit);
    context.workbook = new FakeWorkbookApi(context);
    context.application = new FakeApplication(context, "application");
    context.runtime = new FakeRuntime(context, "runtime");
    return context;
  };

  async function run<T>(...args: unknown[]): Promise<T> {
    const batch = args[args.length - 1] as (context: unknown) => Promise<T>;
    const options = (args.length > 1 ? args[0] : {}) as { delayForCellEdit?: boolean };
    if (typeof batch !== "function") throw new TypeError("Excel.run needs a batch function");
    model.stats.runs.push({ delayForCellEdit: options.delayForCellEdit === true });
    const context = newContext(options.delayForCellEdit === true);
    try {
      const result = await batch(context);
      // Stricter than Excel: commands queued after the last sync are a bug in the caller.
      if (context.pendingCommands > 0) throw new Error(`Excel double: ${context.pendingCommands} command(s) were queued after the last context.sync() and never sent.`);
      return result;
    } finally {
      context.close();
    }
  }

  const isSetSupported = (name: string, minVersion = "1.1"): boolean => {
    // ExcelApiOnline is Excel on the web's own set.
    const have = name === "ExcelApi" ? host.apiVersion : name === "ExcelApiOnline" && host.platform === "web" ? "1.1" : host.otherRequirementSets[name];
    if (!have) return false;
    const [hm, hn] = have.split(".").map(Number);
    const [nm, nn] = minVersion.split(".").map(Number);
    return hm > nm || (hm === nm && (hn ?? 0) >= (nn ?? 0));
  };
  const info = { host: "Excel", platform: host.platform === "web" ? "OfficeOnline" : "PC" };

  return {
    Office: {
      context: { requirements: { isSetSupported }, host: info.host, platform: info.platform },
      onReady: async (callback) => {
        callback?.(info);
        return info;
      },
      HostType: { Excel: "Excel" },
      PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
    },
    Excel: {
      run,
      ConditionalFormatType: { cellValue: "CellValue", containsText: "ContainsText", custom: "Custom" },
      ConditionalCellValueOperator: { equalTo: "EqualTo", notEqualTo: "NotEqualTo", between: "Between" },
      SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
      CalculationType: { recalculate: "Recalculate", full: "Full", fullRebuild: "FullRebuild" },
      ErrorCodes: { itemNotFound: "ItemNotFound", invalidArgument: "InvalidArgument", accessDenied: "AccessDenied", responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded" },
    },
    workbook: model,
    beginCellEdit() {
      let end = () => undefined as void;
      const ended = new Promise<void>((resolve) => (end = resolve));
      cellEdit.active = true;
      cellEdit.ended = ended;
      cellEdit.end = end;
    },
    endCellEdit() {
      const done = cellEdit;
      cellEdit = Object.assign(cellEdit, { active: false });
      done.end();
    },
  };
}

const VISIBILITY = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } as const;

function seedModel(model: FakeWorkbookModel, seed: FakeSeed): void {
  for (const s of seed.sheets ?? []) {
    const sheet = model.addSheet(s.name);
    sheet.visibility = VISIBILITY[s.visibility ?? "visible"];
    const origin = parseBox(s.origin ?? "A1");
    s.values?.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === "") return;
        const cell = sheet.touch(origin.r1 + r, origin.c1 + c);
        if (typeof v === "string" && v.startsWith("=")) cell.formula = v;
        else cell.value = v;
      }),
    );
    s.numberFormats?.forEach((row, r) =>
      row.forEach((f, c) => {
        if (f && f !== "General") sheet.touch(origin.r1 + r, origin.c1 + c).numberFormat = f;
      }),
    );
    if (s.protect || s.password !== undefined) sheet.protection = { protected: true, options: {}, password: s.password };
  }
  for (const t of seed.tables ?? []) {
    const sheet = model.sheet(t.sheet);
    const box = parseBox(t.range);
    const write = (r: number, row: (Scalar | null)[]) =>
      row.forEach((v, c) => {
        if (v !== null) sheet.touch(box.r1 + r, box.c1 + c).value = v;
      });
    if (t.headers) write(0, t.headers);
    t.rows?.forEach((row, r) => write(r + 1, row));
    if (model.findTable(t.name)) throw new FakeError("ItemAlreadyExists", `seed: table "${t.name}" twice`);
    model.tables.push({ id: model.newId("table"), name: t.name, sheet, box, style: "TableStyleMedium2", showBandedRows: true });
  }
  for (const n of seed.names ?? []) model.names.push({ name: n.name, formula: n.ref.startsWith("=") ? n.ref : `=${n.ref}`, comment: "" });
  if (seed.selection) model.selection = { ...seed.selection };
  model.activeSheet = model.sheets.find((s) => s.visibility === "Visible")?.name ?? null;
  model.resetStats();
}
