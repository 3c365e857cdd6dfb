// The WorkbookPort contract: what every adapter (office.js inside Excel, ExcelJS for files) must do
// the same way, so a use case behaves alike in the pane, the ribbon and the CLI. Run it against an
// adapter with describeWorkbookPortContract(harness); add a case by adding to WORKBOOK_PORT_CASES
// (or pass your own list). Where two adapters differ on a case, one of them is wrong.
import { cellOrNull, parseCell } from "../../src/workbook/a1";
import type { CellValue, ReadRequest, TableSnapshot, WorkbookDesign, WorkbookEdit, WorkbookPort, WorkbookSnapshot } from "../../src/workbook/port";

export interface PortHarness {
  name: string;
  /** A new, empty workbook behind the port. */
  make(): Promise<WorkbookPort>;
  /** The sheets protected in the workbook itself (the port does not report protection). */
  protectedSheets(port: WorkbookPort): Promise<string[]>;
  /** The same workbook as the user finds it next time (files: saved and opened again; Excel: as it is). */
  reopen(port: WorkbookPort): Promise<WorkbookPort>;
  /** Whether each cell (e.g. "C2") of `sheet` is locked, in the workbook itself. */
  lockedCells(port: WorkbookPort, sheet: string, cells: string[]): Promise<boolean[]>;
}

export interface PortCase {
  name: string;
  run(port: WorkbookPort, harness: PortHarness): Promise<void>;
}

/** 1 April 2024 as an Excel serial day number (dates cross the port as serials). */
export const APRIL_2024 = 45383;

const STATUS_FORMULA = '=IF(Actions[[#This Row],[ID]]="","",IF(Actions[[#This Row],[Due date]]="","No due date","Dated"))';

/** A small plan-shaped design: a protected Actions table with a formula column and an empty SMART check column, a Register without formulas (unprotected, as the plan's is, unless asked), and a Settings sheet holding the named reporting date. */
export function contractDesign(actionRows: CellValue[][] = ACTION_ROWS, registerProtected = false): WorkbookDesign {
  return {
    sheets: [
      {
        name: "Actions",
        visibility: "visible",
        cells: [],
        columnWidths: {},
        freezeRows: 1,
        protect: true,
        tables: [
          {
            name: "Actions",
            sheet: "Actions",
            topLeft: "A1",
            columns: [
              { header: "ID", width: 14, locked: false },
              { header: "Action", width: 50, locked: false, wrap: true },
              { header: "Due date", width: 12, locked: false, numberFormat: "dd/mm/yyyy", validation: { type: "date", error: "Enter a date as dd/mm/yyyy." } },
              { header: "Action status", width: 14, locked: true, formula: STATUS_FORMULA },
              { header: "SMART check", width: 30, locked: true, wrap: true },
            ],
            rows: actionRows,
            statusFormats: [{ column: "Action status", text: "No due date", fill: "FFC7CE", font: "9C0006" }],
          },
        ],
      },
      {
        name: "Register",
        visibility: "visible",
        cells: [],
        columnWidths: {},
        freezeRows: 1,
        protect: registerProtected,
        tables: [
          {
            name: "Register",
            sheet: "Register",
            topLeft: "A1",
            columns: [
              { header: "Code", width: 12, locked: true },
              { header: "Name", width: 40, locked: true },
              { header: "Tier", width: 12, locked: true },
            ],
            rows: [["DSP-ASC-01", "Support people to live independently", "Directorate"]],
            statusFormats: [],
          },
        ],
      },
      {
        name: "Settings",
        visibility: "visible",
        cells: [
          { address: "A2", value: "Reporting date" },
          { address: "B2", value: APRIL_2024, numberFormat: "dd/mm/yyyy", locked: false },
        ],
        tables: [],
        columnWidths: { A: 20, B: 14 },
        freezeRows: 0,
        protect: false,
      },
    ],
    names: [{ name: "ReportingDate", ref: "=Settings!$B$2" }],
  };
}

const ACTION_ROWS: CellValue[][] = [
  ["OSP-ASC-01", "Deliver the home care framework by March 2025.", APRIL_2024 + 300, null, null],
  ["OSP-ASC-02", "Review the carers' assessment pathway with partners.", null, null, null],
  ["OSP-ASC-03", "Launch a digital front door for adult social care.", APRIL_2024 + 200, null, null],
];

/** A cell as every adapter should give it back: blank is null, whichever blank the workbook holds. */
export function plain(v: CellValue | undefined): CellValue {
  return v === undefined || v === "" ? null : v;
}

function tableOf(snapshot: WorkbookSnapshot, name: string): TableSnapshot {
  const t = snapshot.tables.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name} in the snapshot (tables: ${snapshot.tables.map((x) => x.name).join(", ")})`);
  return t;
}

/** One column of a table, blanks as null. */
function columnOf(snapshot: WorkbookSnapshot, table: string, header: string): CellValue[] {
  const t = tableOf(snapshot, table);
  const i = t.headers.indexOf(header);
  if (i < 0) throw new Error(`table ${table} has no column "${header}" (columns: ${t.headers.join(", ")})`);
  return t.rows.map((r) => plain(r[i]));
}

/** The input columns of a table (not its formula column), blanks as null. */
export function inputRows(snapshot: WorkbookSnapshot, table: string): CellValue[][] {
  const t = tableOf(snapshot, table);
  const keep = t.headers.map((h, i) => (h === "Action status" ? -1 : i)).filter((i) => i >= 0);
  return t.rows.map((r) => keep.map((i) => plain(r[i])));
}

/** The value of a single-cell defined name, read through the snapshot. */
/** Row `row` of a sheet's values from column A (values start at the sheet's origin). */
function sheetRow(snapshot: WorkbookSnapshot, sheet: string, row: number): CellValue[] | undefined {
  const s = snapshot.sheets.find((x) => x.name === sheet)!;
  const origin = parseCell(s.origin);
  return s.values[row - origin.row]?.map(plain);
}

export function namedValue(snapshot: WorkbookSnapshot, name: string): CellValue {
  const ref = snapshot.names.find((n) => n.name === name)?.ref;
  const at = ref ? cellOrNull(ref) : null;
  if (!at?.sheet) throw new Error(`no single-cell name ${name} (ref ${ref})`);
  const sheet = snapshot.sheets.find((s) => s.name === at.sheet);
  if (!sheet) throw new Error(`name ${name} points at a missing sheet`);
  const origin = parseCell(sheet.origin);
  return plain(sheet.values[at.row - origin.row]?.[at.col - origin.col]);
}

async function applied(port: WorkbookPort, design = contractDesign()): Promise<void> {
  await port.apply(design);
}

const WORKBOOK_PORT_CASES: PortCase[] = [
  {
    name: "apply then read gives back the sheets, tables, rows and names of the design",
    async run(port, h) {
      await applied(port);
      const snap = await (await h.reopen(port)).read();
      for (const name of ["Actions", "Register", "Settings"]) expect(snap.sheets.map((s) => s.name)).toContain(name);
      const actions = tableOf(snap, "Actions");
      expect(actions.sheet).toBe("Actions");
      expect(actions.range.replace(/^.*!/, "")).toBe("A1:E4");
      expect(actions.headers).toEqual(["ID", "Action", "Due date", "Action status", "SMART check"]);
      expect(inputRows(snap, "Actions")).toEqual(ACTION_ROWS.map((r) => [r[0], r[1], r[2], r[4]]));
      expect(tableOf(snap, "Register").rows.map((r) => r.map(plain))).toEqual([["DSP-ASC-01", "Support people to live independently", "Directorate"]]);
      expect(snap.names.map((n) => [n.name, n.ref.replace(/^=/, "")])).toContainEqual(["ReportingDate", "Settings!$B$2"]);
      expect(namedValue(snap, "ReportingDate")).toBe(APRIL_2024);
    },
  },
  {
    name: "writeColumn writes one value per row and leaves the other columns alone",
    async run(port, h) {
      await applied(port);
      await port.writeColumn("Actions", "SMART check", ["✓ SMART", "⚠ Measurable (1 issue)", null]);
      const snap = await (await h.reopen(port)).read();
      expect(columnOf(snap, "Actions", "SMART check")).toEqual(["✓ SMART", "⚠ Measurable (1 issue)", null]);
      expect(columnOf(snap, "Actions", "ID")).toEqual(ACTION_ROWS.map((r) => r[0]));
    },
  },
  {
    name: "writeColumn refuses a column of the wrong length or a missing column, naming the table",
    async run(port) {
      await applied(port);
      await expect(port.writeColumn("Actions", "SMART check", ["✓ SMART"])).rejects.toThrow(/Actions/);
      await expect(port.writeColumn("Actions", "No such column", [null, null, null])).rejects.toThrow(/No such column/);
      await expect(port.writeColumn("Nowhere", "SMART check", [null, null, null])).rejects.toThrow(/Nowhere/);
      expect(columnOf(await port.read(), "Actions", "SMART check")).toEqual([null, null, null]);
    },
  },
  {
    name: "addRows then read: the table grows by blank rows, the rows above unchanged",
    async run(port, h) {
      await applied(port);
      await port.addRows("Actions", 2);
      const snap = await (await h.reopen(port)).read();
      const actions = tableOf(snap, "Actions");
      expect(actions.range.replace(/^.*!/, "")).toBe("A1:E6");
      expect(actions.rows).toHaveLength(5);
      expect(inputRows(snap, "Actions")).toEqual([...ACTION_ROWS.map((r) => [r[0], r[1], r[2], r[4]]), [null, null, null, null], [null, null, null, null]]);
    },
  },
  {
    name: "blank rows: writeColumn after addRows takes one value per row, blanks included",
    async run(port, h) {
      await applied(port);
      await port.addRows("Actions", 3);
      await port.writeColumn("Actions", "SMART check", ["✓ SMART", "✓ SMART", "✗ Time-bound (1 issue)", null, null, null]);
      const snap = await (await h.reopen(port)).read();
      expect(columnOf(snap, "Actions", "SMART check")).toEqual(["✓ SMART", "✓ SMART", "✗ Time-bound (1 issue)", null, null, null]);
    },
  },
  {
    name: "a table designed with no rows reads back as one blank row",
    async run(port, h) {
      await applied(port, contractDesign([]));
      const snap = await (await h.reopen(port)).read();
      expect(inputRows(snap, "Actions")).toEqual([[null, null, null, null]]);
    },
  },
  {
    name: "replaceRows grows and shrinks a table to exactly the rows given; no rows leaves one blank row",
    async run(port, h) {
      await applied(port);
      const many = [1, 2, 3, 4].map((i) => [`DSP-ASC-0${i}`, `Priority ${i}`, "Directorate"]);
      await port.replaceRows("Register", many);
      expect(tableOf(await (await h.reopen(port)).read(), "Register").rows.map((r) => r.map(plain))).toEqual(many);
      await port.replaceRows("Register", many.slice(0, 2));
      const shrunk = tableOf(await (await h.reopen(port)).read(), "Register");
      expect(shrunk.rows.map((r) => r.map(plain))).toEqual(many.slice(0, 2));
      expect(shrunk.range.replace(/^.*!/, "")).toBe("A1:C3");
      await port.replaceRows("Register", []);
      expect(tableOf(await (await h.reopen(port)).read(), "Register").rows.map((r) => r.map(plain))).toEqual([[null, null, null]]);
    },
  },
  {
    name: "replaceRows refuses rows of the wrong width, naming the table, and changes nothing",
    async run(port) {
      await applied(port);
      await expect(port.replaceRows("Register", [["DSP-ASC-09", "Too short"]])).rejects.toThrow(/Register/);
      expect(tableOf(await port.read(), "Register").rows.map((r) => r.map(plain))).toEqual([["DSP-ASC-01", "Support people to live independently", "Directorate"]]);
    },
  },
  {
    name: "replaceRows on a protected sheet is refused, naming the table and the sheet, and changes nothing",
    async run(port, h) {
      await applied(port, contractDesign(ACTION_ROWS, true));
      await expect(port.replaceRows("Register", [["DSP-ASC-02", "Keep people safe", "Directorate"]])).rejects.toThrow(/"Register".*protected/);
      expect(tableOf(await port.read(), "Register").rows.map((r) => r.map(plain))).toEqual([["DSP-ASC-01", "Support people to live independently", "Directorate"]]);
      expect((await h.protectedSheets(port)).sort()).toEqual(["Actions", "Register"]);
    },
  },
  {
    name: "protection is kept: sheets protected by the design stay protected after every write",
    async run(port, h) {
      await applied(port);
      expect(await h.protectedSheets(port)).toEqual(["Actions"]);
      await port.writeColumn("Actions", "SMART check", ["✓ SMART", null, null]);
      await port.addRows("Actions", 2);
      await port.replaceRows("Register", [
        ["DSP-ASC-02", "Keep people safe", "Directorate"],
        ["DSP-ASC-03", "Good health", "Directorate"],
      ]);
      await port.setNamedValue("ReportingDate", APRIL_2024 + 91);
      expect(await h.protectedSheets(await h.reopen(port))).toEqual(["Actions"]);
    },
  },
  {
    // Issue 10: what is under a table is never overwritten by new rows. Excel moves it down (as
    // its table row insert does); the files adapter refuses, naming the cell. Either keeps it.
    name: "addRows and replaceRows never overwrite what is under the table: it moves down or the write is refused by cell",
    async run(port, h) {
      const design = contractDesign();
      design.sheets[0].cells.push({ address: "A6", value: "Signed off by the Head of Service" });
      design.sheets[1].cells.push({ address: "A3", value: "Register checked 01/04/2024" });
      await applied(port, design);
      const added = await port.addRows("Actions", 2).then(
        () => true,
        (e: Error) => (expect(e.message).toMatch(/Actions!A6/), false),
      );
      const replaced = await port
        .replaceRows(
          "Register",
          [1, 2, 3].map((i) => [`DSP-ASC-0${i}`, `Priority ${i}`, "Directorate"]),
        )
        .then(
          () => true,
          (e: Error) => (expect(e.message).toMatch(/Register!A3/), false),
        );
      const snap = await (await h.reopen(port)).read();
      const cell = (sheet: string, row: number) => snap.sheets.find((s) => s.name === sheet)!.values[row - 1]?.[0];
      expect(tableOf(snap, "Actions").rows).toHaveLength(added ? 5 : 3);
      expect(cell("Actions", added ? 8 : 6)).toBe("Signed off by the Head of Service");
      expect(tableOf(snap, "Register").rows).toHaveLength(replaced ? 3 : 1);
      expect(cell("Register", replaced ? 5 : 3)).toBe("Register checked 01/04/2024");
    },
  },
  {
    name: "setNamedValue sets the named cell; an unknown name is refused by name",
    async run(port, h) {
      await applied(port);
      await port.setNamedValue("ReportingDate", APRIL_2024 + 182);
      expect(namedValue(await (await h.reopen(port)).read(), "ReportingDate")).toBe(APRIL_2024 + 182);
      await expect(port.setNamedValue("NoSuchName", 1)).rejects.toThrow(/NoSuchName/);
    },
  },
  {
    name: "update reads only the sheets, tables and columns asked for: headers whole, null in the other columns; what does not exist is left out",
    async run(port) {
      await applied(port);
      const request: ReadRequest = { sheets: ["Settings", "No such sheet"], tables: [{ name: "Actions", columns: ["id", "DUE DATE"] }, { name: "NoSuchTable" }, { name: "Register", columns: [] }] };
      const snap = await port.update(request, (s) => ({ edits: [], result: s }));
      expect(snap.sheets.map((s) => s.name)).toEqual(["Settings"]);
      expect(sheetRow(snap, "Settings", 2)).toEqual(["Reporting date", APRIL_2024]);
      expect(snap.tables.map((t) => t.name).sort()).toEqual(["Actions", "Register"]);
      expect(tableOf(snap, "Actions").headers).toEqual(["ID", "Action", "Due date", "Action status", "SMART check"]);
      expect(tableOf(snap, "Actions").rows.map((r) => r.map(plain))).toEqual(ACTION_ROWS.map((r) => [r[0], null, r[2], null, null]));
      expect(tableOf(snap, "Register").rows).toEqual([[null, null, null]]);
      expect(namedValue(snap, "ReportingDate")).toBe(APRIL_2024);
    },
  },
  {
    name: "update's rows edit adds rows at the end and deletes only the rows named; every other row is left as it was",
    async run(port, h) {
      await applied(port);
      const rows = [1, 2, 3, 4].map((i) => [`DSP-ASC-0${i}`, `Priority ${i}`, "Directorate"]);
      await port.replaceRows("Register", rows);
      const edits: WorkbookEdit[] = [
        {
          kind: "rows",
          table: "Register",
          remove: [1, 2],
          append: [
            ["DSP-ASC-05", "Priority 5", "Directorate"],
            ["DSP-ASC-06", null, "Directorate"],
          ],
        },
      ];
      const seen = await port.update({ sheets: [], tables: [{ name: "Register", columns: ["Code"] }] }, (s) => ({ edits, result: tableOf(s, "Register").rows.map((r) => r[0]) }));
      expect(seen).toEqual(rows.map((r) => r[0]));
      expect(tableOf(await (await h.reopen(port)).read(), "Register").rows.map((r) => r.map(plain))).toEqual([
        rows[0],
        rows[3],
        ["DSP-ASC-05", "Priority 5", "Directorate"],
        ["DSP-ASC-06", null, "Directorate"],
      ]);
    },
  },
  {
    name: "update's rows edit never overwrites what is under the table: it moves down or the edit is refused by cell",
    async run(port, h) {
      const design = contractDesign();
      design.sheets[1].cells.push({ address: "A3", value: "Register checked 01/04/2024" });
      await applied(port, design);
      const edits: WorkbookEdit[] = [{ kind: "rows", table: "Register", remove: [], append: [["DSP-ASC-02", "Keep people safe", "Directorate"]] }];
      const added = await port
        .update({ sheets: [], tables: [{ name: "Register", columns: [] }] }, () => ({ edits, result: true }))
        .catch((e: Error) => (expect(e.message).toMatch(/Register!A3/), false));
      const snap = await (await h.reopen(port)).read();
      expect(tableOf(snap, "Register").rows).toHaveLength(added ? 2 : 1);
      expect(snap.sheets.find((s) => s.name === "Register")!.values[added ? 3 : 2]?.[0]).toBe("Register checked 01/04/2024");
    },
  },
  {
    name: "update: edits after a lock on an open sheet (another lock, cells) are written, and the sheet ends protected",
    async run(port, h) {
      await applied(port);
      const edits: WorkbookEdit[] = [
        { kind: "lock", table: "Register", columns: ["Code"] },
        { kind: "lock", table: "Register", columns: ["Name"] },
        { kind: "cells", sheet: "Register", address: "E1", values: [["Checked"]], locked: false },
      ];
      await port.update({ sheets: ["Register"], tables: [{ name: "Register", columns: [] }] }, () => ({ edits, result: null }));
      const again = await h.reopen(port);
      expect((await h.protectedSheets(again)).sort()).toEqual(["Actions", "Register"]);
      expect(await h.lockedCells(again, "Register", ["A2", "B2", "E1"])).toEqual([true, true, false]);
      expect(sheetRow(await again.read(), "Register", 1)?.[4]).toBe("Checked");
    },
  },
  {
    name: "update's cells edit on a protected sheet of which only a table's column was read writes the cell, locked, and the sheet stays protected",
    async run(port, h) {
      await applied(port);
      const edits: WorkbookEdit[] = [{ kind: "cells", sheet: "Actions", address: "C3", values: [[APRIL_2024 + 30]], locked: true }];
      await port.update({ sheets: [], tables: [{ name: "Actions", columns: ["ID"] }] }, () => ({ edits, result: null }));
      const again = await h.reopen(port);
      expect(await h.lockedCells(again, "Actions", ["C2", "C3", "C4"])).toEqual([false, true, false]);
      expect((await h.protectedSheets(again)).sort()).toEqual(["Actions"]);
      expect(tableOf(await again.read(), "Actions").rows.map((r) => r[2])).toEqual([APRIL_2024 + 300, APRIL_2024 + 30, APRIL_2024 + 200]);
    },
  },
  {
    name: "update's rows edit removing every row and adding none leaves one blank row",
    async run(port, h) {
      await applied(port);
      await port.update({ sheets: [], tables: [{ name: "Register", columns: [] }] }, () => ({ edits: [{ kind: "rows", table: "Register", remove: [0], append: [] }], result: null }));
      expect(tableOf(await (await h.reopen(port)).read(), "Register").rows.map((r) => r.map(plain))).toEqual([[null, null, null]]);
    },
  },
  {
    name: "update's rows edit on a protected sheet is refused, naming the table and the sheet, and changes nothing",
    async run(port, h) {
      await applied(port, contractDesign(ACTION_ROWS, true));
      const edits: WorkbookEdit[] = [{ kind: "rows", table: "Register", remove: [0], append: [["DSP-ASC-02", "Keep people safe", "Directorate"]] }];
      await expect(port.update({ sheets: [], tables: [{ name: "Register", columns: [] }] }, () => ({ edits, result: null }))).rejects.toThrow(/"Register".*protected/);
      expect(tableOf(await port.read(), "Register").rows.map((r) => r.map(plain))).toEqual([["DSP-ASC-01", "Support people to live independently", "Directorate"]]);
      expect((await h.protectedSheets(port)).sort()).toEqual(["Actions", "Register"]);
    },
  },
  {
    name: "update's lock edit locks only the named columns' data cells and protects the sheet; cells edits write values, formats and locking",
    async run(port, h) {
      await applied(port);
      expect(await h.lockedCells(port, "Actions", ["A2", "B2", "C2", "C4"])).toEqual([false, false, false, false]);
      const edits: WorkbookEdit[] = [
        { kind: "lock", table: "Actions", columns: ["Due date"] },
        { kind: "lock", table: "Register", columns: ["Name"] },
        { kind: "cells", sheet: "Settings", address: "A3:B3", values: [["Checked on", APRIL_2024 + 7]], numberFormats: [["@", "dd/mm/yyyy"]], locked: true },
      ];
      await port.update(
        {
          sheets: ["Settings"],
          tables: [
            { name: "Actions", columns: [] },
            { name: "Register", columns: [] },
          ],
        },
        () => ({ edits, result: null }),
      );
      const again = await h.reopen(port);
      expect(await h.lockedCells(again, "Actions", ["A2", "B2", "C2", "C3", "C4"])).toEqual([false, false, true, true, true]);
      expect(await h.lockedCells(again, "Settings", ["A3", "B3", "B2"])).toEqual([true, true, false]);
      expect((await h.protectedSheets(again)).sort()).toEqual(["Actions", "Register"]);
      expect(sheetRow(await again.read(), "Settings", 3)).toEqual(["Checked on", APRIL_2024 + 7]);
    },
  },
];

/** Runs every case (or `cases`) against the adapter behind `harness`, one test each. */
export function describeWorkbookPortContract(harness: PortHarness, cases: readonly PortCase[] = WORKBOOK_PORT_CASES): void {
  describe(`WorkbookPort contract: ${harness.name}`, () => {
    for (const c of cases) test(c.name, async () => c.run(await harness.make(), harness));
  });
}
