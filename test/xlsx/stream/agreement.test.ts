// The streaming reader (check on large plans) and the ExcelJS adapter read the same workbook to the
// same snapshot: every table, the defined names, and the sheets readPlan reads by label.
import fc from "fast-check";
import JSZip from "jszip";
import { planDesign } from "../../../src/workbook/design";
import type { CellValue, ColumnDesign, SheetDesign, TableDesign, WorkbookDesign, WorkbookSnapshot } from "../../../src/workbook/port";
import { detectWorkbookKind, readPlan } from "../../../src/workbook/readPlan";
import { XlsxWorkbook } from "../../../src/xlsx/adapter";
import { snapshotOfBytes } from "../../../src/xlsx/stream/readSnapshot.node";
import { handPickedActions, handPickedMeasures, sampleDetails, sampleRegister, seftonFramework } from "../../workbook/samplePlan";

/** What readPlan reads: tables, names, and the sheets kept whole (Plan, Settings, Sign-off), by name. */
function readPart(s: WorkbookSnapshot, wholeSheets = ["Plan", "Settings", "Sign-off"]) {
  return {
    tables: [...s.tables].sort((a, b) => a.name.localeCompare(b.name)),
    names: [...s.names].sort((a, b) => a.name.localeCompare(b.name)),
    sheets: s.sheets.filter((x) => wholeSheets.includes(x.name)).map((x) => ({ name: x.name, visibility: x.visibility, origin: x.origin, values: x.values })),
  };
}

async function bothWays(buf: Buffer): Promise<{ excel: WorkbookSnapshot; stream: WorkbookSnapshot }> {
  const excel = await (await XlsxWorkbook.fromBuffer(buf, "plan.xlsx")).read();
  const stream = await snapshotOfBytes(buf, "plan.xlsx");
  return { excel, stream };
}

async function written(design: WorkbookDesign): Promise<Buffer> {
  const wb = XlsxWorkbook.create("plan.xlsx");
  await wb.apply(design);
  return wb.toBuffer();
}

describe("streaming reader agrees with the ExcelJS adapter", () => {
  test("a real plan: every table, name and detail, and the plan readPlan makes of it", async () => {
    const design = planDesign({
      details: sampleDetails(),
      framework: seftonFramework(),
      actions: handPickedActions(),
      measures: handPickedMeasures(),
      register: sampleRegister(),
      reportingDate: "2024-09-30",
    });
    const { excel, stream } = await bothWays(await written(design));
    expect(readPart(stream)).toEqual(readPart(excel));
    expect(readPlan(stream, "plan.xlsx")).toEqual(readPlan(excel, "plan.xlsx"));
    // Sheets not read by label keep only their first value: the workbook is still not taken for empty.
    expect(stream.sheets.map((s) => s.name)).toEqual(excel.sheets.map((s) => s.name));
  });

  // Values of every kind a cell can hold, with the characters XML and Excel escape.
  const text = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom("a & b", "<tag>", '"quoted"', "it's", "  padded  ", "line\nbreak", "_x0041_", "&amp;", "£€ñ漢字😀", "=SUM(A1)", "-5", "TRUE", ""),
  );
  const value: fc.Arbitrary<CellValue> = fc.oneof(
    text,
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
    fc.integer({ min: -100000, max: 100000 }),
    fc.boolean(),
    fc.constant(null),
  );
  const dateValue: fc.Arbitrary<CellValue> = fc.oneof(fc.integer({ min: 1, max: 2958465 }), fc.double({ min: 1, max: 80000, noNaN: true }), fc.constant(null));
  const format = fc.constantFrom(undefined, "General", "0.00", "@", "dd/mm/yyyy", "dd/mm/yyyy hh:mm", "0%", '"Due" dd mmm');
  const header = fc.string({ minLength: 1, maxLength: 10 }).map((h) => h.replace(/[^A-Za-z0-9 &<>'"£]/g, "x").trim() || "H");

  const table = (name: string, sheet: string, topLeft: string): fc.Arbitrary<TableDesign> =>
    fc
      .uniqueArray(header, { minLength: 1, maxLength: 6, comparator: (a, b) => a.toLowerCase() === b.toLowerCase() })
      .chain((headers) => fc.tuple(fc.constant(headers), fc.array(format, { minLength: headers.length, maxLength: headers.length }), fc.integer({ min: 0, max: 12 })))
      .chain(([headers, formats, rowCount]) =>
        fc.tuple(fc.constant(headers), fc.constant(formats), fc.array(fc.tuple(...formats.map((f) => (f && /d|h/.test(f) ? dateValue : value))), { minLength: rowCount, maxLength: rowCount })),
      )
      .map(([headers, formats, rows]) => ({
        name,
        sheet,
        topLeft,
        columns: headers.map((h, i): ColumnDesign => ({ header: h, width: 12, locked: false, ...(formats[i] ? { numberFormat: formats[i] } : {}) })),
        rows: rows.length ? rows.map((r) => [...r]) : [headers.map(() => null)],
        statusFormats: [],
      }));

  const planCells = fc.array(fc.tuple(fc.constantFrom("Plan ID", "Tier", "Format version", "Note", "Owner"), value, format), { maxLength: 8 });

  const designs: fc.Arbitrary<WorkbookDesign> = fc
    .tuple(planCells, table("Actions", "Data", "B3"), fc.option(table("Measures", "Data", "L2")), table("Other", "Settings", "D1"), fc.integer({ min: 1, max: 6 }))
    .map(([cells, actions, measures, other, namedRow]) => {
      const sheet = (name: string, tables: TableDesign[], extra: SheetDesign["cells"] = []): SheetDesign => ({
        name,
        visibility: "visible",
        cells: extra,
        tables,
        columnWidths: {},
        freezeRows: 0,
        protect: false,
      });
      const plan = sheet(
        "Plan",
        [],
        cells.flatMap(([label, v, f], i) => [
          { address: `A${i + 2}`, value: label },
          { address: `B${i + 2}`, value: v, ...(f ? { numberFormat: f } : {}) },
        ]),
      );
      return {
        sheets: [
          plan,
          sheet("Data", measures ? [actions, measures] : [actions]),
          sheet(
            "Settings",
            [other],
            [
              { address: "A8", value: "Reporting date" },
              { address: `B${namedRow + 7}`, value: 45565, numberFormat: "dd/mm/yyyy" },
            ],
          ),
        ],
        names: [
          { name: "ReportingDate", ref: `=Settings!$B$${namedRow + 7}` },
          { name: "FormatVersion", ref: "=Plan!$B$2" },
        ],
      };
    });

  test("a workbook holding only a table is loose, not empty, both ways", async () => {
    const table: TableDesign = { name: "Stuff", sheet: "Data", topLeft: "A1", columns: [{ header: "Thing", width: 10, locked: false }], rows: [["x"]], statusFormats: [] };
    const { excel, stream } = await bothWays(
      await written({ sheets: [{ name: "Data", visibility: "visible", cells: [], tables: [table], columnWidths: {}, freezeRows: 0, protect: false }], names: [] }),
    );
    expect(detectWorkbookKind(stream)).toEqual({ kind: "loose" });
    expect(detectWorkbookKind(excel)).toEqual({ kind: "loose" });
  });

  test("any tables, values, number formats and names read the same both ways", async () => {
    await fc.assert(
      fc.asyncProperty(designs, async (design) => {
        const { excel, stream } = await bothWays(await written(design));
        expect(readPart(stream)).toEqual(readPart(excel));
      }),
      { numRuns: 40 },
    );
  });
});

/** A workbook written by hand, to reach what ExcelJS never writes but Excel and other tools do. */
async function handWritten(sheetData: string, extra: { sharedStrings?: string; styles?: string; merges?: string; table?: string; workbookPr?: string } = {}): Promise<Buffer> {
  const zip = new JSZip();
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${extra.table ? '<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>' : ""}</Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook ${ns}>${extra.workbookPr ?? ""}<sheets><sheet name="Plan" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  const rels = [
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>',
    extra.sharedStrings ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' : "",
    extra.styles ? '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' : "",
  ].join("");
  zip.file("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`);
  if (extra.sharedStrings) zip.file("xl/sharedStrings.xml", `<?xml version="1.0" encoding="UTF-8"?><sst ${ns}>${extra.sharedStrings}</sst>`);
  if (extra.styles) zip.file("xl/styles.xml", `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${ns}>${extra.styles}</styleSheet>`);
  const tablePart = extra.table ? '<tableParts count="1"><tablePart r:id="rId1"/></tableParts>' : "";
  zip.file("xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8"?><worksheet ${ns}><sheetData>${sheetData}</sheetData>${extra.merges ?? ""}${tablePart}</worksheet>`);
  if (extra.table) {
    zip.file(
      "xl/worksheets/_rels/sheet1.xml.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table1.xml"/></Relationships>`,
    );
    zip.file("xl/tables/table1.xml", `<?xml version="1.0" encoding="UTF-8"?>${extra.table}`);
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

describe("streaming reader agrees with ExcelJS on what other tools write", () => {
  const styles =
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="2"/></cellXfs>';
  const table =
    '<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="Actions" displayName="Actions" ref="A1:D6" headerRowCount="1" totalsRowShown="0"><autoFilter ref="A1:D6"/><tableColumns count="4"><tableColumn id="1" name="ID"/><tableColumn id="2" name="Text"/><tableColumn id="3" name="When"/><tableColumn id="4" name="Other"/></tableColumns></table>';
  const shared =
    '<si><t>ID</t></si><si><t xml:space="preserve"> Text &amp; more </t></si><si><r><rPr><b/></rPr><t>Rich</t></r><r><t xml:space="preserve"> run_x0041_</t></r></si><si><t>When</t></si><si><t>a_x0042_b</t></si>';
  const rows = [
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>3</v></c><c r="D1" t="inlineStr"><is><t>Other</t></is></c></row>',
    '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="inlineStr"><is><t>inline &lt;x&gt; &#233;</t></is></c><c r="C2" s="1"><v>45565.5</v></c><c r="D2" t="b"><v>1</v></c></row>',
    '<row r="3"><c r="A3" t="e"><v>#N/A</v></c><c r="B3" t="str"><f>A1&amp;"x"</f><v>IDx &amp;amp;</v></c><c r="C3" s="2"><f>TODAY()</f><v>45000.25</v></c><c r="D3" t="b"><v>0</v></c></row>',
    '<row r="4"><c r="A4" s="3"><v>3.14159</v></c><c r="B4" t="s"><v>4</v></c><c r="C4" s="1"/><c r="D4"><f t="shared" ref="D4:D5" si="0">A4*2</f><v>6.28318</v></c></row>',
    '<row r="5"><c r="A5"><v>1e3</v></c><c r="B5"><f>B4</f></c><c r="C5" t="inlineStr"><is><r><t>in</t></r><r><t>line_x0043_</t></r></is></c><c r="D5"><f t="shared" si="0"/><v>0</v></c></row>',
    '<row r="6"><c r="A6" t="s"><v>0</v></c><c r="B6"><v>7</v></c><c r="C6"><v>8</v></c><c r="D6"><v>9</v></c></row>',
    // Outside the table, on the Plan sheet: formulas whose cached result is 0, FALSE, an error, in a date format.
    '<row r="8"><c r="A8" s="1"><f>X</f><v>0</v></c><c r="B8" s="1" t="e"><f>X</f><v>#REF!</v></c><c r="C8" t="b"><f>X</f><v>0</v></c><c r="D8" s="1" t="b"><f>X</f><v>1</v></c><c r="E8"><f>X</f><v>0</v></c><c r="F8" t="e"><f>X</f><v>#DIV/0!</v></c></row>',
  ].join("");

  test("shared, inline and rich strings, dates, formulas' cached results, booleans, errors and merges", async () => {
    const buf = await handWritten(rows, { sharedStrings: shared, styles, table, merges: '<mergeCells count="1"><mergeCell ref="A6:B6"/></mergeCells>' });
    const { excel, stream } = await bothWays(buf);
    expect(readPart(stream)).toEqual(readPart(excel));
    expect(stream.tables[0].rows[4]).toEqual(["ID", null, 8, 9]);
  });

  test("1904 dates", async () => {
    const buf = await handWritten('<row r="1"><c r="A1" s="1"><v>40000</v></c><c r="B1" s="1"><v>1.75</v></c></row>', { styles, workbookPr: '<workbookPr date1904="1"/>' });
    const { excel, stream } = await bothWays(buf);
    expect(readPart(stream)).toEqual(readPart(excel));
    expect(stream.sheets[0].values[0][0]).toBe(40000 + 1462);
  });
});

test("a table without headerRowCount, as Excel saves one, has a header row (the spec's default)", async () => {
  // ExcelJS reads such a table as having no header row (its table-xform takes only headerRowCount="1"),
  // so the adapter reads the header as a data row; the streaming reader follows the spec.
  const table =
    '<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="Actions" displayName="Actions" ref="A1:B2" totalsRowShown="0"><tableColumns count="2"><tableColumn id="1" name="ID"/><tableColumn id="2" name="Action"/></tableColumns></table>';
  const buf = await handWritten(
    '<row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c><c r="B1" t="inlineStr"><is><t>Action</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>A-1</t></is></c><c r="B2" t="inlineStr"><is><t>Do it</t></is></c></row>',
    { table },
  );
  const stream = await snapshotOfBytes(buf, "plan.xlsx");
  expect(stream.tables[0]).toEqual({ name: "Actions", sheet: "Plan", range: "A1:B2", headers: ["ID", "Action"], rows: [["A-1", "Do it"]] });
});
