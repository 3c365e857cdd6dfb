// What people print: a new plan of each tier, the demo's plans, a QSR return and the roll-up, printed
// by LibreOffice to PDF and rendered to PNG under test-artifacts/print/ (look at them). The pages are
// then judged as paper: how many, whether any text runs over other text, how small the smallest
// text prints, that titles repeat, and that the working sheets (Updates, Register, Settings) stay out.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { spawnSync } from "child_process";
import { runDemo } from "../../src/cli/commands/demo";
import { Action, FORMAT_VERSION, planDetailsSchema, Tier } from "../../src/model/plan";
import { planDesign } from "../../src/workbook/design";
import { columnRoom, textWidth } from "../../src/workbook/textFit";
import { XlsxWorkbook } from "../../src/xlsx/adapter";
import { handPickedActions, seftonFramework } from "../workbook/samplePlan";
import { overlappingWords, Page, pagesOf, printToPdf, renderPages, smallestPointSize } from "./render";

const available = spawnSync("soffice", ["--version"], { stdio: "ignore" }).status === 0 && spawnSync("pdftoppm", ["-v"], { stdio: "ignore" }).status === 0;
if (!available && process.env.CI !== "true") console.warn("SKIPPED test/print/print.test.ts: `soffice` or `pdftoppm` is not on PATH (install libreoffice-calc and poppler-utils)");
const describeIf = available || process.env.CI === "true" ? describe : describe.skip;

const OUT = path.join(__dirname, "..", "..", "test-artifacts", "print");

interface Printed {
  name: string;
  xlsx: string;
  pages: Page[];
  /** Page count bounds for what this workbook holds. */
  bounds: [number, number];
}

const printed = new Map<string, Printed>();

async function newPlan(tier: Tier, actions?: Action[]): Promise<string> {
  const framework = seftonFramework();
  const details = planDetailsSchema.parse({
    formatVersion: FORMAT_VERSION,
    planId: `${tier.slice(0, 3).toUpperCase()}-NEW`,
    tier,
    council: framework.council,
    planYear: framework.planYear,
    directorate: "Adult Social Care",
  });
  const file = path.join(OUT, actions ? `${tier.toLowerCase()}-plan-without-measures.xlsx` : `new-${tier.toLowerCase()}-plan.xlsx`);
  const wb = XlsxWorkbook.create(path.basename(file));
  await wb.apply(planDesign({ details, framework, actions }));
  await wb.save(file);
  return file;
}

describeIf("printed workbooks", () => {
  let demoDir: string;
  beforeAll(async () => {
    fs.mkdirSync(OUT, { recursive: true });
    demoDir = fs.mkdtempSync(path.join(os.tmpdir(), "gt-print-demo-"));
    const write = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
    try {
      await runDemo(demoDir);
    } finally {
      write.mockRestore();
    }
    const copy = (from: string, to: string) => {
      fs.copyFileSync(from, path.join(OUT, to));
      return path.join(OUT, to);
    };
    const returns = fs
      .readdirSync(path.join(demoDir, "returns"))
      .filter((f) => f.endsWith(".xlsx"))
      .sort();
    const rollup = fs.readdirSync(demoDir).find((f) => /^rollup.*\.xlsx$/.test(f))!;
    const files: [string, string, [number, number]][] = [
      ["new directorate plan", await newPlan("Directorate"), [3, 12]],
      ["new operational plan", await newPlan("Operational"), [3, 12]],
      ["new team plan", await newPlan("Team"), [3, 12]],
      ["plan without measures", await newPlan("Operational", handPickedActions()), [2, 10]],
      [
        "demo directorate plan",
        copy(
          path.join(
            demoDir,
            "plans",
            fs.readdirSync(path.join(demoDir, "plans")).find((f) => f.startsWith("directorate"))!,
          ),
          "demo-directorate-plan.xlsx",
        ),
        [4, 16],
      ],
      [
        "demo team plan",
        copy(
          path.join(
            demoDir,
            "plans",
            fs.readdirSync(path.join(demoDir, "plans")).find((f) => f.startsWith("team"))!,
          ),
          "demo-team-plan.xlsx",
        ),
        [3, 12],
      ],
      ["QSR return", copy(path.join(demoDir, "returns", returns[0]), "qsr-return.xlsx"), [3, 16]],
      ["roll-up", copy(path.join(demoDir, rollup), "rollup.xlsx"), [4, 30]],
    ];
    const pdfs = printToPdf(
      files.map(([, f]) => f),
      OUT,
    );
    files.forEach(([name, xlsx, bounds], i) => {
      renderPages(pdfs[i]);
      printed.set(name, { name, xlsx, pages: pagesOf(pdfs[i]), bounds });
    });
  }, 240_000);
  afterAll(() => fs.rmSync(demoDir, { recursive: true, force: true }));

  const names = ["new directorate plan", "new operational plan", "new team plan", "plan without measures", "demo directorate plan", "demo team plan", "QSR return", "roll-up"];

  test.each(names)("%s: a sensible number of pages, none blank", (name) => {
    const p = printed.get(name)!;
    expect(p.pages.length).toBeGreaterThanOrEqual(p.bounds[0]);
    expect(p.pages.length).toBeLessThanOrEqual(p.bounds[1]);
    for (const page of p.pages) expect(page.words.length).toBeGreaterThan(3);
  });

  test.each(names)("%s: no text runs over other text (rows are tall enough for their wrapped text)", (name) => {
    const overlaps = printed.get(name)!.pages.flatMap((page, i) => overlappingWords(page).map(([a, b]) => `page ${i + 1}: "${a.text}" over "${b.text}"`));
    expect(overlaps).toEqual([]);
  });

  test.each(names)("%s: the smallest text prints at 8 pt or more", (name) => {
    expect(smallestPointSize(printed.get(name)!.pages)).toBeGreaterThanOrEqual(7.9);
  });

  test.each(names)("%s: no cell shows ### (a column too narrow for its number or date)", (name) => {
    for (const page of printed.get(name)!.pages) expect(page.words.filter((w) => /^#{3,}$/.test(w.text))).toEqual([]);
  });

  test.each(["new operational plan", "demo directorate plan"])("%s: a title first, no format stamp, and only the Plan, Actions and Measures sheets print", (name) => {
    const pages = printed.get(name)!.pages;
    const first = pages[0].text.trim().split("\n")[0];
    expect(first).toMatch(/Sefton Council/);
    expect(pages[0].text).not.toMatch(/Format version/);
    const footers = pages.map((page) => /(\S+)\s+Page \d+ of \d+\s*$/.exec(page.text.trimEnd())?.[1]);
    expect(new Set(footers)).toEqual(new Set(["Plan", "Actions", "Measures"]));
    // Every page of a table repeats its header row.
    for (const page of pages.filter((_pg, i) => footers[i] === "Actions")) expect(page.text).toMatch(/Action ID/);
    for (const page of pages.filter((_pg, i) => footers[i] === "Measures")) expect(page.text).toMatch(/Measure ID/);
  });

  test("plan without measures: its Measures sheet is left out of the print, not pages of headers", () => {
    const footers = printed.get("plan without measures")!.pages.map((page) => /(\S+)\s+Page \d+ of \d+\s*$/.exec(page.text.trimEnd())?.[1]);
    expect(new Set(footers)).toEqual(new Set(["Plan", "Actions"]));
  });

  test("the plan's print areas and titles are set in the file: tables repeat header row and ID columns; working sheets print nothing", async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(printed.get("demo directorate plan")!.xlsx));
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    const sheets = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    const defined = (kind: string, sheet: string) => new RegExp(`<definedName name="_xlnm.${kind}" localSheetId="${sheets.indexOf(sheet)}">([^<]+)<`).exec(workbook)?.[1];
    for (const s of ["Actions", "Measures"]) expect(defined("Print_Titles", s)).toMatch(/\$A:\$B,.*\$1:\$1$/);
    expect(defined("Print_Area", "Plan")).toMatch(/\$A\$1:\$B\$\d+$/);
    for (const s of ["Updates", "Register", "Settings"]) expect(defined("Print_Area", s)).toMatch(/\$A\$1048576:\$A\$1048576$/);
  });

  test("the QSR return's cover reads as a cover: dates dd/mm/yyyy, no content hash", () => {
    const cover = printed.get("QSR return")!.pages[0].text;
    expect(cover).toMatch(/\d\d\/\d\d\/\d{4}/);
    expect(cover).not.toMatch(/\d{4}-\d\d-\d\d/);
    expect(cover).not.toMatch(/[0-9a-f]{32,}/);
  });

  test.each(names)("%s: every header word fits its column (no word broken mid-way)", async (name) => {
    // Through the adapter: plans hold calculated columns that ExcelJS alone cannot load.
    const wb = (await XlsxWorkbook.open(printed.get(name)!.xlsx)).workbook;
    const broken: string[] = [];
    wb.eachSheet((ws) => {
      if (ws.state !== "visible") return;
      ws.getRow(1).eachCell((cell, col) => {
        const widest = Math.max(
          ...String(cell.value ?? "")
            .split(/\s+/)
            .map((w) => textWidth(w, cell.font?.size ?? 10, true)),
        );
        if (widest > columnRoom(ws.getColumn(col).width ?? 9)) broken.push(`${ws.name}!${cell.address} "${String(cell.value)}"`);
      });
    });
    expect(broken).toEqual([]);
  });
});
