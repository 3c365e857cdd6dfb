// The convert command, run through its action (no child process): bad input gives one clear line
// naming the file and the problem and a non-zero exit; good input writes a plan and never the source.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Command } from "commander";
import { register, runConvert } from "../../src/cli/commands/convert";
import { XlsxWorkbook } from "../../src/xlsx/adapter";
import { housingPlan, sheet, workbook, writeXlsx } from "../fixtures/legacy/loosePlans";
import { captureOutput } from "../cli/capture";

let dir: string;
const { out, err } = captureOutput();
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "convert-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const at = (name: string) => path.join(dir, name);

async function cli(...args: string[]): Promise<void> {
  const program = new Command().exitOverride();
  register(program);
  await program.parseAsync(["node", "service-plan", "convert", ...args]);
}

describe("convert: bad input", () => {
  test.each([
    ["not an xlsx", "notes.txt", "just some notes", /notes\.txt: not an \.xlsx workbook/],
    ["a text file named .xlsx", "fake.xlsx", "hello", /fake\.xlsx: not an Excel \.xlsx workbook \(the file is not a zip package\)/],
    ["a corrupt zip", "broken.xlsx", Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(64, 7)]), /broken\.xlsx: the (file|workbook) is damaged/],
    [
      "a password-protected workbook",
      "locked.xlsx",
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(32), Buffer.from("EncryptionInfo", "utf16le")]),
      /locked\.xlsx: the workbook is password protected/,
    ],
  ])("%s", async (_what, name, content, message) => {
    fs.writeFileSync(at(name), content);
    await cli(at(name), "--tier", "operational", "--out", at("plan.xlsx"));
    expect(process.exitCode).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(message);
    expect(err[0].trim().split("\n")).toHaveLength(1);
    expect(fs.existsSync(at("plan.xlsx"))).toBe(false);
  });

  test("a workbook with no table names the file and how to point at the header row", async () => {
    await writeXlsx(workbook(sheet("Cover", [["Housing Service Plan 2024/25"], ["Draft"]])), at("cover.xlsx"));
    await expect(runConvert(at("cover.xlsx"), { tier: "team", out: at("plan.xlsx") })).rejects.toThrow(/^cover\.xlsx: no table of actions or measures found .* --map/);
  });

  test("a missing file, a bad tier, overwriting the input or an existing output", async () => {
    await expect(runConvert(at("none.xlsx"), { tier: "team", out: at("p.xlsx") })).rejects.toThrow(/none\.xlsx: file not found/);
    await writeXlsx(housingPlan(), at("legacy.xlsx"));
    await expect(runConvert(at("legacy.xlsx"), { tier: "service", out: at("p.xlsx") })).rejects.toThrow(/--tier: "service" is not a plan tier; use directorate, operational, team/);
    await expect(runConvert(at("legacy.xlsx"), { tier: "team", out: at("legacy.xlsx"), force: true })).rejects.toThrow(/one of the files being read; it is never overwritten/);
    fs.writeFileSync(at("exists.xlsx"), "x");
    await expect(runConvert(at("legacy.xlsx"), { tier: "team", out: at("exists.xlsx") })).rejects.toThrow(/already exists; add --force/);
  });

  test("a bad --map file names the file and the key", async () => {
    await writeXlsx(housingPlan(), at("legacy.xlsx"));
    fs.writeFileSync(at("map.json"), JSON.stringify({ tables: [{ sheet: "Housing", columns: { Budget: "action" } }] }));
    await cli(at("legacy.xlsx"), "--tier", "operational", "--out", at("plan.xlsx"), "--map", at("map.json"));
    expect(process.exitCode).toBe(1);
    expect(err.join("")).toMatch(/map\.json: tables\[0\] \(sheet "Housing"\): columns\."Budget" names no column/);
  });
});

describe("convert: a loose housing plan", () => {
  test("writes the plan and Unmapped, prints mapping and findings, leaves the source as it was, and converts its own output to the same rows", async () => {
    await writeXlsx(housingPlan(), at("legacy.xlsx"));
    const before = fs.readFileSync(at("legacy.xlsx"));
    await cli(at("legacy.xlsx"), "--tier", "operational", "--out", at("plan.xlsx"));
    expect(err).toEqual([]);
    expect(process.exitCode).toBeUndefined();
    const text = out.join("");
    expect(text).toMatch(/Converted legacy\.xlsx -> .*plan\.xlsx: 4 actions, 0 measures, 6 cells kept in Unmapped/);
    expect(text).toMatch(/Housing!A3:F10 \(actions, header row 3\)/);
    expect(text).toMatch(/C\s+"Responsible person"\s+-> leadOfficer\s+0\.95/);
    expect(text).toMatch(/warning Housing!A10: ID "3" is also used at Housing!A9/);
    expect(fs.readFileSync(at("legacy.xlsx")).equals(before)).toBe(true);

    const snapshot = await (await XlsxWorkbook.open(at("plan.xlsx"))).read();
    expect(snapshot.tables.map((t) => t.name)).toEqual(expect.arrayContaining(["Actions", "Measures", "Unmapped", "ConversionMap"]));
    expect(snapshot.tables.find((t) => t.name === "Unmapped")!.rows.map((r) => r[1])).toEqual(["A4", "A8", "E10", "A1", "H5", "H9"]);

    out.length = 0;
    await cli(at("plan.xlsx"), "--tier", "operational", "--out", at("again.xlsx"), "--json");
    expect(err).toEqual([]);
    const again = JSON.parse(out.join(""));
    expect(again.actions.map((a: { id: string }) => a.id)).toEqual(["1", "2", "3", "3-2"]);
    expect(again.unmappedCount).toBe(6);
    expect(again.mapping).toEqual([]);
  });
});
