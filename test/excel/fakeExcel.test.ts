// The Excel double must behave like Excel where the adapter could go wrong: these tests pin that.
/* eslint-disable office-addins/load-object-before-read, office-addins/call-sync-before-read, office-addins/call-sync-after-load -- reading too early is what some tests check */
import { createFakeOffice, FakeOffice } from "../doubles/excel/fakeExcel";

type Ctx = Excel.RequestContext;
const run = <T>(fake: FakeOffice, batch: (context: Ctx) => Promise<T>, options: { delayForCellEdit?: boolean } = {}) => fake.Excel.run<T>(options, batch);

const seeded = () =>
  createFakeOffice({
    sheets: [
      {
        name: "Data",
        values: [
          ["Name", "Score"],
          ["Ann", 3],
          ["Bob", 5],
        ],
      },
      { name: "Lists", visibility: "hidden", values: [["Green"], ["Red"]] },
    ],
    tables: [{ name: "Scores", sheet: "Data", range: "A1:B3" }],
    names: [{ name: "Pass", ref: "=Data!$B$2" }],
  });

describe("Excel double: load and sync", () => {
  test("reading a property that was not loaded and synced throws Excel's message", async () => {
    const fake = seeded();
    await run(fake, async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("A1:B3");
      expect(() => range.values).toThrow(/The property 'values' is not available\. Before reading the property's value, call the load method on the containing object and call "context.sync\(\)"/);
      range.load("values");
      expect(() => range.values).toThrow(/not available/); // loaded but not yet synced
      await context.sync();
      expect(range.values).toEqual([
        ["Name", "Score"],
        ["Ann", 3],
        ["Bob", 5],
      ]);
      expect(() => range.address).toThrow(/The property 'address' is not available/); // only what was loaded
    });
  });

  test("collections need items loaded; isNullObject needs a sync", async () => {
    const fake = seeded();
    await run(fake, async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(/'items' is not available/);
      sheets.load("items/name, items/visibility");
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      expect(() => missing.isNullObject).toThrow(/isNullObject/);
      await context.sync();
      expect(sheets.items.map((s) => [s.name, s.visibility])).toEqual([
        ["Data", "Visible"],
        ["Lists", "Hidden"],
      ]);
      expect(() => sheets.items[0].position).toThrow(/'position' is not available/);
      expect(missing.isNullObject).toBe(true);
    });
  });

  test("writes are queued and applied only at sync, in order", async () => {
    const fake = seeded();
    await run(fake, async (context) => {
      const cell = context.workbook.worksheets.getItem("Data").getRange("C1");
      cell.values = [["Grade"]];
      expect(fake.workbook.cellAt("Data", "C1").value).toBe("");
      const check = context.workbook.worksheets.getItem("Data").getRange("C1").load("values");
      await context.sync();
      expect(fake.workbook.cellAt("Data", "C1").value).toBe("Grade");
      expect(check.values).toEqual([["Grade"]]); // the load queued after the write sees it
    });
  });

  test("a failing command stops the request and leaves later loads unread", async () => {
    const fake = seeded();
    await run(fake, async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("D1").values = [["ok"]];
      context.workbook.worksheets.getItem("Missing").getRange("A1").values = [["x"]];
      const after = context.workbook.worksheets.getItem("Data").getRange("A1").load("values");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
      expect(fake.workbook.cellAt("Data", "D1").value).toBe("ok"); // Excel does not roll back earlier commands
      expect(() => after.values).toThrow(/not available/);
    });
  });

  test("commands queued after the last sync are reported, not silently dropped", async () => {
    const fake = seeded();
    await expect(
      run(fake, async (context) => {
        context.workbook.worksheets.getItem("Data").getRange("A1").values = [["x"]];
      }),
    ).rejects.toThrow(/queued after the last context.sync\(\)/);
  });
});

describe("Excel double: counts and limits", () => {
  test("counts syncs and request bytes; a bigger write makes a bigger request", async () => {
    const fake = seeded();
    const rows = (n: number) => Array.from({ length: n }, (_, i) => [`row ${i}`]);
    await run(fake, async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("E1:E10").values = rows(10);
      await context.sync();
      context.workbook.worksheets.getItem("Data").getRange("E1:E1000").values = rows(1000);
      await context.sync();
    });
    const { syncs, requestBytes, largestRequestBytes } = fake.workbook.stats;
    expect(syncs).toBe(2);
    expect(requestBytes[1]).toBeGreaterThan(requestBytes[0] + JSON.stringify(rows(990)).length - 100);
    expect(largestRequestBytes).toBe(requestBytes[1]);
  });

  test("Excel on the web rejects a request over 5 MB and applies none of it", async () => {
    const fake = createFakeOffice({ sheets: [{ name: "Data" }] });
    const big = Array.from({ length: 60_000 }, () => ["x".repeat(100)]);
    await run(fake, async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A1").values = [["first"]];
      context.workbook.worksheets.getItem("Data").getRange("B1:B60000").values = big;
      await expect(context.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    });
    expect(fake.workbook.cellAt("Data", "A1").value).toBe("");
    expect(fake.workbook.stats.largestRequestBytes).toBeGreaterThan(5 * 1024 * 1024);
  });

  test("a host without a requirement set says so, and its APIs fail at sync", async () => {
    const fake = createFakeOffice({ sheets: [{ name: "Data" }] }, { apiVersion: "1.8" });
    expect(fake.Office.context.requirements.isSetSupported("ExcelApi", "1.8")).toBe(true);
    expect(fake.Office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(false);
    await run(fake, async (context) => {
      context.workbook.worksheets.getItem("Data").pageLayout.orientation = "Landscape";
      await expect(context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    });
  });

  test("while the user edits a cell, a batch fails unless it asked to wait (delayForCellEdit)", async () => {
    const fake = seeded();
    fake.beginCellEdit();
    await expect(run(fake, async (context) => context.sync())).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    let done = false;
    const waiting = run(
      fake,
      async (context) => {
        context.workbook.worksheets.getItem("Data").getRange("A5").values = [["late"]];
        await context.sync();
        done = true;
      },
      { delayForCellEdit: true },
    );
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toBe(false);
    fake.endCellEdit();
    await waiting;
    expect(fake.workbook.cellAt("Data", "A5").value).toBe("late");
    expect(fake.workbook.stats.runs.map((r) => r.delayForCellEdit)).toEqual([false, true]);
  });
});

describe("Excel double: behaves like Excel with cells", () => {
  test("text entered through values is read the way Excel reads typing", async () => {
    const fake = seeded();
    await run(fake, async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A10:F10").values = [["=1+1", "'=kept", "- done", "007", "March 2025", "'March 2025"]];
      await context.sync();
    });
    const cell = (a: string) => fake.workbook.cellAt("Data", a);
    expect(cell("A10").formula).toBe("=1+1");
    expect(cell("B10").value).toBe("=kept");
    expect(cell("B10").formula).toBeUndefined();
    expect(cell("C10").formula).toBe("=- done");
    expect(cell("D10").value).toBe(7);
    expect(typeof cell("E10").value).toBe("number");
    expect(cell("F10").value).toBe("March 2025");
  });

  test("null leaves a cell alone; the array must match the range", async () => {
    const fake = seeded();
    await run(fake, async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A2:B2").values = [[null as unknown as string, 9]];
      await context.sync();
      context.workbook.worksheets.getItem("Data").getRange("A2:B2").values = [[1]];
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
    expect(fake.workbook.valuesOf("Data", "A2:B2")).toEqual([["Ann", 9]]);
  });

  test("locked cells on a protected sheet refuse writes; unlocked ones accept them", async () => {
    const fake = seeded();
    await run(fake, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("B2").format.protection.locked = false;
      sheet.protection.protect({ allowAutoFilter: true });
      await context.sync();
      sheet.getRange("B2").values = [[10]];
      await context.sync();
      sheet.getRange("A2").values = [["Zed"]];
      await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    });
    expect(fake.workbook.valuesOf("Data", "A2:B2")).toEqual([["Ann", 10]]);
  });

  test("a table grows like Excel's: calculated columns fill, cells below move down, nothing else is granted; never on a protected sheet", async () => {
    const fake = createFakeOffice({
      sheets: [
        {
          name: "Data",
          values: [
            ["Name", "Double", "Note"],
            ["Ann", "=Scores[[#This Row],[Name]]", "=1"],
            ["Bob", "=Scores[[#This Row],[Name]]", "=2"],
            ["", "", ""],
            ["Total", "", "kept"],
          ],
        },
      ],
      tables: [{ name: "Scores", sheet: "Data", range: "A1:C3" }],
    });
    fake.workbook.sheet("Data").touch(3, 1).locked = false;
    await run(fake, async (context) => {
      const table = context.workbook.tables.getItem("Scores");
      table.rows.add(undefined, [[null, null, null] as unknown as string[], ["Cy", null, "x"] as unknown as string[]]);
      await context.sync();
      context.workbook.worksheets.getItem("Data").protection.protect();
      table.rows.add(undefined, [["Di", "", ""]]);
      await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    });
    const wb = fake.workbook;
    expect(wb.tableAddress("Scores")).toBe("Data!A1:C5");
    expect(wb.cellAt("Data", "B4").formula).toBe("=Scores[[#This Row],[Name]]");
    expect(wb.cellAt("Data", "C4").formula).toBeUndefined(); // not the same formula on every row: not calculated
    // Microsoft documents no carrying down of locking or formats, so the double grants none.
    expect(wb.cellAt("Data", "A5")).toMatchObject({ value: "Cy" });
    expect(wb.cellAt("Data", "A5").locked).toBeUndefined();
    // rows.add inserts: the total row under the table moved down two rows, not overwritten.
    expect(wb.valuesOf("Data", "A7:C7")).toEqual([["Total", "", "kept"]]);
  });

  test("values written just below a table expand it (co-authoring page); a filter sends written values into the wrong rows (office-js #224)", async () => {
    const fake = createFakeOffice({
      sheets: [
        {
          name: "Data",
          values: [
            ["Name", "Score"],
            ["Ann", 1],
            ["Bob", 2],
            ["Cy", 3],
          ],
        },
      ],
      tables: [{ name: "Scores", sheet: "Data", range: "A1:B4" }],
    });
    await run(fake, async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A5:B6").values = [
        ["Di", 4],
        ["", ""],
      ];
      await context.sync();
    });
    expect(fake.workbook.tableAddress("Scores")).toBe("Data!A1:B5");
    fake.workbook.filterTable("Scores", "Name", (v) => v !== "Bob");
    await run(fake, async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("B2:B4").values = [[10], [20], [30]];
      await context.sync();
    });
    expect(fake.workbook.valuesOf("Data", "B2:B5")).toEqual([[10], [2], [20], [30]]);
  });

  test("seeded tables and names read back through the API", async () => {
    const fake = seeded();
    await run(fake, async (context) => {
      const table = context.workbook.tables.getItem("Scores");
      const body = table.getDataBodyRange().load("address, values");
      const column = table.columns.getItem("Score").getDataBodyRange().load("values");
      const name = context.workbook.names.getItem("Pass").load("formula");
      const used = context.workbook.worksheets.getItem("Lists").getUsedRange(true).load("address");
      await context.sync();
      expect(body.address).toBe("Data!A2:B3");
      expect(column.values).toEqual([[3], [5]]);
      expect(name.formula).toBe("=Data!$B$2");
      expect(used.address).toBe("Lists!A1:A2");
    });
  });

  test("copyFrom pastes like Excel: one cell tiles over the range and relative references move", async () => {
    const fake = seeded();
    await run(fake, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("C2").formulas = [['=B2*2+$B$2+Scores[[#This Row],[Score]]&"A1"']];
      sheet.getRange("C2").numberFormat = [["0.0"]];
      sheet.getRange("C3:C5").copyFrom(sheet.getRange("C2"), "Formulas");
      sheet.getRange("C3:C5").copyFrom(sheet.getRange("C2"), "Formats");
      await context.sync();
    });
    expect(fake.workbook.cellAt("Data", "C5").formula).toBe('=B5*2+$B$2+Scores[[#This Row],[Score]]&"A1"');
    expect(fake.workbook.cellAt("Data", "C4").numberFormat).toBe("0.0");
  });

  test("Office.onReady resolves with the host, as in a task pane", async () => {
    const fake = seeded();
    await expect(fake.Office.onReady()).resolves.toEqual({ host: "Excel", platform: "OfficeOnline" });
  });
});

describe("Range.delete (shift up)", () => {
  test("whole table data rows: the table shrinks and the cells below move up; part of a table is refused", async () => {
    const fake = createFakeOffice({
      sheets: [
        {
          name: "S",
          values: [
            ["ID", "Title"],
            ["a", "1"],
            ["b", "2"],
            ["c", "3"],
            ["", ""],
            ["note", "kept"],
          ],
        },
      ],
      tables: [{ name: "T", sheet: "S", range: "A1:B4" }],
    });
    await run(fake, async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A3:B4").delete("Up");
      await context.sync();
    });
    expect(fake.workbook.tableAddress("T")).toBe("S!A1:B2");
    expect(fake.workbook.cellAt("S", "A2").value).toBe("a");
    expect(fake.workbook.cellAt("S", "A4").value).toBe("note");
    await expect(
      run(fake, async (context) => {
        context.workbook.worksheets.getItem("S").getRange("A2:A2").delete("Up");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });
});

test("the last column (XFD) keeps its own cells, apart from column A of the next row", async () => {
  const fake = createFakeOffice({ sheets: [{ name: "Wide" }] });
  await run(fake, async (context) => {
    const sheet = context.workbook.worksheets.getItem("Wide");
    sheet.getRange("XFD1").values = [["last"]];
    sheet.getRange("A2").values = [["first"]];
    await context.sync();
  });
  expect(fake.workbook.valuesOf("Wide", "XFD1")).toEqual([["last"]]);
  expect(fake.workbook.valuesOf("Wide", "A2")).toEqual([["first"]]);
  expect(fake.workbook.sheet("Wide").usedBox(true)).toEqual({ r1: 1, c1: 1, r2: 2, c2: 16_384 });
});
