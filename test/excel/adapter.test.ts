// The office.js adapter against the Excel double: what it writes, what it reads, and what it costs.
import { createFakeOffice, FakeHostOptions, FakeOffice, FakeSeed } from "../doubles/excel/fakeExcel";
import { ExcelWorkbook } from "../../src/excel/adapter";
import { ExcelVersionError } from "../../src/excel/requirements";
import { sampleDesign } from "../doubles/excel/sampleDesign";
import { REQUEST_LIMIT_BYTES } from "../../src/excel/chunks";
import type { WorkbookDesign } from "../../src/workbook/port";
import { columnLetter, columnNumber } from "../../src/workbook/a1";

function setup(seed?: FakeSeed, host: Partial<FakeHostOptions> = {}, requestLimitBytes?: number): { fake: FakeOffice; workbook: ExcelWorkbook } {
  const fake = createFakeOffice(seed, host);
  const workbook = new ExcelWorkbook({
    run: (batch) => fake.Excel.run({ delayForCellEdit: true }, batch as never),
    requirements: fake.Office.context.requirements,
    requestLimitBytes,
  });
  return { fake, workbook };
}

async function planned(rows = 5, host: Partial<FakeHostOptions> = {}, requestLimitBytes?: number) {
  const s = setup(undefined, host, requestLimitBytes);
  await s.workbook.apply(sampleDesign(rows));
  s.fake.workbook.resetStats();
  return s;
}

const MB = 1024 * 1024;

describe("apply", () => {
  test("creates sheets, tables, values, formulas, formats, names, protection and print settings", async () => {
    const { fake } = await planned(5);
    const wb = fake.workbook;
    expect(wb.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Sheet1", "Visible"],
      ["Plan", "Visible"],
      ["Actions", "Visible"],
      ["Measures", "Visible"],
      ["Settings", "Visible"],
      ["Lists", "Hidden"],
    ]);
    const design = sampleDesign(5);
    const actions = design.sheets[1].tables[0];
    expect(wb.tableAddress("Actions")).toBe(`Actions!A1:${String.fromCharCode(64 + actions.columns.length)}6`);
    expect(wb.valuesOf("Actions", "A1:C1")).toEqual([actions.columns.slice(0, 3).map((c) => c.header)]);
    expect(wb.cellAt("Actions", "A2").value).toBe("OSP-ASC-0001");
    // Text Excel would turn into a date or a formula stays text.
    const timescale = actions.columns.findIndex((c) => c.header === "Timescale as written");
    expect(wb.cellAt("Actions", `${String.fromCharCode(65 + timescale)}2`).value).toBe("March 2025");
    expect(wb.cellAt("Plan", "B3").value).toBe("- supports adults with care needs and their carers");
    expect(wb.cellAt("Plan", "B3").formula).toBeUndefined();
    // The status column holds the formula on every row, locked; input columns are unlocked.
    const status = String.fromCharCode(65 + actions.columns.findIndex((c) => c.header === "Action status"));
    for (const row of [2, 6]) expect(wb.cellAt("Actions", `${status}${row}`).formula).toBe(actions.columns.find((c) => c.header === "Action status")?.formula);
    expect(wb.cellAt("Actions", `${status}2`).locked).not.toBe(false);
    expect(wb.cellAt("Actions", "B2").locked).toBe(false);
    // Dates carry their format; dropdowns and input messages are in place.
    const due = String.fromCharCode(65 + actions.columns.findIndex((c) => c.validation?.type === "date"));
    expect(wb.cellAt("Actions", `${due}4`).numberFormat).toBe("dd/mm/yyyy");
    const rag = String.fromCharCode(65 + actions.columns.findIndex((c) => c.header === "Self-assessed RAG"));
    expect(wb.cellAt("Actions", `${rag}3`).validation?.rule).toEqual({ list: { inCellDropDown: true, source: "=SelfRagsList" } });
    expect(wb.cellAt("Actions", `${rag}3`).validation?.prompt).toMatchObject({ showPrompt: true, message: expect.stringContaining("Green, Amber or Red") });
    expect(wb.cellAt("Plan", "B2").validation?.prompt).toMatchObject({ message: expect.stringContaining("unique reference") });
    // Status shown by colour as well as text.
    const cf = wb.sheet("Actions").conditionalFormats.find((f) => JSON.stringify(f.rule).includes("Overdue"));
    expect(cf).toMatchObject({ type: "CellValue", fill: "#FFC7CE", font: "#9C0006", rule: { formula1: '="Overdue"', operator: "EqualTo" } });
    expect(wb.sheet("Actions")).toMatchObject({ frozenRows: 1, protection: { protected: true }, pageLayout: { orientation: "Landscape", paperSize: "A4", printTitleRows: "$1:$1" } });
    expect(wb.sheet("Actions").pageLayout.zoom).toEqual({ horizontalFitToPages: 1 });
    expect(wb.sheet("Plan").columnWidths.get(2)).toBeCloseTo((60 * 7 + 5) * 0.75);
    expect(wb.findName("ReportingDate")?.formula).toBe("=Settings!$B$2");
    expect(wb.findName("SelfRagsList")?.formula).toMatch(/^=Lists!\$[A-Z]\$2:\$[A-Z]\$4$/);
  });

  test.each([100, 2000])("uses at most 3 syncs and 4 MB per request for %i rows, with calculation suspended and events off", async (rows) => {
    const { fake, workbook } = setup();
    await workbook.apply(sampleDesign(rows));
    const stats = fake.workbook.stats;
    expect(stats.syncs).toBeLessThanOrEqual(3);
    expect(stats.largestRequestBytes).toBeLessThanOrEqual(4 * MB);
    expect(stats.writesWithEventsOn).toBe(0);
    expect(stats.writesWithCalculationOn).toBe(0);
    expect(fake.workbook.enableEvents).toBe(true); // put back afterwards
    expect(stats.calculations).toEqual(["Recalculate"]);
    expect(fake.workbook.table("Measures").box.r2).toBe(rows + 1);
  });

  test("writes values, then formulas, then formats", async () => {
    const { fake, workbook } = setup(undefined, { logCommands: true });
    await workbook.apply(sampleDesign(3));
    const log = fake.workbook.commandLog;
    const last = (re: RegExp) => log.map((l, i) => (re.test(l) ? i : -1)).reduce((a, b) => Math.max(a, b), -1);
    const first = (re: RegExp) => log.findIndex((l) => re.test(l));
    expect(last(/\.values$/)).toBeLessThan(first(/\.formulas$/));
    expect(last(/\.formulas$/)).toBeLessThan(first(/\.numberFormat$/));
    expect(first(/tables\.add$/)).toBeLessThan(first(/\.formulas$/)); // structured references need the table
    expect(last(/protection\.protect$/)).toBeGreaterThan(last(/dataValidation\.(rule|prompt)$/));
  });

  test("formulas and number formats cost the same request bytes at 20 rows as at 2,000 (filled by copyFrom)", async () => {
    const formulaBytes = async (rows: number) => {
      const design = sampleDesign(rows, rows);
      for (const t of design.sheets.flatMap((s) => s.tables)) t.rows = t.rows.map((r) => r.map(() => null)); // no values: formulas and formats only
      const { fake, workbook } = setup();
      await workbook.apply(design);
      return fake.workbook.stats.requestBytes.reduce((a, b) => a + b, 0);
    };
    const small = await formulaBytes(20);
    const large = await formulaBytes(2000);
    expect(large - small).toBeLessThan(2000); // only longer addresses, not a formula per row
  });

  test("keeps events off if they were off before", async () => {
    const { fake, workbook } = setup();
    fake.workbook.enableEvents = false;
    await workbook.apply(sampleDesign(2));
    expect(fake.workbook.enableEvents).toBe(false);
  });

  test("splits a write over the request limit into more syncs, each within it, with the same result", async () => {
    const limit = 256 * 1024;
    const small = setup(undefined, {}, limit);
    const whole = setup();
    await small.workbook.apply(sampleDesign(400));
    await whole.workbook.apply(sampleDesign(400));
    const stats = small.fake.workbook.stats;
    expect(stats.syncs).toBeGreaterThan(3);
    expect(stats.largestRequestBytes).toBeLessThanOrEqual(limit);
    expect(stats.writesWithEventsOn).toBe(0);
    expect(stats.writesWithCalculationOn).toBe(0);
    expect(await small.workbook.read()).toEqual(await whole.workbook.read());
  });

  test("a 20,000-row plan stays under 4 MB a request by taking more syncs (the honest trade-off)", async () => {
    const { fake, workbook } = setup();
    await workbook.apply(sampleDesign(20_000, 0));
    const { syncs, requestBytes } = fake.workbook.stats;
    expect(Math.max(...requestBytes)).toBeLessThanOrEqual(REQUEST_LIMIT_BYTES);
    const total = requestBytes.reduce((a, b) => a + b, 0);
    expect(syncs).toBeLessThanOrEqual(1 + Math.ceil(total / (REQUEST_LIMIT_BYTES * 0.8)));
    expect(fake.workbook.table("Actions").box.r2).toBe(20_001);
  }, 60_000);

  test("a 20,000-row plan takes at most 3 syncs, each request within 4 MB, the checks riding in the first", async () => {
    const { fake, workbook } = setup();
    await workbook.apply(sampleDesign(10_000, 10_000));
    const { syncs, requestBytes } = fake.workbook.stats;
    expect(syncs).toBeLessThanOrEqual(3);
    expect(Math.max(...requestBytes)).toBeLessThanOrEqual(4 * MB);
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Sheet1", "Plan", "Actions", "Measures", "Settings", "Lists"]);
    expect(fake.workbook.table("Measures").box.r2).toBe(10_001);
  }, 60_000);

  test("refusing leaves the workbook as it was: no temporary sheet, no new table or name, events on", async () => {
    const { fake, workbook } = setup({
      sheets: [{ name: "Old", values: [["H"], [1]] }],
      tables: [{ name: "Measures", sheet: "Old", range: "A1:A2" }],
      names: [{ name: "ReportingDate", ref: "=Old!$A$2" }],
    });
    await expect(workbook.apply(sampleDesign(2))).rejects.toThrow(/already has a table called "Measures"/);
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Old"]);
    expect(fake.workbook.tables.map((t) => t.name)).toEqual(["Measures"]);
    expect(fake.workbook.names.map((n) => n.name)).toEqual(["ReportingDate"]);
    expect(fake.workbook.enableEvents).toBe(true);
    expect(fake.workbook.stats.syncs).toBe(2);
  });

  test("a first request the host refuses leaves the workbook as it was, with events back on", async () => {
    const { fake, workbook } = setup(undefined, { requestLimitBytes: 200 * 1024 });
    await expect(workbook.apply(sampleDesign(2000))).rejects.toThrow(/RequestPayloadSizeLimitExceeded/);
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(fake.workbook.enableEvents).toBe(true);
  });

  test("refuses a sheet that already has content, naming it, before writing anything", async () => {
    const { fake, workbook } = setup({ sheets: [{ name: "Actions", values: [["someone's notes"]] }] });
    await expect(workbook.apply(sampleDesign(2))).rejects.toThrow(/sheet Actions!A1 already has content/);
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Actions"]);
    expect(fake.workbook.enableEvents).toBe(true);
  });

  test("reuses an empty sheet of the same name", async () => {
    const { fake, workbook } = setup({ sheets: [{ name: "Plan" }] });
    await workbook.apply(sampleDesign(2));
    expect(fake.workbook.sheets.filter((s) => s.name === "Plan")).toHaveLength(1);
    expect(fake.workbook.cellAt("Plan", "A1").value).toBe("Plan details");
    expect(fake.workbook.stats.syncs).toBe(3);
  });

  test("refuses a table name the workbook already uses", async () => {
    const { workbook } = setup({ sheets: [{ name: "Old", values: [["H"], [1]] }], tables: [{ name: "Actions", sheet: "Old", range: "A1:A2" }] });
    await expect(workbook.apply(sampleDesign(2))).rejects.toThrow(/already has a table called "Actions"/);
  });

  test("a bad design fails with a clear message before Excel is touched", async () => {
    const { fake, workbook } = setup();
    const design: WorkbookDesign = sampleDesign(2);
    design.sheets[1].tables[0].rows[1] = design.sheets[1].tables[0].rows[1].slice(1);
    await expect(workbook.apply(design)).rejects.toThrow(/design: sheet "Actions", table "Actions", data row 2: \d+ values for \d+ columns/);
    const twice = sampleDesign(2);
    twice.sheets[2].tables[0].columns[3].header = twice.sheets[2].tables[0].columns[2].header;
    await expect(workbook.apply(twice)).rejects.toThrow(/table "Measures", column 4 ".*": header appears twice/);
    const long = sampleDesign(2);
    long.sheets[0].cells[2].prompt = "x".repeat(300);
    await expect(workbook.apply(long)).rejects.toThrow(/sheet "Plan"!B2: input message has 300 characters; Excel allows 255/);
    expect(fake.workbook.stats.runs).toHaveLength(0);
  });
});

describe("read", () => {
  test("returns sheets, tables and names in two syncs, whatever the row count", async () => {
    for (const rows of [10, 2000]) {
      const { fake, workbook } = await planned(rows);
      const snapshot = await workbook.read();
      expect(fake.workbook.stats.syncs).toBe(2);
      const actions = snapshot.tables.find((t) => t.name === "Actions");
      expect(actions).toMatchObject({ sheet: "Actions", range: expect.stringMatching(new RegExp(`^A1:[A-Z]+${rows + 1}$`)) });
      expect(actions?.rows).toHaveLength(rows);
      expect(actions?.headers[0]).toBe("Action ID");
      expect(actions?.rows[0][0]).toBe("OSP-ASC-0001");
      expect(actions?.rows[0].at(-1)).toBeNull(); // the SMART column is empty
      const plan = snapshot.sheets.find((s) => s.name === "Plan");
      expect(plan).toMatchObject({ origin: "A1", visibility: "visible" });
      expect(plan?.values[1]).toEqual(["Plan ID", "OSP-ASC-2024"]);
      expect(snapshot.sheets.find((s) => s.name === "Lists")?.visibility).toBe("hidden");
      const settings = snapshot.sheets.find((s) => s.name === "Settings");
      expect(settings?.numberFormats?.[1][1]).toBe("dd/mm/yyyy");
      expect(snapshot.names).toContainEqual({ name: "ReportingDate", ref: "Settings!$B$2" });
    }
  });

  test("an answer too big for Excel on the web is read again in blocks, each within the limit", async () => {
    const limit = 200 * 1024;
    const web = createFakeOffice(undefined, { responseLimitBytes: limit });
    const desktop = createFakeOffice(undefined, { platform: "desktop" });
    const adapter = (fake: FakeOffice) => new ExcelWorkbook({ run: (b) => fake.Excel.run({ delayForCellEdit: true }, b as never), requirements: null, readResponseTargetBytes: 150 * 1024 });
    await adapter(web).apply(sampleDesign(600));
    await adapter(desktop).apply(sampleDesign(600));
    web.workbook.resetStats();
    desktop.workbook.resetStats();
    const blocked = await adapter(web).read();
    const whole = await adapter(desktop).read();
    expect(blocked).toEqual(whole);
    expect(blocked.tables.find((t) => t.name === "Measures")?.rows).toHaveLength(600);
    const responses = web.workbook.stats.responseBytes;
    expect(responses.filter((b) => b > limit)).toHaveLength(0); // blocks are sized from the first, so none is refused
    expect(web.workbook.stats.syncs).toBeGreaterThan(3);
    expect(desktop.workbook.stats.syncs).toBeGreaterThan(3);
  });

  test("a 20,000-row plan reads in at most 3 syncs, every answer under Excel on the web's 5 MB", async () => {
    const web = await planned(10_000);
    const desktop = await planned(10_000, { platform: "desktop", responseLimitBytes: 1024 * MB });
    const snapshot = await web.workbook.read();
    const { syncs, responseBytes } = web.fake.workbook.stats;
    expect(syncs).toBeLessThanOrEqual(3);
    expect(Math.max(...responseBytes)).toBeLessThan(5 * MB);
    expect(snapshot.tables.find((t) => t.name === "Actions")?.rows).toHaveLength(10_000);
    expect(snapshot).toEqual(await desktop.workbook.read());
  });
});

describe("writeColumn", () => {
  test("writes a column of a table on a protected sheet in three syncs (the last recalculating), and protects it again", async () => {
    const { fake, workbook } = await planned(2000);
    const values = Array.from({ length: 2000 }, (_, i) => (i % 3 === 0 ? null : `Specific: no verb (row ${i + 2})`));
    await workbook.writeColumn("Actions", "SMART check", values);
    const stats = fake.workbook.stats;
    expect(stats.syncs).toBe(3);
    // Recalculated after calculation resumed, not inside the suspended request.
    expect(stats.calculations).toEqual(["Recalculate"]);
    expect(stats.calculationsWhileSuspended).toEqual([]);
    expect(stats.largestRequestBytes).toBeLessThanOrEqual(4 * MB);
    expect(stats.writesWithEventsOn).toBe(0);
    expect(stats.writesWithCalculationOn).toBe(0);
    const table = fake.workbook.table("Actions");
    const col = table.box.c2;
    expect(fake.workbook.sheet("Actions").cell(3, col)?.value).toBe("Specific: no verb (row 3)");
    expect(fake.workbook.sheet("Actions").cell(2, col)?.value ?? "").toBe("");
    expect(fake.workbook.sheet("Actions").protection).toMatchObject({ protected: true, options: { allowAutoFilter: true, allowSort: true } });
  });

  test("says clearly when the table, column or row count is wrong", async () => {
    const { workbook } = await planned(3);
    await expect(workbook.writeColumn("Nope", "SMART check", [])).rejects.toThrow('Cannot write column "SMART check": there is no table called "Nope" in this workbook.');
    await expect(workbook.writeColumn("Actions", "Smartness", ["a", "b", "c"])).rejects.toThrow(/table "Actions" has no such column \(it has Action ID, Action, /);
    await expect(workbook.writeColumn("Actions", "SMART check", ["a"])).rejects.toThrow(/\(Actions!A1:[A-Z]+4\): 1 values for 3 data rows/);
  });
});

describe("addRows", () => {
  const letter = (design: WorkbookDesign, table: string, header: string) => {
    const t = design.sheets.flatMap((s) => s.tables).find((x) => x.name === table)!;
    return columnLetter(1 + t.columns.findIndex((c) => c.header === header));
  };

  test("adds rows to a protected table in three syncs: formulas, formats, validation and status colours set on them, protection as it was", async () => {
    const { fake, workbook } = await planned(5);
    const design = sampleDesign(5);
    const wb = fake.workbook;
    const protectionBefore = JSON.parse(JSON.stringify(wb.sheet("Actions").protection));
    await workbook.addRows("Actions", 3);
    expect(wb.stats.syncs).toBe(3);
    expect(wb.stats.writesWithEventsOn).toBe(0);
    expect(wb.tableAddress("Actions")).toMatch(/^Actions!A1:[A-Z]+9$/);
    const status = letter(design, "Actions", "Action status");
    const formula = design.sheets[1].tables[0].columns.find((c) => c.header === "Action status")?.formula;
    for (const row of [7, 9]) {
      expect(wb.cellAt("Actions", `${status}${row}`).formula).toBe(formula);
      expect(wb.cellAt("Actions", `${status}${row}`).locked).not.toBe(false);
      expect(wb.cellAt("Actions", `B${row}`)).toMatchObject({ value: "", locked: false });
    }
    expect(wb.cellAt("Actions", `${status}10`).formula).toBeUndefined();
    const due = design.sheets[1].tables[0].columns.findIndex((c) => c.validation?.type === "date");
    expect(wb.cellAt("Actions", `${String.fromCharCode(65 + due)}9`).numberFormat).toBe("dd/mm/yyyy");
    const rag = letter(design, "Actions", "Self-assessed RAG");
    expect(wb.cellAt("Actions", `${rag}9`).validation?.rule).toEqual({ list: { inCellDropDown: true, source: "=SelfRagsList" } });
    const statusCol = columnNumber(status);
    expect(
      wb
        .sheet("Actions")
        .conditionalFormats.filter((f) => f.box.c1 === statusCol)
        .every((f) => f.box.r2 === 9),
    ).toBe(true);
    // The same permissions, now written out in full (explicit options, never nulls).
    expect(wb.sheet("Actions").protection).toMatchObject(protectionBefore);
    expect(protectionBefore).toMatchObject({ protected: true, options: { allowAutoFilter: true, allowSort: true, allowFormatColumns: true, allowFormatRows: true } });
  });

  test("stays at three syncs and under the request limit for 5,000 rows", async () => {
    const { fake, workbook } = await planned(20);
    await workbook.addRows("Measures", 5000);
    expect(fake.workbook.stats.syncs).toBe(3);
    expect(fake.workbook.stats.largestRequestBytes).toBeLessThan(4 * MB);
    const t = fake.workbook.table("Measures");
    expect(t.box.r2 - t.box.r1).toBe(5020);
    const design = sampleDesign(20);
    const ragCol = letter(design, "Measures", "RAG");
    const formula = design.sheets
      .flatMap((s) => s.tables)
      .find((x) => x.name === "Measures")!
      .columns.find((c) => c.header === "RAG")?.formula;
    expect(fake.workbook.cellAt("Measures", `${ragCol}${t.box.r2}`).formula).toBe(formula);
  });

  test("an unprotected sheet stays unprotected", async () => {
    const { fake, workbook } = setup({
      sheets: [
        {
          name: "Log",
          values: [
            ["When", "Twice"],
            [1, "=A2*2"],
          ],
        },
      ],
      tables: [{ name: "Log", sheet: "Log", range: "A1:B2" }],
    });
    await workbook.addRows("Log", 2);
    expect(fake.workbook.tableAddress("Log")).toBe("Log!A1:B4");
    expect(fake.workbook.cellAt("Log", "B4").formula).toBe("=A4*2");
    expect(fake.workbook.sheet("Log").protection.protected).toBe(false);
  });

  test("names the missing table, refuses a bad count, and puts protection back when Excel refuses", async () => {
    const { fake, workbook } = await planned(3);
    await expect(workbook.addRows("Risks", 5)).rejects.toThrow('Cannot add rows: there is no table called "Risks" in this workbook.');
    await expect(workbook.addRows("Actions", 0)).rejects.toThrow('Cannot add rows to table "Actions": the number of rows must be a whole number from 1 to 5000 (got 0).');
    await expect(workbook.addRows("Actions", 5001)).rejects.toThrow("(got 5001)");
    // Excel refuses rows that would run off the sheet: the table moved to the bottom rows.
    const before = JSON.parse(JSON.stringify(fake.workbook.sheet("Actions").protection));
    const t = fake.workbook.table("Actions");
    t.box = { ...t.box, r1: 1_048_570 - (t.box.r2 - t.box.r1), r2: 1_048_570 };
    await expect(workbook.addRows("Actions", 10)).rejects.toThrow(/^Cannot add 10 rows to table "Actions": /);
    expect(fake.workbook.sheet("Actions").protection).toEqual(before);
    expect(fake.workbook.enableEvents).toBe(true);
  });
});

describe("setNamedValue and select", () => {
  test("sets the reporting date through its name", async () => {
    const { fake, workbook } = await planned(2);
    await workbook.setNamedValue("ReportingDate", 45657);
    expect(fake.workbook.cellAt("Settings", "B2").value).toBe(45657);
    expect(fake.workbook.stats.syncs).toBe(3);
    // The statuses follow the new date: recalculated once calculation has resumed.
    expect(fake.workbook.stats.calculations).toEqual(["Recalculate"]);
    expect(fake.workbook.stats.writesWithEventsOn).toBe(0);
  });

  test("explains a missing name, a multi-cell name and a locked cell, and puts events back", async () => {
    const { fake, workbook } = await planned(2);
    await expect(workbook.setNamedValue("NoSuchName", 1)).rejects.toThrow('Cannot set "NoSuchName": there is no defined name "NoSuchName" in this workbook.');
    await expect(workbook.setNamedValue("SelfRagsList", "Green")).rejects.toThrow(/refers to =Lists!\$[A-Z]\$2:\$[A-Z]\$4, which is more than one cell/);
    await expect(workbook.setNamedValue("FormatLabel", 1)).rejects.toThrow(/no defined name/);
    // A name on a locked cell of a protected sheet:
    await fake.Excel.run(async (context: Excel.RequestContext) => {
      context.workbook.names.add("Heading", "=Settings!$A$1");
      await context.sync();
    });
    await expect(workbook.setNamedValue("Heading", "x")).rejects.toThrow('Cannot set "Heading": cell Settings!A1 is locked on a protected sheet.');
    expect(fake.workbook.enableEvents).toBe(true);
  });

  test("selects a cell in one sync, and explains a missing sheet or bad address", async () => {
    const { fake, workbook } = await planned(2);
    await workbook.select("Measures", "C4");
    expect(fake.workbook.selection).toEqual({ sheet: "Measures", address: "C4" });
    expect(fake.workbook.activeSheet).toBe("Measures");
    expect(fake.workbook.stats.syncs).toBe(1);
    await expect(workbook.select("Nowhere", "A1")).rejects.toThrow('Cannot select A1: there is no sheet called "Nowhere".');
    await expect(workbook.select("Measures", "row 4")).rejects.toThrow('Cannot select "row 4" on sheet "Measures": not a cell address like B7.');
    await expect(workbook.select("Lists", "A1")).rejects.toThrow('Cannot select A1: sheet "Lists" is hidden.');
  });
});

describe("host checks", () => {
  test("an Excel without ExcelApi 1.9 gets the plain message and no command runs", async () => {
    const { fake, workbook } = setup(undefined, { apiVersion: "1.7" });
    await expect(workbook.read()).rejects.toThrow(ExcelVersionError);
    await expect(workbook.read()).rejects.toThrow(
      "Golden Thread needs ExcelApi 1.9: Microsoft 365 on Windows, Excel for Mac 16.24 or later, Excel 2021 or 2024, or Excel on the web. Excel 2016 and Excel 2019 do not have it. This copy of Excel supports up to ExcelApi 1.7.",
    );
    expect(fake.workbook.stats.runs).toHaveLength(0);
  });

  test("the default runner is Excel.run with delayForCellEdit, so typing in a cell delays a command", async () => {
    const fake = createFakeOffice({ sheets: [{ name: "Data", values: [["a"]] }] });
    const globals = globalThis as unknown as { Excel?: unknown; Office?: unknown };
    globals.Excel = fake.Excel;
    globals.Office = fake.Office;
    try {
      const workbook = new ExcelWorkbook();
      fake.beginCellEdit();
      let done = false;
      const reading = workbook.read().then(() => (done = true));
      await new Promise((r) => setTimeout(r, 10));
      expect(done).toBe(false);
      fake.endCellEdit();
      await reading;
      expect(fake.workbook.stats.runs).toEqual([{ delayForCellEdit: true }]);
    } finally {
      delete globals.Excel;
      delete globals.Office;
    }
  });
});

describe("replaceRows", () => {
  // `below` puts a note two rows under the table (the double's rows.add does not shift cells down, so only shrinking tests use it).
  const seed = (rows: (string | number)[][], below = false): FakeSeed => ({
    sheets: [
      {
        name: "Register",
        values: [
          ["ID", "Title", "Tier", "Lead officer"],
          ...rows,
          ...(below
            ? [
                ["", "", "", ""],
                ["below", "", "", ""],
              ]
            : []),
        ],
      },
    ],
    tables: [{ name: "Register", sheet: "Register", range: `A1:D${1 + Math.max(1, rows.length)}` }],
  });
  const body = async (workbook: ExcelWorkbook) => (await workbook.read()).tables.find((t) => t.name === "Register")!.rows;

  test("grows the table to the rows given, in three syncs, with text kept as text", async () => {
    const { fake, workbook } = setup(seed([["CP1", "Thriving", "Corporate", ""]]));
    await workbook.replaceRows("Register", [
      ["DSP-01", "Recommission home care", "Directorate", "A Patel"],
      ["DSP-02", "- grow shared lives", "Directorate", null],
      ["CP1", "Thriving", "Corporate", null],
    ]);
    expect(fake.workbook.stats.syncs).toBe(3);
    expect(fake.workbook.stats.writesWithEventsOn).toBe(0);
    expect(fake.workbook.tableAddress("Register")).toBe("Register!A1:D4");
    expect(await body(workbook)).toEqual([
      ["DSP-01", "Recommission home care", "Directorate", "A Patel"],
      ["DSP-02", "- grow shared lives", "Directorate", null],
      ["CP1", "Thriving", "Corporate", null],
    ]);
  });

  test("shrinks the table, moving what was below it up; no rows leave one blank row", async () => {
    const rows = Array.from({ length: 6 }, (_, i) => [`ID-${i}`, `Title ${i}`, "Directorate", "K Lee"]);
    const { fake, workbook } = setup(seed(rows, true));
    await workbook.replaceRows("Register", [["CP2", "Care", "Corporate", null]]);
    expect(fake.workbook.stats.syncs).toBe(3);
    expect(fake.workbook.tableAddress("Register")).toBe("Register!A1:D2");
    expect(await body(workbook)).toEqual([["CP2", "Care", "Corporate", null]]);
    expect(fake.workbook.cellAt("Register", "A4").value).toBe("below");
    await workbook.replaceRows("Register", []);
    expect(fake.workbook.tableAddress("Register")).toBe("Register!A1:D2");
    expect(await body(workbook)).toEqual([[null, null, null, null]]);
  });

  test("stays within three syncs and under the request limit for 20,000 rows either way", async () => {
    const { fake, workbook } = setup(seed([["CP1", "Thriving", "Corporate", ""]]));
    const many = Array.from({ length: 20_000 }, (_, i) => [`DSP-${i}`, `Recommission service ${i} to a better standard`, "Directorate", "A Patel"]);
    await workbook.replaceRows("Register", many);
    expect(fake.workbook.stats.syncs).toBeLessThanOrEqual(3);
    expect(fake.workbook.stats.largestRequestBytes).toBeLessThan(4 * MB);
    expect(fake.workbook.tableAddress("Register")).toBe("Register!A1:D20001");
    fake.workbook.resetStats();
    await workbook.replaceRows("Register", many.slice(0, 2));
    expect(fake.workbook.stats.syncs).toBeLessThanOrEqual(3);
    expect(fake.workbook.tableAddress("Register")).toBe("Register!A1:D3");
    expect(await body(workbook)).toEqual(many.slice(0, 2));
    expect(fake.workbook.sheet("Register").usedBox(true)).toEqual({ r1: 1, c1: 1, r2: 3, c2: 4 });
  });

  test("refuses a missing table, formula columns, a protected sheet and rows of the wrong width, naming the table", async () => {
    const { fake, workbook } = await planned(3);
    await expect(workbook.replaceRows("Risks", [])).rejects.toThrow('Cannot replace the rows of table "Risks": there is no such table in this workbook.');
    await expect(workbook.replaceRows("Actions", [])).rejects.toThrow(/Cannot replace the rows of table "Actions": it has formula columns \(.*Action status/);
    const before = fake.workbook.tableAddress("Actions");
    expect(fake.workbook.tableAddress("Actions")).toBe(before);
    const locked = setup(seed([["CP1", "Thriving", "Corporate", ""]]));
    locked.fake.workbook.sheet("Register").protection = { protected: true, options: {} };
    await expect(locked.workbook.replaceRows("Register", [])).rejects.toThrow('Cannot replace the rows of table "Register": sheet "Register" is protected.');
    await expect(setup(seed([["CP1", "Thriving", "Corporate", ""]])).workbook.replaceRows("Register", [["CP1"]])).rejects.toThrow(
      'Cannot replace the rows of table "Register": row 1 has 1 values for 4 columns (ID, Title, Tier, Lead officer).',
    );
  });
});
