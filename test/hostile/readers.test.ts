// Every workbook and return case of the corpus through the readers themselves, in process: the
// pane's plan reader and return reader (bytes, JSZip's inflater) and the command line's (files,
// zlib's). A refusal is one XlsxReadError or reject naming the file; an accepted file reads whole.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readReturnBytes } from "../../src/qsr/files/readReturnBytes";
import { readReturnFile } from "../../src/qsr/files/readReturnFile";
import { planFileSnapshot } from "../../src/taskpane/planFile";
import { XlsxWorkbook } from "../../src/xlsx/adapter";
import { XlsxReadError } from "../../src/xlsx/readError";
import { CASES, HostileCase, writeCase } from "./corpus";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "gt-hostile-readers-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const STACK = /\n\s+at .+:\d+:\d+/;

async function outcome(read: () => Promise<unknown>): Promise<{ ok: true; value: unknown } | { ok: false; error: Error }> {
  try {
    return { ok: true, value: await read() };
  } catch (e) {
    return { ok: false, error: e as Error };
  }
}

function expectRefusal(c: HostileCase, result: Awaited<ReturnType<typeof outcome>>): void {
  if (c.refused) {
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(XlsxReadError);
    expect(result.error.message.startsWith(c.file)).toBe(true);
    expect(result.error.message).toMatch(c.reason!);
    expect(result.error.message).not.toMatch(STACK);
  } else {
    if (!result.ok) throw result.error;
  }
}

describe.each(CASES.filter((c) => c.kind === "plan" || c.kind === "loose").map((c) => [c.name, c] as const))("workbook: %s", (_name, c) => {
  it("the pane's reader (bytes) and the file adapter (disk) agree", async () => {
    const file = await writeCase(c, dir);
    const bytes = fs.readFileSync(file);
    const before = fs.readFileSync(file).toString("base64");
    const pane = await outcome(() => planFileSnapshot(c.file, new Uint8Array(bytes)));
    expectRefusal(c, pane);
    const disk = await outcome(async () => (await XlsxWorkbook.open(file)).read());
    expectRefusal(c, disk);
    if (pane.ok && disk.ok) expect(pane.value).toEqual(disk.value);
    expect(fs.readFileSync(file).toString("base64")).toBe(before);
  });
});

describe.each(CASES.filter((c) => c.kind === "return").map((c) => [c.name, c] as const))("return: %s", (_name, c) => {
  it("the pane's reader (bytes) and collect's (disk) give the same verdict, naming the file", async () => {
    const file = await writeCase(c, dir);
    const pane = await readReturnBytes(c.file, new Uint8Array(fs.readFileSync(file)));
    const disk = await readReturnFile(file);
    expect(disk).toEqual(pane);
    if (c.refused) {
      expect(pane.ok).toBe(false);
      if (!pane.ok) {
        expect(pane.issues[0].file).toBe(c.file);
        expect(pane.issues.map((i) => `${i.sheet} ${i.cell} ${i.reason}`).join("\n")).toMatch(c.reason!);
      }
    } else expect(pane).toMatchObject({ ok: true });
  });
});

test("whole-column ranges are clamped to the cells in use, not expanded: the plan reads as the plan", async () => {
  const plain = (
    await writeCase(
      CASES.find((c) => c.file === "far-cell.xlsx")!,
      dir,
    )
  ).replace("far-cell", "plain");
  const { validPlan } = await import("./corpus");
  fs.writeFileSync(plain, await validPlan());
  const reference = await (await XlsxWorkbook.open(plain)).read();
  for (const name of ["dropdowns.xlsx", "formats.xlsx", "table.xlsx", "cols.xlsx"]) {
    const file = await writeCase(
      CASES.find((c) => c.file === name)!,
      dir,
    );
    const snapshot = await (await XlsxWorkbook.open(file)).read();
    expect(snapshot.tables).toEqual(reference.tables);
  }
});

test("a date serial that is no real date is a finding at its cell, never 'Invalid time value'", async () => {
  const file = await writeCase(
    CASES.find((c) => c.file === "bad-dates.xlsx")!,
    dir,
  );
  const snapshot = await (await XlsxWorkbook.open(file)).read();
  const { proposeMapping } = await import("../../src/convert/mapping");
  const { convertWorkbook } = await import("../../src/convert/convert");
  const { loadFramework } = await import("../../src/cli/shared");
  const result = convertWorkbook(snapshot, proposeMapping(snapshot, {}), { tier: "Operational", framework: loadFramework(), file: "bad-dates.xlsx" });
  const text = JSON.stringify(result);
  expect(text).not.toMatch(/Invalid time value/);
  // Rows 2-5 hold -5, 0, 60 and 3,000,000 as dates: each named at its cell as not a real date.
  const unreal = [...result.findings.map((f) => `${f.sheet}!${f.cell} ${f.message}`), ...result.unmapped.map((u) => `${u.sheet}!${u.address} ${u.reason}`)].filter((m) => /not a real date/.test(m));
  for (const cell of ["C2", "C3", "C4", "C5"]) expect(unreal.some((m) => m.includes(`!${cell} `))).toBe(true);
  // The real date on row 6 converts.
  expect(result.actions.length).toBe(5);
});

test("an ordinary plan is opened untouched (nothing clamped), and the tamed ranges are said in notes", async () => {
  const { validPlan } = await import("./corpus");
  const { openXlsx, PLAN_LIMITS } = await import("../../src/xlsx/open");
  expect((await openXlsx(await validPlan(), "plan.xlsx", PLAN_LIMITS)).notes).toEqual([]);
  const dropdowns = await writeCase(
    CASES.find((c) => c.file === "dropdowns.xlsx")!,
    dir,
  );
  const opened = await openXlsx(fs.readFileSync(dropdowns), "dropdowns.xlsx", PLAN_LIMITS);
  expect(opened.notes).toEqual([expect.stringMatching(/^Actions: 9 ranges reaching past the cells in use/)]);
  // Clamped to the rows in use plus spare rows, not expanded to 1,048,576 rows per column.
  const model = (opened.workbook.getWorksheet("Actions") as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model;
  expect(Object.keys(model).length).toBeLessThan(9 * 1_100);
});
