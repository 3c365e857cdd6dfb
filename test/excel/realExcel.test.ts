// Issue 10: the office.js adapter where real Excel differs from a naive model of it. Each case runs
// against the Excel double, which models the behaviour Microsoft documents (or the office-js issue
// cited beside it in the double), so each test fails where real Excel would.
import { createFakeOffice, FakeHostOptions, FakeOffice, FakeSeed } from "../doubles/excel/fakeExcel";
import { ExcelWorkbook } from "../../src/excel/adapter";
import { explicitProtectionOptions } from "../../src/excel/protection";
import { sampleDesign } from "../doubles/excel/sampleDesign";
import fc from "fast-check";

function setup(seed?: FakeSeed, host: Partial<FakeHostOptions> = {}): { fake: FakeOffice; workbook: ExcelWorkbook } {
  const fake = createFakeOffice(seed, { logCommands: true, ...host });
  const workbook = new ExcelWorkbook({ run: (batch) => fake.Excel.run({ delayForCellEdit: true }, batch as never), requirements: fake.Office.context.requirements });
  return { fake, workbook };
}

async function planned(rows: number, host: Partial<FakeHostOptions> = {}) {
  const s = setup(undefined, host);
  await s.workbook.apply(sampleDesign(rows));
  s.fake.workbook.resetStats();
  return s;
}

const smartColumn = (fake: FakeOffice) => fake.workbook.table("Actions").box.c2;

describe("2. protection", () => {
  test("a plan sheet is protected again with explicit options, though Excel hands back options with null members (office-js #1931)", async () => {
    const { fake, workbook } = await planned(4);
    await workbook.writeColumn("Actions", "SMART check", ["a", "b", "c", "d"]);
    const protection = fake.workbook.sheet("Actions").protection;
    expect(protection.protected).toBe(true);
    expect(Object.values(protection.options).every((v) => typeof v === "boolean")).toBe(true);
    expect(protection.options).toMatchObject({ allowAutoFilter: true, allowSort: true, allowFormatColumns: true, allowFormatRows: true });
    expect(fake.workbook.sheet("Actions").cell(5, smartColumn(fake))?.value).toBe("d");
  });

  test("explicit options never carry a null, whatever Excel gave back", () => {
    const member = fc.oneof(fc.boolean(), fc.constant(null), fc.constant(undefined), fc.string());
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom("allowAutoFilter", "allowSort", "allowInsertRows", "allowFormatCells", "selectionMode", "junk"), member), (loaded) => {
        const options = explicitProtectionOptions(loaded) as Record<string, unknown>;
        expect(Object.values(options).every((v) => typeof v === "boolean")).toBe(true);
        for (const [k, v] of Object.entries(loaded)) if (typeof v === "boolean" && k !== "junk" && k !== "selectionMode") expect(options[k]).toBe(v);
      }),
    );
  });

  test.each(["web", "desktop"] as const)("a sheet the user protected with a password is left alone, with a message (%s)", async (platform) => {
    const seed: FakeSeed = {
      sheets: [
        {
          name: "Log",
          values: [
            ["ID", "Note"],
            ["A1", "old"],
          ],
          password: "council",
        },
      ],
      tables: [{ name: "Log", sheet: "Log", range: "A1:B2" }],
    };
    const { fake, workbook } = setup(seed, { platform });
    await expect(workbook.writeColumn("Log", "Note", ["new"])).rejects.toThrow(
      'Cannot write column "Note" of table "Log": sheet "Log" is protected with a password, and Golden Thread does not remove or replace a password. Unprotect it (Review > Unprotect Sheet), run the command again, then protect it again with your password. Nothing was changed.',
    );
    expect(fake.workbook.sheet("Log").protection).toMatchObject({ protected: true, password: "council" });
    expect(fake.workbook.cellAt("Log", "B2").value).toBe("old");
    await expect(workbook.addRows("Log", 2)).rejects.toThrow(/sheet "Log" is protected with a password/);
    expect(fake.workbook.tableAddress("Log")).toBe("Log!A1:B2");
  });

  test("an unprotected sheet is never unprotected or protected (office-js #6784)", async () => {
    const seed: FakeSeed = {
      sheets: [
        {
          name: "Log",
          values: [
            ["ID", "Note", "Twice"],
            ["A1", "old", "=1*2"],
          ],
        },
      ],
      tables: [{ name: "Log", sheet: "Log", range: "A1:C2" }],
    };
    const { fake, workbook } = setup(seed);
    await workbook.writeColumn("Log", "Note", ["new"]);
    await workbook.addRows("Log", 1);
    expect(fake.workbook.commandLog.filter((l) => /protection\.(un)?protect/.test(l))).toEqual([]);
    expect(fake.workbook.sheet("Log").protection.protected).toBe(false);
  });

  test("a failure between unprotect and protect puts protection back before the error is reported", async () => {
    const { fake, workbook } = await planned(3);
    // A wider table under the plan's table: Excel cannot shift part of it down to make room.
    const actions = fake.workbook.table("Actions");
    const sheet = fake.workbook.sheet("Actions");
    sheet.touch(actions.box.r2 + 1, 1).value = "note";
    fake.workbook.tables.push({ id: "{x}", name: "Wide", sheet, box: { r1: actions.box.r2 + 1, r2: actions.box.r2 + 3, c1: 1, c2: actions.box.c2 + 2 }, style: "", showBandedRows: true });
    await expect(workbook.addRows("Actions", 2)).rejects.toThrow(/^Cannot add 2 rows to table "Actions" \(sheet "Actions"\): .*shift cells in a table/);
    expect(sheet.protection.protected).toBe(true);
    expect(fake.workbook.enableEvents).toBe(true);
  });
});

describe("3. co-authoring: rows are written below the table, not added with table.rows.add", () => {
  test("Add rows expands the table by writing below it, in at most 3 syncs", async () => {
    const { fake, workbook } = await planned(5);
    await workbook.addRows("Actions", 4);
    expect(fake.workbook.commandLog.some((l) => l.includes("rows.add"))).toBe(false);
    expect(fake.workbook.tableAddress("Actions")).toMatch(/^Actions!A1:[A-Z]+10$/);
    expect(fake.workbook.stats.syncs).toBeLessThanOrEqual(3);
  });

  test("Replace rows grows the table by writing below it, moving a note under the table down, not overwriting it", async () => {
    const seed: FakeSeed = {
      sheets: [
        {
          name: "Register",
          values: [
            ["ID", "Title"],
            ["CP1", "Thriving"],
            ["Note: kept by hand", ""],
          ],
        },
      ],
      tables: [{ name: "Register", sheet: "Register", range: "A1:B2" }],
    };
    const { fake, workbook } = setup(seed);
    await workbook.replaceRows("Register", [
      ["CP1", "Thriving"],
      ["CP2", "Healthy"],
      ["CP3", "Safe"],
    ]);
    expect(fake.workbook.commandLog.some((l) => l.includes("rows.add"))).toBe(false);
    expect(fake.workbook.tableAddress("Register")).toBe("Register!A1:B4");
    expect(fake.workbook.valuesOf("Register", "A2:B5")).toEqual([
      ["CP1", "Thriving"],
      ["CP2", "Healthy"],
      ["CP3", "Safe"],
      ["Note: kept by hand", ""],
    ]);
    expect(fake.workbook.stats.syncs).toBeLessThanOrEqual(3);
  });

  test("with Excel's table AutoCorrect off the table does not grow, and the user is told which option and which rows", async () => {
    const { fake, workbook } = await planned(3, { autoExpandTables: false });
    await expect(workbook.addRows("Actions", 2)).rejects.toThrow(
      /^Table "Actions" did not grow over the new rows \(Actions![A-Z]+5:[A-Z]+6\): Excel's AutoCorrect option "Include new rows and columns in table" is off\. Turn it on .* delete rows 5:6 under the table, and run the command again\.$/,
    );
    expect(fake.workbook.sheet("Actions").protection.protected).toBe(true);
    const register = setup(
      {
        sheets: [
          {
            name: "Register",
            values: [
              ["ID", "Title"],
              ["CP1", "x"],
            ],
          },
        ],
        tables: [{ name: "Register", sheet: "Register", range: "A1:B2" }],
      },
      { autoExpandTables: false },
    );
    await expect(
      register.workbook.replaceRows("Register", [
        ["CP1", "x"],
        ["CP2", "y"],
      ]),
    ).rejects.toThrow(/^Table "Register" did not grow over the new rows \(Register!A3:B3\)/);
  });

  test("a blank row to add below the table is refused by name (blank rows do not expand a table)", async () => {
    const { workbook } = setup({
      sheets: [
        {
          name: "Register",
          values: [
            ["ID", "Title"],
            ["CP1", "x"],
          ],
        },
      ],
      tables: [{ name: "Register", sheet: "Register", range: "A1:B2" }],
    });
    await expect(
      workbook.replaceRows("Register", [
        ["CP1", "x"],
        [null, null],
      ]),
    ).rejects.toThrow('Cannot replace the rows of table "Register": row 2 is blank');
  });
});

describe("4. filters", () => {
  test("a filtered table is refused clearly and nothing is written into the wrong rows (office-js #224, #994)", async () => {
    const { fake, workbook } = await planned(6);
    const before = fake.workbook.valuesOf("Actions", "A1:B7");
    fake.workbook.filterTable("Actions", "Action ID", (v) => String(v).endsWith("2"));
    const col = smartColumn(fake);
    await expect(workbook.writeColumn("Actions", "SMART check", ["1", "2", "3", "4", "5", "6"])).rejects.toThrow(
      'Cannot write column "SMART check" of table "Actions": table "Actions" on sheet "Actions" is filtered, so some rows are hidden and values could land in the wrong rows. Clear the filter (Data > Clear) and run the command again. Nothing was changed.',
    );
    expect([2, 3, 4, 5, 6, 7].map((r) => fake.workbook.sheet("Actions").cell(r, col)?.value ?? "")).toEqual(["", "", "", "", "", ""]);
    await expect(workbook.addRows("Actions", 2)).rejects.toThrow(/is filtered/);
    expect(fake.workbook.valuesOf("Actions", "A1:B7")).toEqual(before);
  });

  test("replacing the rows of a filtered table is refused", async () => {
    const { fake, workbook } = setup({
      sheets: [
        {
          name: "Register",
          values: [
            ["ID", "Title"],
            ["CP1", "a"],
            ["CP2", "b"],
            ["CP3", "c"],
          ],
        },
      ],
      tables: [{ name: "Register", sheet: "Register", range: "A1:B4" }],
    });
    fake.workbook.filterTable("Register", "ID", (v) => v === "CP2");
    await expect(workbook.replaceRows("Register", [["X", "y"]])).rejects.toThrow('Cannot replace the rows of table "Register": table "Register" on sheet "Register" is filtered');
    expect(fake.workbook.tableAddress("Register")).toBe("Register!A1:B4");
  });
});

describe("5. new rows get what they need set explicitly", () => {
  test("unlocked input cells, dropdowns, date formats and status colours reach rows added under a table with content below it", async () => {
    const { fake, workbook } = await planned(3);
    const sheet = fake.workbook.sheet("Actions");
    const t = fake.workbook.table("Actions");
    sheet.touch(t.box.r2 + 2, 1).value = "Signed off by the Head of Service";
    await workbook.addRows("Actions", 2);
    expect(fake.workbook.tableAddress("Actions")).toMatch(/^Actions!A1:[A-Z]+6$/);
    expect(fake.workbook.cellAt("Actions", "A8").value).toBe("Signed off by the Head of Service");
    expect(fake.workbook.cellAt("Actions", "B6").locked).toBe(false);
    const withList = sheet.validations.filter((v) => v.box.r1 <= 6 && v.box.r2 >= 6);
    expect(withList.length).toBeGreaterThan(0);
    const cfCols = new Set(sheet.conditionalFormats.map((f) => f.box.c1));
    for (const c of cfCols) expect(sheet.conditionalFormats.some((f) => f.box.c1 === c && f.box.r2 >= 6)).toBe(true);
  });
});

describe("6. page setup cannot skip protection or hiding", () => {
  test("a page setup Excel refuses leaves the plan protected and the Lists sheet hidden", async () => {
    const { fake, workbook } = setup();
    const design = sampleDesign(3);
    for (const s of design.sheets) if (s.print) s.print = { ...s.print, fitToWidth: false, scale: 5 };
    await expect(workbook.apply(design)).rejects.toThrow(/zoom scale = 5 is not a documented value/);
    for (const s of design.sheets) {
      const sheet = fake.workbook.sheet(s.name);
      if (s.protect) expect(sheet.protection.protected).toBe(true);
      if (s.visibility !== "visible") expect(sheet.visibility).not.toBe("Visible");
    }
    expect(fake.workbook.enableEvents).toBe(true);
  });
});

describe("9. big loose workbooks", () => {
  const loose = (rows: number, cols: number): FakeSeed => ({
    sheets: [{ name: "Service plan 2024", values: Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => (r === 0 ? `Heading ${c + 1}` : `r${r}c${c}`))) }],
  });

  test("a sheet too big for one desktop read (Excel answers null) is read in blocks, whole and in order", async () => {
    const fake = createFakeOffice(loose(120, 30), { platform: "desktop", desktopReadCellLimit: 1_000 });
    const workbook = new ExcelWorkbook({ run: (batch) => fake.Excel.run(batch as never), requirements: fake.Office.context.requirements, readBlockCells: 600 });
    const snapshot = await workbook.read();
    const sheet = snapshot.sheets.find((s) => s.name === "Service plan 2024")!;
    expect(sheet.values).toHaveLength(120);
    expect(sheet.values[119][29]).toBe("r119c29");
    expect(sheet.values.every((row, r) => r === 0 || row[0] === `r${r}c0`)).toBe(true);
  });

  test("a workbook whose used range runs to the sheet's far corner is refused with the sheet, range and what to do", async () => {
    const { workbook } = setup({
      sheets: [
        { name: "Notes", values: [["Plan notes"]] },
        { name: "Stray", values: [["x"]] },
      ],
    });
    const big = setup({ sheets: [{ name: "Notes", values: [["Plan notes"]] }] }, { platform: "desktop" });
    big.fake.workbook.sheet("Notes").touch(1_048_576, 16_384).value = "stray";
    await expect(big.workbook.read()).rejects.toThrow(
      /^Cannot read this workbook: it holds 17,179,869,184 cells, more than the 25,000,000 Golden Thread reads; sheet "Notes" alone uses A1:XFD1048576 .* Delete the unused rows and columns/,
    );
    await expect(workbook.read()).resolves.toBeTruthy();
  });
});
