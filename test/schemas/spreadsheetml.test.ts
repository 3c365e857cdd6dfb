/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require"]}
 */
// (jsdom for DOMParser/XMLSerializer; ExcelJS's Node build needs uuid's CommonJS face.)
// Every kind of workbook the project writes validates against the ISO/IEC 29500 transitional
// SpreadsheetML schemas after markup-compatibility processing, with its .rels parts and
// [Content_Types].xml against the OPC schemas: the nearest offline stand-in for "Excel opens it
// without repairing it" (Excel is strict about element order where LibreOffice forgives).
// Kinds: new plans of each tier, a converted plan, a checked copy (check --write), a QSR return
// and the roll-up, each made by the service-plan command as a user would. Needs xmllint (Debian's libxml2-utils).
import "./textCodecs";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { runCli } from "../cli/run";
import { operationalPlan, writeXlsx } from "../fixtures/legacy/loosePlans";
import { processMarkupCompatibility } from "./markupCompatibility";

const SCHEMAS = path.join(__dirname, "..", "..", "schemas", "spreadsheetml");
const SML = path.join(SCHEMAS, "ISO-IEC29500-4_2016", "sml.xsd");
const RELS = path.join(SCHEMAS, "ecma", "fouth-edition", "opc-relationships.xsd");
const CONTENT_TYPES = path.join(SCHEMAS, "ecma", "fouth-edition", "opc-contentTypes.xsd");

const hasXmllint = spawnSync("xmllint", ["--version"]).status === 0;
if (!hasXmllint && process.env.CI !== "true") console.warn("SKIPPED test/schemas/spreadsheetml.test.ts: `xmllint` is not on PATH (install Debian's libxml2-utils)");
const describeIf = hasXmllint || process.env.CI === "true" ? describe : describe.skip;

/** SpreadsheetML parts checked against sml.xsd (the rest, theme and docProps, are not ours to shape). */
const SML_PART = /^xl\/(workbook|styles|sharedStrings)\.xml$|^xl\/worksheets\/sheet\d+\.xml$|^xl\/tables\/table\d+\.xml$/;

interface Part {
  workbook: string;
  part: string;
  schema: string;
  file: string;
}

async function partsOf(xlsx: string, outDir: string): Promise<Part[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(xlsx));
  const parts: Part[] = [];
  for (const name of Object.keys(zip.files)) {
    const schema = name === "[Content_Types].xml" ? CONTENT_TYPES : name.endsWith(".rels") ? RELS : SML_PART.test(name) ? SML : null;
    if (!schema) continue;
    const text = await zip.file(name)!.async("string");
    const file = path.join(outDir, `${parts.length}-${name.replace(/[^A-Za-z0-9.]+/g, "_")}`);
    fs.writeFileSync(file, schema === SML ? processMarkupCompatibility(text) : text);
    parts.push({ workbook: path.basename(xlsx), part: name, schema, file });
  }
  return parts;
}

/** Validates all parts of one schema in one xmllint run; returns the problems, each naming its workbook and part. */
function validate(parts: Part[]): string[] {
  const problems: string[] = [];
  for (const schema of [...new Set(parts.map((p) => p.schema))]) {
    const group = parts.filter((p) => p.schema === schema);
    const run = spawnSync("xmllint", ["--noout", "--schema", schema, ...group.map((p) => p.file)], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    for (const line of run.stderr.split("\n")) {
      if (!line.trim() || / validates$/.test(line)) continue;
      const owner = group.find((p) => line.startsWith(p.file));
      problems.push(owner ? `${owner.workbook} ${owner.part}: ${line.slice(owner.file.length + 1)}` : line);
    }
  }
  return problems;
}

describeIf("every workbook we write is valid SpreadsheetML", () => {
  let dir: string;
  const workbooks: Record<string, string> = {};
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "gt-schemas-"));
    for (const tier of ["directorate", "operational", "team"]) {
      workbooks[`new ${tier} plan`] = path.join(dir, `new-${tier}.xlsx`);
      expect((await runCli("new", "--tier", tier, "--out", workbooks[`new ${tier} plan`])).code).toBe(0);
    }
    const legacy = path.join(dir, "legacy.xlsx");
    await writeXlsx(operationalPlan(), legacy);
    workbooks["converted plan"] = path.join(dir, "converted.xlsx");
    expect((await runCli("convert", legacy, "--tier", "operational", "--out", workbooks["converted plan"])).code).toBe(0);
    workbooks["checked copy"] = path.join(dir, "checked.xlsx");
    await runCli("check", workbooks["converted plan"], "--write", "--out", workbooks["checked copy"]);
    expect(fs.existsSync(workbooks["checked copy"])).toBe(true);
    const returns = path.join(dir, "returns");
    const qsr = await runCli("qsr", workbooks["converted plan"], "--period", "2024/25 Q2", "--out", returns, "--draft");
    expect(qsr.stderr).toBe("");
    for (const f of fs.readdirSync(returns).filter((f) => f.endsWith(".xlsx"))) workbooks[`QSR return ${f}`] = path.join(returns, f);
    workbooks["roll-up"] = path.join(dir, "rollup.xlsx");
    await runCli("collect", returns, "--out", workbooks["roll-up"]);
    expect(fs.existsSync(workbooks["roll-up"])).toBe(true);
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("the kinds are all there: three tiers, converted, checked, a return and a roll-up", () => {
    const kinds = Object.keys(workbooks);
    for (const kind of ["new directorate plan", "new operational plan", "new team plan", "converted plan", "checked copy"]) expect(kinds).toContain(kind);
    expect(kinds.some((k) => k.startsWith("QSR return"))).toBe(true);
    expect(kinds.some((k) => k.startsWith("roll-up"))).toBe(true);
  });

  test("workbook, sheets, tables, styles and shared strings against sml.xsd; .rels and [Content_Types].xml against OPC", async () => {
    const parts: Part[] = [];
    for (const [kind, file] of Object.entries(workbooks)) parts.push(...(await partsOf(file, fs.mkdtempSync(path.join(dir, kind.replace(/\W+/g, "-"))))));
    expect(parts.filter((p) => p.schema === SML).length).toBeGreaterThan(Object.keys(workbooks).length * 3);
    expect(validate(parts)).toEqual([]);
  }, 120_000);

  test("the check fails on markup Excel would repair: an element out of order", () => {
    const bad = path.join(dir, "bad-sheet.xml");
    fs.writeFileSync(bad, '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/><cols><col min="1" max="1" width="9"/></cols></worksheet>');
    const problems = validate([{ workbook: "hand-made.xlsx", part: "xl/worksheets/sheet1.xml", schema: SML, file: bad }]);
    expect(problems.join("\n")).toMatch(/^hand-made\.xlsx xl\/worksheets\/sheet1\.xml: .*cols.*not expected/);
  });

  test("markup compatibility: ignorable attributes and elements go, AlternateContent becomes its Fallback", () => {
    const xml =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="urn:x14ac" xmlns:xr="urn:xr" mc:Ignorable="x14ac xr" xr:uid="{1}">' +
      '<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><xr:extra/><mc:AlternateContent><mc:Choice Requires="x14ac"><x14ac:new/></mc:Choice><mc:Fallback><sheetData/></mc:Fallback></mc:AlternateContent></worksheet>';
    const out = processMarkupCompatibility(xml);
    expect(out).not.toMatch(/dyDescent|xr:uid|xr:extra|Ignorable|AlternateContent|x14ac:new/);
    expect(out).toMatch(/<sheetFormatPr defaultRowHeight="15"\/><sheetData\/><\/worksheet>$/);
  });
});
