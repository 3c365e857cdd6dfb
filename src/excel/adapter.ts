/// <reference types="office-js" />
// The WorkbookPort inside Excel (office.js). Every command runs in one Excel.run with a small fixed
// number of syncs whatever the row count: read() 2 (3 for a plan over about 6,000 rows), apply() 3
// (its checks ride in the first write request; when designed sheets already exist or a very big
// plan needs a second write request, the recalculation rides in the last write instead), writeColumn() 3,
// addRows() 3, replaceRows() 3, setNamedValue() 3, select() 1, update() 3 (shape, columns, writes:
// with calculation left automatic, as the budget of 3 leaves no sync for a recalculation request);
// each other write ends with a small recalculation request after calculation has resumed (see sendSteps). Writes go out whole-range, values then
// formulas then formats, with calculation suspended and events off; a write over 4 MB is split
// across extra syncs (Excel on the web rejects requests over 5 MB); read() reads big sheets in row blocks
// under 4.4 MB an answer, the first riding with the metadata. Both are counted by the bench.
import type { CellValue, ReadRequest, SheetSnapshot, TableSnapshot, WorkbookDesign, WorkbookEdit, WorkbookPort, WorkbookSnapshot } from "../workbook/port";
import { columnsAsked } from "../workbook/port";
import { columnLetter, parseBox, parseSheetBox, SheetBox } from "../workbook/a1";
import { REQUEST_LIMIT_BYTES, REQUEST_MARGIN_BYTES, blockBytesFor, jsonBytes, packRequests, splitRows } from "./chunks";
import { fromExcelValue, toExcelInput } from "./cellInput";
import { checkDesign, DesignError } from "./designChecks";
import { designSteps, ExcelStep, setSheetAliases } from "./designSteps";
import { RequirementProbe, requireExcelApi } from "./requirements";
import { sendSteps } from "./sendSteps";
import { SHEETS, TABLES } from "../workbook/names";
import { addRowsCountProblem } from "../workbook/addRows";
import { hasPassword, liftProtection, passwordMessage, PLAN_SHEET_PROTECTION, ProtectionRead, protectionFields, protectionRead, restoreProtection } from "./protection";

/** Runs a batch against Excel; Excel.run in the add-in, the double's run in tests and the bench. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelWorkbookOptions {
  /** Defaults to Excel.run with delayForCellEdit, so a user typing in a cell delays us instead of failing us. */
  run?: ExcelRunner;
  /** Defaults to Office.context.requirements; null skips the check. */
  requirements?: RequirementProbe | null;
  /** Ceiling for one request; 4 MB unless a test wants it smaller. */
  requestLimitBytes?: number;
  /** Size aimed at for each answer when a whole-workbook read is too big for one response (web). */
  readResponseTargetBytes?: number;
  /** Most cells read in one range; Excel desktop may answer null above about 5 million. */
  readBlockCells?: number;
}

/** An error meant for the user: what went wrong and where, in one line. */
class ExcelCommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ExcelCommandError";
  }
}

/** Answers above 5 MB fail on the web; each read answer aims at 4.4 MB to leave room for a wrong guess. */
const READ_RESPONSE_TARGET_BYTES = 4.4 * 1024 * 1024;
/** The plan's two big sheets, whose first rows ride in read()'s first request (guessing they exist). */
const SPECULATIVE_SHEETS = [SHEETS.actions, SHEETS.measures];
/** Before the first sync a sheet's width and cells are unknown: a plan's are about 21-30 columns of 14-36 bytes. */
const GUESS_COLUMNS = 32;
const GUESS_BYTES_PER_CELL = 22;
/** Errors that mean the guess in read()'s first request missed (no such sheet, or too big an answer). */
const SPECULATION_MISSES = new Set(["ItemNotFound", "ResponsePayloadSizeLimitExceeded"]);
/** Kept free in read()'s second answer for the sheets read whole (a plan's small ones). */
const OTHER_SHEETS_RESERVE_BYTES = 256 * 1024;
/** Tables whose sheets are plan data: read without number formats (convert needs them for loose sheets only). */
const DATA_TABLES = new Set([TABLES.actions, TABLES.measures, TABLES.updates, TABLES.register].map((n) => n.toLowerCase()));
/** Before we have seen a sheet's cells: a value plus its number format, generously. */
const FIRST_GUESS_BYTES_PER_CELL = 48;
/**
 * Excel desktop may return null for reads of over 5 million cells (performance page, "Read or write
 * large data"): one range read stays at 1 million, and a workbook over 25 million is refused.
 */
const READ_BLOCK_CELLS = 1_000_000;
const MAX_READ_CELLS = 25_000_000;
/** Thrown inside read() when a whole-sheet read came back null, to read again in blocks. */
const NULL_READ = new Error("Excel answered a read with null");
/** Columns whose validation addRows() reads in its first sync; a plan's tables have about 21-30. */
const VALIDATION_GUESS_COLUMNS = 40;

const defaultRun: ExcelRunner = (batch) => Excel.run({ delayForCellEdit: true }, batch);

function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : undefined;
}

function defaultProbe(): RequirementProbe | null {
  return typeof Office !== "undefined" && Office.context?.requirements ? Office.context.requirements : null;
}

interface SheetGrid {
  name: string;
  visibility: SheetSnapshot["visibility"];
  /** Null when the sheet has no values. */
  box: SheetBox | null;
  values: CellValue[][];
  numberFormats: string[][];
}

interface ReadMeta {
  sheetList: { name: string; visibility: SheetSnapshot["visibility"] }[];
  tableNames: string[];
  nameList: { name: string; ref: string }[];
}

/** A sheet read from the top in row blocks: the next row to read and what a row has cost so far. */
interface BlockWork {
  grid: SheetGrid;
  box: SheetBox;
  next: number;
  bytesPerRow: number;
}

function boxAddress(box: SheetBox): string {
  return `${columnLetter(box.left)}${box.top}:${columnLetter(box.right)}${box.bottom}`;
}

const VISIBILITY: Record<string, SheetSnapshot["visibility"]> = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" };

export class ExcelWorkbook implements WorkbookPort {
  private readonly runner: ExcelRunner;
  private readonly probe: RequirementProbe | null;
  private hostChecked = false;
  constructor(private readonly options: ExcelWorkbookOptions = {}) {
    this.runner = options.run ?? defaultRun;
    this.probe = options.requirements === undefined ? defaultProbe() : options.requirements;
  }

  private blockCells(): number {
    return this.options.readBlockCells ?? READ_BLOCK_CELLS;
  }

  private run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    if (!this.hostChecked && this.probe) requireExcelApi(this.probe);
    this.hostChecked = true;
    return this.runner(batch);
  }

  async read(): Promise<WorkbookSnapshot> {
    return this.run(async (context) => {
      const target = this.options.readResponseTargetBytes ?? READ_RESPONSE_TARGET_BYTES;
      let meta: ReadMeta;
      let started: BlockWork[];
      try {
        ({ meta, started } = await this.readFirst(context, target, true));
      } catch (error) {
        // A workbook without the plan's data sheets (or one whose first block was too big):
        // the same first request without the guess.
        if (!SPECULATION_MISSES.has(errorCode(error) ?? "")) throw error;
        ({ meta, started } = await this.readFirst(context, target, false));
      }
      const { sheetList, tableNames, nameList } = meta;
      let grids: SheetGrid[];
      let tableBoxes: SheetBox[];
      try {
        ({ grids, tableBoxes } = await this.readRest(context, meta, started, target));
      } catch (error) {
        // Too big an answer for the web, or too many cells for desktop (which answers null).
        if (errorCode(error) !== "ResponsePayloadSizeLimitExceeded" && error !== NULL_READ) throw error;
        ({ grids, tableBoxes } = await this.readInBlocks(context, sheetList, tableNames));
      }
      // Sheets holding the plan's data tables are read without number formats (convert needs
      // them only for loose sheets): drop any read anyway, and fetch any a wrong guess skipped.
      const structured = new Set(tableNames.flatMap((name, i) => (DATA_TABLES.has(name.toLowerCase()) ? [tableBoxes[i].sheet.toLowerCase()] : [])));
      const missing = grids.filter((g) => g.box !== null && !structured.has(g.name.toLowerCase()) && g.numberFormats.length !== g.values.length);
      if (missing.length > 0) {
        const ranges = missing.map((g) =>
          context.workbook.worksheets
            .getItem(g.name)
            .getRange(boxAddress(g.box as SheetBox))
            .load("numberFormat"),
        );
        await context.sync();
        missing.forEach((g, i) => (g.numberFormats = ranges[i].numberFormat as string[][]));
      }
      for (const g of grids) if (structured.has(g.name.toLowerCase())) g.numberFormats = [];
      const byName = new Map(grids.map((g) => [g.name.toLowerCase(), g]));
      const tableSnapshots: TableSnapshot[] = tableNames.map((name, i) => tableSnapshot(name, tableBoxes[i], byName.get(tableBoxes[i].sheet.toLowerCase())));
      const sheets: SheetSnapshot[] = grids.map((g) => ({
        name: g.name,
        visibility: g.visibility,
        origin: g.box ? `${columnLetter(g.box.left)}${g.box.top}` : "A1",
        values: g.values,
        numberFormats: g.numberFormats,
      }));
      return { sheets, tables: tableSnapshots, names: nameList };
    });
  }

  /**
   * Sync 1 of read(): sheets, tables and names, and (speculating) the first rows of the plan's two
   * big sheets, values only, sized by a generous guess at their cost so the answer stays under
   * the target. A big plan cannot fit two answers under the web's 5 MB, so its data must start here.
   */
  private async readFirst(context: Excel.RequestContext, target: number, speculate: boolean): Promise<{ meta: ReadMeta; started: BlockWork[] }> {
    const worksheets = context.workbook.worksheets.load("items/name, items/visibility");
    const tables = context.workbook.tables.load("items/name");
    const names = context.workbook.names.load("items/name, items/formula");
    const firstRows = Math.max(1, Math.floor(target / (SPECULATIVE_SHEETS.length * GUESS_COLUMNS * GUESS_BYTES_PER_CELL)));
    const guesses = (speculate ? SPECULATIVE_SHEETS : []).map((name) => {
      const sheet = context.workbook.worksheets.getItem(name);
      const used = sheet.getUsedRange(true).load("address");
      return { name, used, first: sheet.getRange(`1:${firstRows}`).getIntersection(used).load("address, values") };
    });
    await context.sync();
    const meta: ReadMeta = {
      sheetList: worksheets.items.map((s) => ({ name: s.name, visibility: VISIBILITY[s.visibility] ?? "visible" })),
      tableNames: tables.items.map((t) => t.name),
      nameList: names.items.map((n) => ({ name: n.name, ref: String(n.formula).replace(/^=/, "") })),
    };
    const started: BlockWork[] = [];
    for (const g of guesses) {
      const s = meta.sheetList.find((x) => x.name.toLowerCase() === g.name.toLowerCase());
      if (!s) continue;
      const box = parseSheetBox(g.used.address);
      const values = g.first.values;
      const empty = box.top === box.bottom && box.left === box.right && values[0]?.[0] === "";
      const grid: SheetGrid = { ...s, box: empty ? null : box, values: empty ? [] : values.map((row) => row.map(fromExcelValue)), numberFormats: [] };
      const rows = parseSheetBox(g.first.address);
      started.push({ grid, box, next: rows.bottom + 1, bytesPerRow: Math.max(4, jsonBytes(values) / values.length) });
    }
    return { meta, started };
  }

  /** Syncs 2 and on: table addresses, the other sheets whole, and the started sheets' remaining rows in response-sized blocks. */
  private async readRest(context: Excel.RequestContext, meta: ReadMeta, started: BlockWork[], target: number) {
    const { sheetList, tableNames } = meta;
    const startedNames = new Set(started.map((w) => w.grid.name.toLowerCase()));
    const likelyStructured = new Set(tableNames.filter((n) => DATA_TABLES.has(n.toLowerCase())).map((n) => n.toLowerCase()));
    const others = sheetList
      .filter((s) => !startedNames.has(s.name.toLowerCase()))
      .map((s) => {
        const formats = !likelyStructured.has(s.name.toLowerCase());
        return {
          s,
          formats,
          range: context.workbook.worksheets
            .getItem(s.name)
            .getUsedRangeOrNullObject(true)
            .load(formats ? "address, values, numberFormat" : "address, values"),
        };
      });
    const tableRanges = tableNames.map((n) => context.workbook.tables.getItem(n).getRange().load("address"));
    // The other sheets are small in a plan; a loose workbook too big for this falls back to blocks.
    let budget = target - (others.length > 0 ? Math.min(OTHER_SHEETS_RESERVE_BYTES, target / 8) : 0);
    const pending = (w: BlockWork) => w.grid.box !== null && w.next <= w.box.bottom;
    let first = true;
    while (first || started.some(pending)) {
      const group: { w: BlockWork; range: Excel.Range }[] = [];
      let estimate = 0;
      for (const w of started.filter(pending)) {
        const fit = Math.min(Math.floor((budget - estimate) / w.bytesPerRow), Math.floor(this.blockCells() / (w.box.right - w.box.left + 1)));
        if (fit < 1 && group.length > 0) break;
        const bottom = Math.min(w.box.bottom, w.next + Math.max(1, fit) - 1);
        const address = `${columnLetter(w.box.left)}${w.next}:${columnLetter(w.box.right)}${bottom}`;
        group.push({ w, range: context.workbook.worksheets.getItem(w.grid.name).getRange(address).load("values") });
        estimate += (bottom - w.next + 1) * w.bytesPerRow;
        w.next = bottom + 1;
        if (w.next <= w.box.bottom) break; // the budget is spent
      }
      // One sync per response-sized group: each answer must stay under the host's limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      for (const g of group) {
        const values = g.range.values;
        g.w.bytesPerRow = Math.max(4, jsonBytes(values) / values.length);
        g.w.grid.values.push(...values.map((row) => row.map(fromExcelValue)));
      }
      first = false;
      budget = target;
    }
    const grids: SheetGrid[] = sheetList.map((s) => {
      const begun = started.find((w) => w.grid.name.toLowerCase() === s.name.toLowerCase());
      if (begun) return begun.grid;
      const other = others.find((o) => o.s.name === s.name);
      const range = other?.range;
      if (!range || range.isNullObject) return { ...s, box: null, values: [], numberFormats: [] };
      if (range.values === null || range.values === undefined) throw NULL_READ;
      return { ...s, box: parseSheetBox(range.address), values: range.values.map((row) => row.map(fromExcelValue)), numberFormats: other.formats ? (range.numberFormat as string[][]) : [] };
    });
    return { grids, tableBoxes: tableRanges.map((r) => parseSheetBox(r.address)) };
  }

  /** The fallback for a workbook too big for one response: addresses first, then values in row blocks. */
  private async readInBlocks(context: Excel.RequestContext, sheetList: { name: string; visibility: SheetSnapshot["visibility"] }[], tableNames: string[]) {
    const used = sheetList.map((s) => context.workbook.worksheets.getItem(s.name).getUsedRangeOrNullObject(true).load("address"));
    const tableRanges = tableNames.map((n) => context.workbook.tables.getItem(n).getRange().load("address"));
    await context.sync();
    const grids: SheetGrid[] = sheetList.map((s, i) => ({ ...s, box: used[i].isNullObject ? null : parseSheetBox(used[i].address), values: [], numberFormats: [] }));
    const cellsOf = (box: SheetBox) => (box.bottom - box.top + 1) * (box.right - box.left + 1);
    const total = grids.reduce((n, g) => n + (g.box ? cellsOf(g.box) : 0), 0);
    if (total > MAX_READ_CELLS) {
      const biggest = grids.filter((g) => g.box).sort((a, b) => cellsOf(b.box as SheetBox) - cellsOf(a.box as SheetBox))[0];
      const box = biggest.box as SheetBox;
      throw new ExcelCommandError(
        `Cannot read this workbook: it holds ${total.toLocaleString("en-GB")} cells, more than the ${MAX_READ_CELLS.toLocaleString("en-GB")} Golden Thread reads; sheet "${biggest.name}" alone uses ${boxAddress(box)} (${cellsOf(box).toLocaleString("en-GB")} cells). Delete the unused rows and columns (a stray value far down or right makes Excel count them all), or copy the plan's sheets into a new workbook, and try again.`,
      );
    }

    // Each sheet is read from a cursor row down, in blocks sized by what its cells cost so far.
    const target = this.options.readResponseTargetBytes ?? READ_RESPONSE_TARGET_BYTES;
    const work = grids.filter((g) => g.box !== null).map((grid) => ({ grid, box: grid.box as SheetBox, next: (grid.box as SheetBox).top, bytesPerCell: FIRST_GUESS_BYTES_PER_CELL }));
    const width = (w: (typeof work)[number]) => w.box.right - w.box.left + 1;
    while (work.some((w) => w.next <= w.box.bottom)) {
      const group: { w: (typeof work)[number]; top: number; bottom: number; range: Excel.Range }[] = [];
      let estimate = 0;
      for (const w of work) {
        while (w.next <= w.box.bottom) {
          const rowCost = w.bytesPerCell * width(w);
          const fit = Math.min(Math.floor((target - estimate) / rowCost), Math.floor(this.blockCells() / width(w)));
          if (fit < 1 && group.length > 0) break;
          const bottom = Math.min(w.box.bottom, w.next + Math.max(1, fit) - 1);
          const address = `${columnLetter(w.box.left)}${w.next}:${columnLetter(w.box.right)}${bottom}`;
          group.push({ w, top: w.next, bottom, range: context.workbook.worksheets.getItem(w.grid.name).getRange(address).load("values, numberFormat") });
          estimate += (bottom - w.next + 1) * rowCost;
          w.next = bottom + 1;
        }
        if (estimate >= target) break;
      }
      try {
        // One sync per response-sized group: each answer must stay under the host's limit.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      } catch (error) {
        if (errorCode(error) !== "ResponsePayloadSizeLimitExceeded" || (group.length === 1 && group[0].top === group[0].bottom)) throw error;
        // Our guess was low: rewind these blocks and assume their cells cost twice as much.
        for (const g of [...group].reverse()) {
          g.w.next = Math.min(g.w.next, g.top);
          g.w.bytesPerCell *= 2;
        }
        continue;
      }
      for (const g of group) {
        const values = g.range.values;
        const formats = g.range.numberFormat as string[][];
        if (!values || !formats)
          throw new ExcelCommandError(`Cannot read sheet "${g.w.grid.name}" rows ${g.top} to ${g.bottom}: Excel gave back no values for them. Close other workbooks and try again.`);
        const cells = (g.bottom - g.top + 1) * width(g.w);
        g.w.bytesPerCell = Math.max(4, ((jsonBytes(values) + jsonBytes(formats)) / cells) * 1.2);
        g.w.grid.values.push(...values.map((row) => row.map(fromExcelValue)));
        g.w.grid.numberFormats.push(...formats);
      }
    }
    return { grids, tableBoxes: tableRanges.map((r) => parseSheetBox(r.address)) };
  }

  async apply(design: WorkbookDesign): Promise<void> {
    checkDesign(design);
    await this.run(async (context) => {
      // One request both reads the workbook and starts the write: the designed sheets are created
      // under temporary names and get only plain values, so nothing the user has can be touched
      // before the checks below. The next request renames them, or deletes them if a check fails.
      const worksheets = context.workbook.worksheets.load("items/name");
      const tables = context.workbook.tables.load("items/name");
      const names = context.workbook.names.load("items/name, items/formula");
      const runtime = context.runtime.load("enableEvents");
      const token = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
      const temporary = new Map(design.sheets.map((s, i) => [s.name.toLowerCase(), `~gt${i}-${token}`.slice(0, 31)]));
      const steps = this.designStepsFor(design, new Set(), new Set());
      const limit = (this.options.requestLimitBytes ?? REQUEST_LIMIT_BYTES) - REQUEST_MARGIN_BYTES;
      const firstRequest =
        packRequests(
          steps.filter((step) => step.early),
          limit,
        )[0] ?? [];
      context.application.suspendApiCalculationUntilNextSync();
      context.runtime.enableEvents = false;
      setSheetAliases(context, temporary);
      for (const step of firstRequest) step.queue(context);
      setSheetAliases(context, null);
      const deleteTemporary = () => {
        for (const s of design.sheets) context.workbook.worksheets.getItem(temporary.get(s.name.toLowerCase()) as string).delete();
      };
      try {
        await context.sync();
      } catch (error) {
        // The sheets are ours and new; whatever failed, take them away and put events back.
        await this.restoreAfterFailure(context, design, temporary);
        throw error;
      }
      const eventsWere = runtime.enableEvents;
      const refuse = async (message: string): Promise<never> => {
        deleteTemporary();
        context.runtime.enableEvents = eventsWere;
        await context.sync();
        throw new ExcelCommandError(message);
      };

      const sheetNames = new Set(worksheets.items.map((s) => s.name.toLowerCase()));
      const existing = design.sheets.filter((s) => sheetNames.has(s.name.toLowerCase())).map((s) => s.name);
      const tableNames = new Set(tables.items.map((t) => t.name.toLowerCase()));
      for (const s of design.sheets)
        for (const t of s.tables) if (tableNames.has(t.name.toLowerCase())) await refuse(`Cannot create the plan: this workbook already has a table called "${t.name}". Start from a new workbook.`);
      const namesNow = new Map(names.items.map((n) => [n.name.toLowerCase(), String(n.formula)]));
      const skipNames = new Set<string>();
      for (const n of design.names) {
        const have = namesNow.get(n.name.toLowerCase());
        if (have === undefined) continue;
        if (have.replace(/\$/g, "").toLowerCase() !== n.ref.replace(/\$/g, "").toLowerCase()) await refuse(`Cannot create the plan: the name "${n.name}" already refers to ${have}, not ${n.ref}.`);
        skipNames.add(n.name.toLowerCase());
      }

      if (existing.length > 0 || skipNames.size > 0) {
        // Sheets that exist are reused only when empty, so we never overwrite someone's work: the
        // new sheets go, and the plan is written straight into the checked ones.
        deleteTemporary();
        context.runtime.enableEvents = eventsWere;
        const used = existing.map((name) => context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true).load("address"));
        const protections = existing.map((name) => context.workbook.worksheets.getItem(name).protection.load("protected"));
        await context.sync();
        const busy = used.find((range) => !range.isNullObject);
        if (busy) throw new ExcelCommandError(`Cannot create the plan: sheet ${busy.address} already has content. Start from a new workbook or remove that sheet.`);
        // Only a protected sheet is unprotected: unprotect() on an open one fails (office-js #6784).
        const locked = new Set(existing.filter((_, i) => protections[i].protected).map((n) => n.toLowerCase()));
        const reuse = this.designStepsFor(design, new Set(existing.map((n) => n.toLowerCase())), skipNames, locked);
        await sendSteps(context, reuse, { eventsWere, syncsLeft: 1, requestLimitBytes: this.options.requestLimitBytes });
        return;
      }

      // Checked: the new sheets take their real names, then everything else follows.
      const sent = new Set<ExcelStep>(firstRequest);
      const rename: ExcelStep = {
        bytes: design.sheets.reduce((n, s) => n + s.name.length + 24, 0),
        commands: design.sheets.length,
        queue: (ctx) => {
          for (const s of design.sheets) ctx.workbook.worksheets.getItem(temporary.get(s.name.toLowerCase()) as string).name = s.name;
        },
      };
      await sendSteps(context, [rename, ...steps.filter((step) => !sent.has(step))], { eventsWere, syncsLeft: 2, requestLimitBytes: this.options.requestLimitBytes });
    });
  }

  private designStepsFor(design: WorkbookDesign, existing: ReadonlySet<string>, skipNames: ReadonlySet<string>, locked: ReadonlySet<string> = new Set()): ExcelStep[] {
    try {
      return designSteps(design, existing, skipNames, this.options.requestLimitBytes, locked);
    } catch (error) {
      throw error instanceof Error ? new DesignError(error.message) : error;
    }
  }

  /** After a failed first apply request: deletes whichever temporary sheets it created and turns events back on. */
  private async restoreAfterFailure(context: Excel.RequestContext, design: WorkbookDesign, temporary: Map<string, string>): Promise<void> {
    const created = design.sheets.map((s) => context.workbook.worksheets.getItemOrNullObject(temporary.get(s.name.toLowerCase()) as string).load("name"));
    try {
      await context.sync();
      for (const sheet of created) if (!sheet.isNullObject) sheet.delete();
    } catch {
      // Nothing more we can learn; still put events back.
    }
    // The failed request's reading of enableEvents is lost with it; events belong to this add-in
    // alone and every command puts them back, so they were on.
    context.runtime.enableEvents = true;
    await context.sync().catch(() => undefined);
  }

  async writeColumn(table: string, column: string, values: CellValue[]): Promise<void> {
    await this.run(async (context) => {
      const target = context.workbook.tables.getItem(table);
      const range = target.getRange().load("address");
      const headerRow = target.getHeaderRowRange().load("values");
      const protection = protectionRead(
        protectionFields(this.probe).includes("isPasswordProtected")
          ? // eslint-disable-next-line office-addins/no-navigational-load -- isPasswordProtected is a boolean, not a navigation
            target.worksheet.protection.load("protected, options, isPasswordProtected")
          : target.worksheet.protection.load("protected, options"),
        this.probe,
      );
      const filter = target.autoFilter.load("isDataFiltered");
      const runtime = context.runtime.load("enableEvents");
      try {
        await context.sync();
      } catch (error) {
        if (errorCode(error) === "ItemNotFound") throw new ExcelCommandError(`Cannot write column "${column}": there is no table called "${table}" in this workbook.`);
        throw error;
      }
      const box = parseSheetBox(range.address);
      const what = `Cannot write column "${column}" of table "${table}"`;
      const headers = headerRow.values[0].map((h) => String(h));
      const index = headers.findIndex((h) => h.toLowerCase() === column.toLowerCase());
      if (index < 0) throw new ExcelCommandError(`Cannot write column "${column}": table "${table}" has no such column (it has ${headers.join(", ")}).`);
      const dataRows = box.bottom - box.top;
      if (values.length !== dataRows) throw new ExcelCommandError(`Cannot write column "${column}" of table "${table}" (${range.address}): ${values.length} values for ${dataRows} data rows.`);
      refuseFiltered(filter, what, table, box.sheet);
      if (hasPassword(protection)) throw new ExcelCommandError(passwordMessage(what, box.sheet));

      const col = box.left + index;
      const rows = values.map((v, r) => [toExcelInput(v, "clear", () => `table "${table}", column "${column}", data row ${r + 1} (${columnLetter(col)}${box.top + 1 + r})`)]);
      const sheet = box.sheet;
      const writes: ExcelStep[] = splitRows(rows, blockBytesFor(this.options.requestLimitBytes)).map((block) => {
        const address = `${columnLetter(col)}${box.top + 1 + block.start}:${columnLetter(col)}${box.top + block.start + block.rows.length}`;
        return { bytes: block.bytes + address.length, queue: (ctx) => (ctx.workbook.worksheets.getItem(sheet).getRange(address).values = block.rows) };
      });
      // A status column is locked on a protected sheet: lift protection for the write only.
      const steps = liftProtection(protection, sheet, writes);
      try {
        await sendSteps(context, steps, { eventsWere: runtime.enableEvents, syncsLeft: 2, requestLimitBytes: this.options.requestLimitBytes });
      } catch (error) {
        const password = await restoreProtection(context, protection, sheet, what, error);
        if (password) throw new ExcelCommandError(password);
        throw error;
      }
    });
  }

  /**
   * Sync 1 reads where the table is, its first and last data rows' formulas, whether the rows below it are empty, its filter and the sheet's
   * protection and each column's validation on the last data row. Sync 2 lifts protection, makes room below the table if anything is there, and
   * writes the new rows just below it so Excel expands the table: the co-authoring-safe way, as
   * table.rows.add causes merge conflicts with co-authors (co-authoring page, "Avoid table row
   * conflicts"). The formula columns are filled from the last data row; formats (number formats,
   * locking, fills, conditional formats) are pasted from it and validation set from it explicitly,
   * as Microsoft documents no inheritance; then protection is put back with explicit options.
   * Sync 3 recalculates.
   * A table without formula columns gets rows.add: blank rows alone do not expand a table.
   */
  async addRows(table: string, count: number): Promise<void> {
    const problem = addRowsCountProblem(table, count);
    if (problem) throw new ExcelCommandError(problem);
    await this.run(async (context) => {
      const target = context.workbook.tables.getItem(table);
      const range = target.getRange().load("address");
      const lastRow = target.getRange().getLastRow().load("formulas");
      const firstRow = target.getHeaderRowRange().getOffsetRange(1, 0).load("formulas");
      const below = target.getRange().getRowsBelow(count).getUsedRangeOrNullObject(false).load("address");
      const protection = protectionRead(
        protectionFields(this.probe).includes("isPasswordProtected")
          ? // eslint-disable-next-line office-addins/no-navigational-load -- isPasswordProtected is a boolean, not a navigation
            target.worksheet.protection.load("protected, options, isPasswordProtected")
          : target.worksheet.protection.load("protected, options"),
        this.probe,
      );
      const filter = target.autoFilter.load("isDataFiltered");
      const runtime = context.runtime.load("enableEvents");
      const header = target.getHeaderRowRange().load("columnCount");
      // Each column's validation on the last data row, guessing the width so it rides in sync 1.
      let rules = Array.from({ length: VALIDATION_GUESS_COLUMNS }, (_, j) => target.getRange().getLastRow().getCell(0, j).dataValidation.load("type, rule, prompt, errorAlert"));
      let syncsUsed = 1;
      try {
        await context.sync();
      } catch (error) {
        if (errorCode(error) === "ItemNotFound") throw new ExcelCommandError(`Cannot add rows: there is no table called "${table}" in this workbook.`);
        // e.g. the rows would run off the bottom of the sheet.
        throw new ExcelCommandError(`Cannot add ${count} rows to table "${table}": ${error instanceof Error ? error.message : String(error)}`);
      }
      const box = parseSheetBox(range.address);
      const sheet = box.sheet;
      const what = `Cannot add ${count} rows to table "${table}"`;
      refuseFiltered(filter, what, table, sheet);
      if (hasPassword(protection)) throw new ExcelCommandError(passwordMessage(what, sheet));
      const width = header.columnCount;
      const hasData = box.bottom > box.top;
      // A formula column: the first and last data rows hold the same formula (a calculated column).
      const formulaColumns = hasData ? lastRow.formulas[0].flatMap((f, j) => (typeof f === "string" && f.startsWith("=") && firstRow.formulas[0][j] === f ? [j] : [])) : [];
      if (hasData && width > VALIDATION_GUESS_COLUMNS) {
        // A table wider than the guess: the rest of its columns in a sync of their own.
        rules = rules.concat(
          Array.from({ length: width - VALIDATION_GUESS_COLUMNS }, (_, k) =>
            target
              .getRange()
              .getLastRow()
              .getCell(0, VALIDATION_GUESS_COLUMNS + k)
              .dataValidation.load("type, rule, prompt, errorAlert"),
          ),
        );
        await context.sync();
        syncsUsed++;
      }
      rules = hasData ? rules.slice(0, width) : [];
      const left = columnLetter(box.left);
      const right = columnLetter(box.right);
      const newTop = box.bottom + 1;
      const newBottom = box.bottom + count;
      const newRows = `${left}${newTop}:${right}${newBottom}`;
      const steps: ExcelStep[] = [];
      if (!below.isNullObject) steps.push({ bytes: 64, queue: (ctx) => ctx.workbook.worksheets.getItem(sheet).getRange(newRows).insert("Down") });
      if (formulaColumns.length === 0 || !hasData) {
        const blanks: string[][] = Array.from({ length: count }, () => Array.from({ length: width }, () => ""));
        steps.push({ bytes: jsonBytes(blanks) + table.length, queue: (ctx) => ctx.workbook.tables.getItem(table).rows.add(undefined, blanks) });
      } else {
        // Data in every new row just below the table makes Excel expand it; the formula columns'
        // real formulas are pasted over this marker next, with their references moved per row.
        const marker = columnLetter(box.left + formulaColumns[0]);
        const ones = Array.from({ length: count }, () => ["=0"]);
        steps.push({ bytes: jsonBytes(ones) + 16, queue: (ctx) => (ctx.workbook.worksheets.getItem(sheet).getRange(`${marker}${newTop}:${marker}${newBottom}`).formulas = ones) });
      }
      if (hasData) {
        for (const j of formulaColumns) {
          const letter = columnLetter(box.left + j);
          steps.push({
            bytes: 64,
            queue: (ctx) => {
              const worksheet = ctx.workbook.worksheets.getItem(sheet);
              worksheet.getRange(`${letter}${newTop}:${letter}${newBottom}`).copyFrom(worksheet.getRange(`${letter}${box.bottom}`), "Formulas");
            },
          });
        }
        steps.push({
          bytes: 64,
          queue: (ctx) => {
            const worksheet = ctx.workbook.worksheets.getItem(sheet);
            worksheet.getRange(newRows).copyFrom(worksheet.getRange(`${left}${box.bottom}:${right}${box.bottom}`), "Formats");
          },
        });
        rules.forEach((dv, j) => {
          const parts = validationOf(dv);
          if (!parts) return;
          const letter = columnLetter(box.left + j);
          steps.push({
            bytes: jsonBytes(parts) + 32,
            commands: 3,
            queue: (ctx) => {
              const target = ctx.workbook.worksheets.getItem(sheet).getRange(`${letter}${newTop}:${letter}${newBottom}`).dataValidation;
              target.rule = parts.rule;
              if (parts.prompt) target.prompt = parts.prompt;
              if (parts.errorAlert) target.errorAlert = parts.errorAlert;
            },
          });
        });
      }
      let after: Excel.Range | null = null;
      const check = (ctx: Excel.RequestContext) => void (after = ctx.workbook.tables.getItem(table).getRange().load("address"));
      try {
        await sendSteps(context, liftProtection(protection, sheet, steps), { eventsWere: runtime.enableEvents, syncsLeft: 3 - syncsUsed, requestLimitBytes: this.options.requestLimitBytes, check });
      } catch (error) {
        const password = await restoreProtection(context, protection, sheet, what, error);
        if (password) throw new ExcelCommandError(password);
        const message = error instanceof Error ? error.message : String(error);
        throw new ExcelCommandError(`Cannot add ${count} rows to table "${table}" (sheet "${sheet}"): ${message}`);
      }
      notExpanded(after, newBottom, table, `${left}${newTop}:${right}${newBottom}`);
    });
  }

  /**
   * Sync 1 reads where the table is, its header, its first and last data rows' formulas, its
   * filter, whether the rows below are empty and the sheet's protection; sync 2 writes the rows that
   * stay, then deletes the surplus rows (the table shrinks with them) or writes the missing ones
   * just below the table so Excel expands it (the co-authoring-safe way; room is made first if
   * anything is below). Refused for tables with calculated columns (their rows are not just
   * values), on protected sheets (we do not lift protection to delete) and on filtered tables.
   */
  async replaceRows(table: string, rows: CellValue[][]): Promise<void> {
    await this.run(async (context) => {
      const target = context.workbook.tables.getItem(table);
      const range = target.getRange().load("address");
      const headerRow = target.getHeaderRowRange().load("values");
      const lastRow = target.getRange().getLastRow().load("formulas");
      const firstRow = target.getHeaderRowRange().getOffsetRange(1, 0).load("formulas");
      const protection = target.worksheet.protection.load("protected");
      const filter = target.autoFilter.load("isDataFiltered");
      const below = target
        .getRange()
        .getRowsBelow(Math.max(1, Math.min(rows.length, 1_000_000)))
        .getUsedRangeOrNullObject(false)
        .load("address");
      const runtime = context.runtime.load("enableEvents");
      try {
        await context.sync();
      } catch (error) {
        if (errorCode(error) === "ItemNotFound") throw new ExcelCommandError(`Cannot replace the rows of table "${table}": there is no such table in this workbook.`);
        throw error;
      }
      const box = parseSheetBox(range.address);
      const sheet = box.sheet;
      const headers = headerRow.values[0].map((h) => String(h));
      const width = headers.length;
      const formulaColumns = headers.filter((_, j) => {
        const f = lastRow.formulas[0][j];
        return box.bottom > box.top && typeof f === "string" && f.startsWith("=") && firstRow.formulas[0][j] === f;
      });
      if (formulaColumns.length > 0) throw new ExcelCommandError(`Cannot replace the rows of table "${table}": it has formula columns (${formulaColumns.join(", ")}), which only Add rows keeps.`);
      if (protection.protected) throw new ExcelCommandError(`Cannot replace the rows of table "${table}": sheet "${sheet}" is protected. Unprotect it first.`);
      refuseFiltered(filter, `Cannot replace the rows of table "${table}"`, table, sheet);
      const wrong = rows.findIndex((row) => row.length !== width);
      if (wrong >= 0) throw new ExcelCommandError(`Cannot replace the rows of table "${table}": row ${wrong + 1} has ${rows[wrong].length} values for ${width} columns (${headers.join(", ")}).`);
      const blankAt = rows.findIndex((row) => row.every((v) => v === null || v === ""));
      const have = Math.max(1, box.bottom - box.top);
      if (blankAt >= have)
        // Excel expands a table only over rows with data: a blank row written below it stays outside.
        throw new ExcelCommandError(`Cannot replace the rows of table "${table}": row ${blankAt + 1} is blank, and a blank row cannot be added below a table. Leave it out.`);

      const input = (rows.length > 0 ? rows : [Array.from({ length: width }, (): CellValue => null)]).map((row, r) =>
        // "clear" turns null into "", so every input is a value.
        row.map((v, j) => toExcelInput(v, "clear", () => `table "${table}", column "${headers[j]}", data row ${r + 1}`) as string | number | boolean),
      );
      const kept = input.slice(0, have);
      const firstData = box.top + 1;
      const left = columnLetter(box.left);
      const right = columnLetter(box.right);
      const block = blockBytesFor(this.options.requestLimitBytes);
      const steps: ExcelStep[] = splitRows(kept, block).map((b) => {
        const address = `${left}${firstData + b.start}:${right}${firstData + b.start + b.rows.length - 1}`;
        return { bytes: b.bytes + address.length, queue: (ctx) => (ctx.workbook.worksheets.getItem(sheet).getRange(address).values = b.rows) };
      });
      if (input.length < have) {
        // Whole table rows deleted with the cells below shifted up: Excel shrinks the table with them.
        const surplus = `${left}${firstData + input.length}:${right}${box.bottom}`;
        steps.push({ bytes: 64, queue: (ctx) => ctx.workbook.worksheets.getItem(sheet).getRange(surplus).delete("Up") });
      }
      const extra = input.slice(have);
      if (extra.length > 0) {
        const room = `${left}${box.bottom + 1}:${right}${box.bottom + extra.length}`;
        if (!below.isNullObject) steps.push({ bytes: 64, queue: (ctx) => ctx.workbook.worksheets.getItem(sheet).getRange(room).insert("Down") });
        for (const b of splitRows(extra, block)) {
          const address = `${left}${box.bottom + 1 + b.start}:${right}${box.bottom + b.start + b.rows.length}`;
          steps.push({ bytes: b.bytes + address.length, queue: (ctx) => (ctx.workbook.worksheets.getItem(sheet).getRange(address).values = b.rows) });
        }
      }
      let after: Excel.Range | null = null;
      const check = (ctx: Excel.RequestContext) => void (after = ctx.workbook.tables.getItem(table).getRange().load("address"));
      try {
        await sendSteps(context, steps, { eventsWere: runtime.enableEvents, syncsLeft: 2, requestLimitBytes: this.options.requestLimitBytes, check });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new ExcelCommandError(`Cannot replace the rows of table "${table}" (sheet "${sheet}"): ${message}`);
      }
      if (extra.length > 0) notExpanded(after, box.top + input.length, table, `${left}${box.bottom + 1}:${right}${box.top + input.length}`);
    });
  }

  /**
   * Sync 1 reads where each table asked for is, its headers, its last row's formulas, its filter,
   * its sheet's protection and used range, the sheets asked for (values, protection) and the names.
   * Sync 2 reads the columns asked for, each run of neighbouring columns as one range (an answer
   * over 5 MB is read again in row blocks, a sync each). `change` then works out the edits, and
   * sync 3 writes them all, protection lifted and put back around them, with calculation left
   * automatic so Excel recalculates as after typing (a suspended request would leave the
   * recalculation to a fourth sync); more syncs only when the writes exceed one 4 MB request. A workbook lacking a sheet or table asked for costs one
   * more sync (the first request fails as a whole on a missing item; it is sent again without it).
   */
  async update<T>(request: ReadRequest, change: (snapshot: WorkbookSnapshot) => { edits: WorkbookEdit[]; result: T }): Promise<T> {
    return this.run(async (context) => {
      let first: UpdateFirst;
      try {
        first = await this.updateFirst(context, request, null);
      } catch (error) {
        if (errorCode(error) !== "ItemNotFound") throw error;
        const sheets = context.workbook.worksheets.load("items/name");
        const tables = context.workbook.tables.load("items/name");
        await context.sync();
        const have = new Set([...sheets.items.map((x) => `s:${x.name.toLowerCase()}`), ...tables.items.map((x) => `t:${x.name.toLowerCase()}`)]);
        first = await this.updateFirst(context, request, have);
      }
      const { tables, sheets } = await this.readColumns(context, first);
      const snapshot: WorkbookSnapshot = { sheets: sheets.map((s) => s.snapshot), tables, names: first.names };
      const { edits, result } = change(snapshot);
      if (edits.length === 0) return result;
      await this.writeEdits(context, first, sheets, edits);
      return result;
    });
  }

  /** A sheet's protection, with whether it has a password where the host can say (Excel on the web). */
  private protectionOf(sheet: Excel.Worksheet): ProtectionRead {
    return protectionRead(
      protectionFields(this.probe).includes("isPasswordProtected") ? sheet.protection.load("protected, options, isPasswordProtected") : sheet.protection.load("protected, options"),
      this.probe,
    );
  }

  private async updateFirst(context: Excel.RequestContext, request: ReadRequest, have: Set<string> | null): Promise<UpdateFirst> {
    // Sheets are read in sync 2, once we know which exist (one asked for may not, e.g. Sign-off).
    const sheetList = context.workbook.worksheets.load("items/name, items/visibility");
    const tables = request.tables
      .filter((t) => !have || have.has(`t:${t.name.toLowerCase()}`))
      .map((asked) => {
        const table = context.workbook.tables.getItem(asked.name).load("name");
        return {
          asked,
          table,
          range: table.getRange().load("address"),
          header: table.getHeaderRowRange().load("values"),
          last: table.getRange().getLastRow().load("formulas"),
          filter: table.autoFilter.load("isDataFiltered"),
          used: table.worksheet.getUsedRange(true).load("address"),
          protection: this.protectionOf(table.worksheet),
        };
      });
    const allTables = context.workbook.tables.load("items/name");
    const names = context.workbook.names.load("items/name, items/formula");
    const runtime = context.runtime.load("enableEvents");
    await context.sync();
    return {
      eventsWere: runtime.enableEvents,
      allSheets: sheetList.items.map((x) => x.name),
      allTables: allTables.items.map((x) => x.name),
      names: names.items.map((n) => ({ name: n.name, ref: String(n.formula).replace(/^=/, "") })),
      sheets: request.sheets.flatMap((name) => {
        const sheet = sheetList.items.find((x) => x.name.toLowerCase() === name.toLowerCase());
        return sheet ? [{ name: sheet.name, visibility: VISIBILITY[sheet.visibility] ?? "visible" }] : [];
      }),
      tables: tables.map((t) => {
        const box = parseSheetBox(t.range.address);
        const headers = t.header.values[0].map((h) => String(h));
        const keep = columnsAsked(headers, t.asked.columns);
        return {
          name: t.table.name,
          box,
          headers,
          keep,
          hasFormulas: box.bottom > box.top && t.last.formulas[0].some((f) => typeof f === "string" && f.startsWith("=")),
          // What reading the asked columns will cost: the last row's cells (read as formulas: a constant costs what its value does, a formula a guess) times the rows.
          readBytes: (box.bottom - box.top) * t.last.formulas[0].reduce<number>((n, f, j) => (keep && !keep[j] ? n : n + 1 + (typeof f === "string" && f.startsWith("=") ? 16 : jsonBytes(f))), 4),
          filtered: t.filter.isDataFiltered,
          usedBottom: parseSheetBox(t.used.address).bottom,
          protection: t.protection,
        };
      }),
    };
  }

  /**
   * Sync 2: the sheets asked for (values and protection) and each table's asked columns, as runs
   * of neighbouring columns; in row blocks only when one answer would be too big.
   */
  private async readColumns(context: Excel.RequestContext, first: UpdateFirst): Promise<{ tables: TableSnapshot[]; sheets: UpdateSheet[] }> {
    // The sheets ride with the first answer; should it fail (too big), with the next.
    let sheets: UpdateSheet[] | null = null;
    const loadSheets = () =>
      first.sheets.map((s) => {
        const sheet = context.workbook.worksheets.getItem(s.name);
        return { s, used: sheet.getUsedRangeOrNullObject(true).load("address, values"), protection: this.protectionOf(sheet) };
      });
    const takeSheets = (loaded: ReturnType<typeof loadSheets>): UpdateSheet[] =>
      loaded.map(({ s, used, protection }) => {
        const box = used.isNullObject ? null : parseSheetBox(used.address);
        const snapshot: SheetSnapshot = { ...s, origin: box ? `${columnLetter(box.left)}${box.top}` : "A1", values: box ? used.values.map((row) => row.map(fromExcelValue)) : [] };
        return { snapshot, protection };
      });
    const out = first.tables.map((t) => ({
      name: t.name,
      sheet: t.box.sheet,
      range: boxAddress(t.box),
      headers: t.headers,
      rows: Array.from({ length: t.box.bottom - t.box.top }, () => t.headers.map((): CellValue => null)),
    }));
    const runs = first.tables.flatMap((t, i) => columnRuns(t.keep ?? t.headers.map(() => true)).map((run) => ({ i, t, run })));
    const dataRows = Math.max(0, ...first.tables.map((t) => t.box.bottom - t.box.top));
    const target = this.options.readResponseTargetBytes ?? READ_RESPONSE_TARGET_BYTES;
    const estimate = first.tables.reduce((n, t) => n + t.readBytes, 0);
    // As many answers as the estimate needs; should one still be too big, twice as many.
    for (let blocks = Math.min(Math.max(1, dataRows), Math.ceil(estimate / target) || 1); ; blocks *= 2) {
      try {
        const size = Math.ceil(dataRows / blocks);
        for (let b = 0; b < blocks; b++) {
          const reads = runs.flatMap(({ i, t, run }) => {
            const top = t.box.top + 1 + b * size;
            const bottom = Math.min(t.box.bottom, top + size - 1);
            if (top > bottom) return [];
            const address = `${columnLetter(t.box.left + run[0])}${top}:${columnLetter(t.box.left + run[1])}${bottom}`;
            return [{ i, run, offset: b * size, range: context.workbook.worksheets.getItem(t.box.sheet).getRange(address).load("values") }];
          });
          if (reads.length === 0 && sheets) continue;
          const loaded = sheets ? null : loadSheets();
          // One sync per answer: each must stay under the host's 5 MB.
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
          if (loaded) sheets = takeSheets(loaded);
          for (const r of reads) r.range.values.forEach((row, k) => row.forEach((v, j) => (out[r.i].rows[r.offset + k][r.run[0] + j] = fromExcelValue(v))));
        }
        return { tables: out, sheets: sheets ?? [] };
      } catch (error) {
        if (errorCode(error) !== "ResponsePayloadSizeLimitExceeded" || blocks >= dataRows) throw error;
      }
    }
  }

  /**
   * A "sheets" edit's steps, checked as apply() checks a design but against what update() has
   * read, so no request is spent on temporary sheets: a sheet that exists must have been read and
   * be empty, no table or name may clash.
   */
  private newSheetSteps(design: WorkbookDesign, first: UpdateFirst, sheets: UpdateSheet[]): ExcelStep[] {
    checkDesign(design);
    const existing = new Set<string>();
    const locked = new Set<string>();
    for (const s of design.sheets) {
      if (!first.allSheets.some((n) => n.toLowerCase() === s.name.toLowerCase())) continue;
      const read = sheets.find((x) => x.snapshot.name.toLowerCase() === s.name.toLowerCase());
      if (!read || read.snapshot.values.length > 0) throw new ExcelCommandError(`Cannot add sheet "${s.name}": this workbook already has a sheet of that name with content.`);
      existing.add(s.name.toLowerCase());
      if (read.protection.state.protected) locked.add(s.name.toLowerCase());
    }
    for (const t of design.sheets.flatMap((s) => s.tables))
      if (first.allTables.some((n) => n.toLowerCase() === t.name.toLowerCase())) throw new ExcelCommandError(`Cannot add table "${t.name}": this workbook already has a table of that name.`);
    const skipNames = new Set<string>();
    for (const n of design.names) {
      const have = first.names.find((m) => m.name.toLowerCase() === n.name.toLowerCase());
      if (!have) continue;
      if (have.ref.replace(/\$/g, "").toLowerCase() !== n.ref.replace(/^=/, "").replace(/\$/g, "").toLowerCase())
        throw new ExcelCommandError(`Cannot add the name "${n.name}": it already refers to ${have.ref}, not ${n.ref}.`);
      skipNames.add(n.name.toLowerCase());
    }
    return this.designStepsFor(design, existing, skipNames, locked);
  }

  /** Sync 3: the edits, in order, with each protected sheet lifted around its own and put back. */
  private async writeEdits(context: Excel.RequestContext, first: UpdateFirst, sheets: UpdateSheet[], edits: WorkbookEdit[]): Promise<void> {
    const steps: ExcelStep[] = [];
    const lifted: { sheet: string; protection: ProtectionRead }[] = [];
    const expanded: { table: string; bottom: number; written: string }[] = [];
    /** Open sheets a lock edit of this update protects: later edits there lift it (unprotect() on an open sheet fails, office-js #6784). */
    const protectedHere = new Set<string>();
    // Appended rows go in as few commands as the request allows: calculation is automatic here, so each command recalculates.
    const block = (this.options.requestLimitBytes ?? REQUEST_LIMIT_BYTES) - REQUEST_MARGIN_BYTES - 4096;
    for (const edit of edits) {
      if (edit.kind === "rows") {
        const t = first.tables.find((x) => x.name.toLowerCase() === edit.table.toLowerCase());
        const what = `Cannot change the rows of table "${edit.table}"`;
        if (!t) throw new ExcelCommandError(`${what}: it was not read (there is no such table in this workbook).`);
        const { box, headers } = t;
        const sheet = box.sheet;
        if (t.hasFormulas) throw new ExcelCommandError(`${what}: it has formula columns, which only Add rows keeps.`);
        if (t.protection.state.protected || protectedHere.has(sheet.toLowerCase())) throw new ExcelCommandError(`${what}: sheet "${sheet}" is protected. Unprotect it first.`);
        if (t.filtered) refuseFilteredTable(what, t.name, sheet);
        const wrong = edit.append.findIndex((row) => row.length !== headers.length);
        if (wrong >= 0) throw new ExcelCommandError(`${what}: new row ${wrong + 1} has ${edit.append[wrong].length} values for ${headers.length} columns (${headers.join(", ")}).`);
        if (edit.append.some((row) => row.every((v) => v === null || v === "")))
          // Excel expands a table only over rows with data: a blank row written below it stays outside.
          throw new ExcelCommandError(`${what}: a new row is blank, and a blank row cannot be added below a table. Leave it out.`);
        const have = box.bottom - box.top;
        const left = columnLetter(box.left);
        const right = columnLetter(box.right);
        if (edit.append.length > 0) {
          const input = edit.append.map((row, r) => row.map((v, j) => toExcelInput(v, "clear", () => `table "${t.name}", column "${headers[j]}", new row ${r + 1}`) as string | number | boolean));
          const room = `${left}${box.bottom + 1}:${right}${box.bottom + input.length}`;
          if (t.usedBottom > box.bottom) steps.push({ bytes: 64, queue: (ctx) => ctx.workbook.worksheets.getItem(sheet).getRange(room).insert("Down") });
          for (const b of splitRows(input, block)) {
            const address = `${left}${box.bottom + 1 + b.start}:${right}${box.bottom + b.start + b.rows.length}`;
            steps.push({ bytes: b.bytes + address.length, queue: (ctx) => (ctx.workbook.worksheets.getItem(sheet).getRange(address).values = b.rows) });
          }
          expanded.push({ table: t.name, bottom: box.bottom + input.length - edit.remove.length, written: room });
        }
        const gone = [...new Set(edit.remove)].filter((i) => i >= 0 && i < have).sort((a, b) => a - b);
        // A table keeps one data row: when every row goes and none comes, the first is cleared instead.
        const clearFirst = gone.length === have && edit.append.length === 0;
        if (clearFirst) {
          const address = `${left}${box.top + 1}:${right}${box.top + 1}`;
          const blank = [headers.map(() => "")];
          steps.push({ bytes: 64 + jsonBytes(blank), queue: (ctx) => (ctx.workbook.worksheets.getItem(sheet).getRange(address).values = blank) });
        }
        // Whole table rows deleted from the bottom up, the cells below shifted up: Excel shrinks the table with them.
        for (const [a, b] of indexRuns(clearFirst ? gone.slice(1) : gone).reverse()) {
          const address = `${left}${box.top + 1 + a}:${right}${box.top + 1 + b}`;
          steps.push({ bytes: 64, queue: (ctx) => ctx.workbook.worksheets.getItem(sheet).getRange(address).delete("Up") });
        }
        continue;
      }
      if (edit.kind === "sheets") {
        steps.push(...this.newSheetSteps(edit.design, first, sheets));
        continue;
      }
      // A cell's sheet is known by reading it or a table on it (its protection read either way): one cell of a large table needs no sheet read.
      const place =
        edit.kind === "cells"
          ? (sheets.find((s) => s.snapshot.name.toLowerCase() === edit.sheet.toLowerCase()) ?? first.tables.find((x) => x.box.sheet.toLowerCase() === edit.sheet.toLowerCase()))
          : first.tables.find((x) => x.name.toLowerCase() === edit.table.toLowerCase());
      const sheet = edit.kind === "cells" ? edit.sheet : (place as UpdateFirst["tables"][number] | undefined)?.box.sheet;
      const what = edit.kind === "cells" ? `Cannot write ${edit.sheet}!${edit.address}` : `Cannot lock columns of table "${edit.table}"`;
      if (!place || !sheet) throw new ExcelCommandError(`${what}: it was not read (no such ${edit.kind === "cells" ? "sheet" : "table"} in this workbook).`);
      if (hasPassword(place.protection)) throw new ExcelCommandError(passwordMessage(what, sheet));
      const inner: ExcelStep[] = [];
      if (edit.kind === "cells") {
        const values = edit.values.map((row) => row.map((v) => toExcelInput(v, "clear", () => `${edit.sheet}!${edit.address}`) as string | number | boolean));
        const formats = edit.numberFormats;
        const locked = edit.locked;
        inner.push({
          bytes: jsonBytes(values) + jsonBytes(formats ?? null) + edit.address.length,
          commands: 3,
          queue: (ctx) => {
            const range = ctx.workbook.worksheets.getItem(sheet).getRange(edit.address);
            if (formats) range.numberFormat = formats;
            range.values = values;
            if (locked !== undefined) range.format.protection.locked = locked;
          },
        });
      } else {
        const t = place as UpdateFirst["tables"][number];
        const lock = columnsAsked(t.headers, edit.columns) ?? [];
        for (const [a, b] of indexRuns(lock.flatMap((on, j) => (on ? [j] : [])))) {
          const address = `${columnLetter(t.box.left + a)}${t.box.top + 1}:${columnLetter(t.box.left + b)}${Math.max(t.box.top + 1, t.box.bottom)}`;
          inner.push({ bytes: 64, queue: (ctx) => (ctx.workbook.worksheets.getItem(sheet).getRange(address).format.protection.locked = true) });
        }
      }
      if (place.protection.state.protected) {
        steps.push(...liftProtection(place.protection, sheet, inner));
        lifted.push({ sheet, protection: place.protection });
      } else if (protectedHere.has(sheet.toLowerCase())) {
        // Protected by an earlier edit of this update: lifted the same way, and put back as it was set.
        steps.push({ bytes: 32, queue: (ctx) => ctx.workbook.worksheets.getItem(sheet).protection.unprotect() }, ...inner, {
          bytes: 256,
          queue: (ctx) => ctx.workbook.worksheets.getItem(sheet).protection.protect(PLAN_SHEET_PROTECTION),
        });
      } else {
        steps.push(...inner);
        // Locking means nothing on an open sheet: it is protected the way a plan sheet is.
        if (edit.kind === "lock") {
          steps.push({ bytes: 256, queue: (ctx) => ctx.workbook.worksheets.getItem(sheet).protection.protect(PLAN_SHEET_PROTECTION) });
          protectedHere.add(sheet.toLowerCase());
        }
      }
    }
    let after: Excel.Range[] = [];
    const check = (ctx: Excel.RequestContext) => void (after = expanded.map((e) => ctx.workbook.tables.getItem(e.table).getRange().load("address")));
    try {
      await sendSteps(context, steps, { eventsWere: first.eventsWere, syncsLeft: 1, requestLimitBytes: this.options.requestLimitBytes, check, calculation: "automatic" });
    } catch (error) {
      for (const l of lifted) {
        const password = await restoreProtection(context, l.protection, l.sheet, `Cannot write sheet "${l.sheet}"`, error);
        if (password) throw new ExcelCommandError(password);
      }
      throw new ExcelCommandError(`Cannot save the changes: ${error instanceof Error ? error.message : String(error)}`);
    }
    expanded.forEach((e, i) => notExpanded(after[i] ?? null, e.bottom, e.table, e.written.replace(/^[A-Z]+/, "")));
  }

  async setNamedValue(name: string, value: CellValue): Promise<void> {
    await this.run(async (context) => {
      const item = context.workbook.names.getItemOrNullObject(name).load("formula");
      const runtime = context.runtime.load("enableEvents");
      await context.sync();
      if (item.isNullObject) throw new ExcelCommandError(`Cannot set "${name}": there is no defined name "${name}" in this workbook.`);
      let box: SheetBox;
      try {
        box = parseSheetBox(String(item.formula));
      } catch {
        throw new ExcelCommandError(`Cannot set "${name}": it refers to ${item.formula}, not a cell.`);
      }
      if (box.top !== box.bottom || box.left !== box.right) throw new ExcelCommandError(`Cannot set "${name}": it refers to ${item.formula}, which is more than one cell.`);
      const address = `${columnLetter(box.left)}${box.top}`;
      const input = toExcelInput(value, "clear", () => `name "${name}" (${box.sheet}!${address})`);
      const step: ExcelStep = { bytes: 64, queue: (ctx) => (ctx.workbook.worksheets.getItem(box.sheet).getRange(address).values = [[input]]) };
      try {
        await sendSteps(context, [step], { eventsWere: runtime.enableEvents, syncsLeft: 2, requestLimitBytes: this.options.requestLimitBytes });
      } catch (error) {
        if (errorCode(error) === "AccessDenied") throw new ExcelCommandError(`Cannot set "${name}": cell ${box.sheet}!${address} is locked on a protected sheet.`);
        throw error;
      }
    });
  }

  async select(sheet: string, address: string): Promise<void> {
    try {
      parseBox(address);
    } catch {
      throw new ExcelCommandError(`Cannot select "${address}" on sheet "${sheet}": not a cell address like B7.`);
    }
    await this.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.activate();
      worksheet.getRange(address).select();
      try {
        await context.sync();
      } catch (error) {
        if (errorCode(error) === "ItemNotFound") throw new ExcelCommandError(`Cannot select ${address}: there is no sheet called "${sheet}".`);
        if (errorCode(error) === "InvalidOperation" || errorCode(error) === "InvalidSelection") throw new ExcelCommandError(`Cannot select ${address}: sheet "${sheet}" is hidden.`);
        throw error;
      }
    });
  }
}

/** What update()'s first sync learnt. */
interface UpdateFirst {
  eventsWere: boolean;
  names: { name: string; ref: string }[];
  /** Every sheet and table in the workbook (for the checks of a "sheets" edit). */
  allSheets: string[];
  allTables: string[];
  /** The sheets asked for that exist, read in sync 2. */
  sheets: { name: string; visibility: SheetSnapshot["visibility"] }[];
  tables: {
    name: string;
    box: SheetBox;
    headers: string[];
    /** The columns asked for, or null for all. */
    keep: boolean[] | null;
    hasFormulas: boolean;
    filtered: boolean;
    /** The last row of the sheet holding values (below the table's bottom: something is under it). */
    usedBottom: number;
    protection: ProtectionRead;
    /** The estimated size of the answer that reads the asked columns. */
    readBytes: number;
  }[];
}

interface UpdateSheet {
  snapshot: SheetSnapshot;
  protection: ProtectionRead;
}

/** Runs of neighbouring true columns as [first, last] indices. */
function columnRuns(keep: boolean[]): [number, number][] {
  return indexRuns(keep.flatMap((on, j) => (on ? [j] : [])));
}

/** Sorted distinct indices as runs [first, last] of consecutive ones. */
function indexRuns(sorted: number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const i of sorted) {
    const last = runs[runs.length - 1];
    if (last && i === last[1] + 1) last[1] = i;
    else runs.push([i, i]);
  }
  return runs;
}

/** A table's header and rows, cut from its sheet's values (read once, not twice). */
function tableSnapshot(name: string, box: SheetBox, grid: SheetGrid | undefined): TableSnapshot {
  const cell = (row: number, col: number): CellValue => {
    if (!grid?.box) return null;
    const r = row - grid.box.top;
    const c = col - grid.box.left;
    return grid.values[r]?.[c] ?? null;
  };
  const rowOf = (row: number) => Array.from({ length: box.right - box.left + 1 }, (_, j) => cell(row, box.left + j));
  const headers = rowOf(box.top).map((h) => (h === null ? "" : String(h)));
  const rows: CellValue[][] = [];
  for (let r = box.top + 1; r <= box.bottom; r++) rows.push(rowOf(r));
  const range = `${columnLetter(box.left)}${box.top}:${columnLetter(box.right)}${box.bottom}`;
  return { name, sheet: box.sheet, range, headers, rows };
}

/**
 * Writing below a table expands it only while Excel's AutoCorrect option "Include new rows and
 * columns in table" is on (it is by default). When the table did not reach `bottom`, say so.
 */
function notExpanded(after: Excel.Range | null, bottom: number, table: string, written: string): void {
  if (!after) return;
  const box = parseSheetBox((after as Excel.Range).address);
  if (box.bottom >= bottom) return;
  throw new ExcelCommandError(
    `Table "${table}" did not grow over the new rows (${box.sheet}!${written}): Excel's AutoCorrect option "Include new rows and columns in table" is off. Turn it on (File > Options > Proofing > AutoCorrect Options > AutoFormat As You Type), delete rows ${written.replace(/[A-Z]+/g, "")} under the table, and run the command again.`,
  );
}

/** Refuses a write into a filtered table: Excel puts values into the wrong rows there (office-js #224) and deletes nothing (#994). */
function refuseFiltered(filter: Excel.AutoFilter, what: string, table: string, sheet: string): void {
  if (filter.isDataFiltered) refuseFilteredTable(what, table, sheet);
}

function refuseFilteredTable(what: string, table: string, sheet: string): never {
  throw new ExcelCommandError(
    `${what}: table "${table}" on sheet "${sheet}" is filtered, so some rows are hidden and values could land in the wrong rows. Clear the filter (Data > Clear) and run the command again. Nothing was changed.`,
  );
}

/** A column's validation as loaded from Excel, reduced to what can be set again (null members dropped). */
function validationOf(dv: Excel.DataValidation): { rule: Excel.DataValidationRule; prompt?: Excel.DataValidationPrompt; errorAlert?: Excel.DataValidationErrorAlert } | null {
  if (dv.type === "None") return null;
  const rule = Object.fromEntries(Object.entries(dv.rule ?? {}).filter(([, v]) => v !== null && v !== undefined));
  if (Object.keys(rule).length !== 1) return null;
  const clean = <T extends object>(o: T | null | undefined): T | undefined => (o ? (Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as T) : undefined);
  return { rule: rule as Excel.DataValidationRule, prompt: clean(dv.prompt), errorAlert: clean(dv.errorAlert) };
}
