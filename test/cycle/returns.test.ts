// The planning year in the quarterly return and the roll-up: sign-off, agreed changes, earlier
// quarters, and collect --signoffs flagging a return whose signed-off values were edited.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readReturnFile } from "../../src/qsr/files/readReturnFile";
import { XlsxWorkbook } from "../../src/xlsx/adapter";
import { runCli } from "../cli/run";
import { planFile } from "./helpers";

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "cycle-returns-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
const at = (f: string) => path.join(dir, f);

test("a return carries the sign-off, the changes to targets and each item's earlier quarters; collect --signoffs flags an edited hidden copy", async () => {
  await (await planFile()).save(at("plan.xlsx"));
  await runCli("signoff", at("plan.xlsx"), "--by", "Jane Smith", "--role", "Director", "--on", "08/04/2024", "--out", at("signed.xlsx"), "--record", at("signoffs.csv"));
  await runCli("record", at("signed.xlsx"), "--period", "2024/25 Q1", "--by", "Sam Hughes", "--on", "07/07/2024", "--out", at("q1.xlsx"));
  await runCli(
    "agree-change",
    at("q1.xlsx"),
    "--id",
    "M-1",
    "--field",
    "Annual target",
    "--value",
    "78",
    "--by",
    "ELT",
    "--on",
    "15/10/2024",
    "--reason",
    "Demand higher than planned",
    "--out",
    at("agreed.xlsx"),
  );
  const q = await runCli("qsr", at("agreed.xlsx"), "--period", "2024/25 Q2", "--out", at("returns"), "--format", "xlsx,json,csv", "--draft", "--prepared-on", "2024-10-20");
  expect(q.stderr).toBe("");
  for (const file of fs.readdirSync(at("returns"))) {
    const parsed = await readReturnFile(path.join(at("returns"), file));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const r = parsed.value;
    expect(r.header).toMatchObject({ formatVersion: 2, signedOffBy: "Jane Smith, Director", signedOffOn: "2024-04-08", signOffFingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(r.targetChanges).toEqual([{ itemType: "Measure", id: "M-1", field: "Annual target", was: "80", now: "78", agreedBy: "ELT", agreedOn: "2024-10-15", reason: "Demand higher than planned" }]);
    expect(r.history.map((h) => [h.itemType, h.id, h.period, h.status])).toEqual([
      ["Action", "A-1", "2024/25 Q1", "On target"],
      ["Action", "A-2", "2024/25 Q1", "On target"],
      ["Action", "A-3", "2024/25 Q1", "No longer viable"],
      ["Measure", "M-1", "2024/25 Q1", "Green"],
      ["Measure", "M-2", "2024/25 Q1", "Red"],
    ]);
  }
  const clean = await runCli("collect", at("returns"), "--out", at("rollup.xlsx"), "--signoffs", at("signoffs.csv"), "--include-drafts");
  expect(clean.stderr).not.toContain("sign-off:");

  // Someone edits the hidden copy and the target together, so check sees nothing wrong in the workbook...
  const wb = await XlsxWorkbook.open(at("agreed.xlsx"));
  const snap = await wb.read();
  const frozen = snap.tables.find((t) => t.name === "SignedOff")!;
  const target = frozen.headers.indexOf("Annual target");
  await wb.writeColumn(
    "SignedOff",
    "Annual target",
    frozen.rows.map((r) => (r[1] === "M-2" ? "25" : r[target])),
  );
  const measures = snap.tables.find((t) => t.name === "Measures")!;
  const col = measures.headers.indexOf("Annual target");
  await wb.writeColumn(
    "Measures",
    "Annual target",
    measures.rows.map((r, i) => (i === 1 ? 25 : r[col])),
  );
  await wb.save(at("tampered.xlsx"));
  await runCli("qsr", at("tampered.xlsx"), "--period", "2024/25 Q2", "--out", at("returns2"), "--format", "json", "--draft", "--prepared-on", "2024-10-21");
  // ...but the fingerprint no longer matches the BI team's record.
  const flagged = await runCli("collect", at("returns2"), "--out", at("rollup2.xlsx"), "--signoffs", at("signoffs.csv"), "--include-drafts");
  expect(flagged.code).toBe(2);
  expect(flagged.stderr).toMatch(
    /sign-off: OSP-ASCO-2024-25-Q2-DRAFT\.json \(OSP-ASCO-2024 2024\/25 Q2\): the frozen values no longer match the sign-off by Jane Smith on 08\/04\/2024 \(signoffs\.csv line 1\)/,
  );
  // A target changed in the sheet alone, with no agreed change, no longer matches either.
  const visible = await XlsxWorkbook.open(at("agreed.xlsx"));
  await visible.writeColumn(
    "Measures",
    "Annual target",
    measures.rows.map((r, i) => (i === 1 ? 18 : r[col])),
  );
  await visible.save(at("visible.xlsx"));
  await runCli("qsr", at("visible.xlsx"), "--period", "2024/25 Q2", "--out", at("returns3"), "--format", "json", "--draft", "--prepared-on", "2024-10-22");
  expect((await runCli("collect", at("returns3"), "--out", at("rollup3.xlsx"), "--signoffs", at("signoffs.csv"), "--include-drafts")).stderr).toContain(
    "the frozen values no longer match the sign-off by Jane Smith",
  );
  const check = await runCli("check", at("tampered.xlsx"), "--json");
  expect(JSON.parse(check.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === "signOffTampered")).toHaveLength(1);
});

test("an older (format 1) return still reads, with no sign-off and no history", async () => {
  await (await planFile()).save(at("plan.xlsx"));
  await runCli("qsr", at("plan.xlsx"), "--period", "2024/25 Q1", "--out", at("r"), "--format", "json", "--draft", "--prepared-on", "2024-07-20");
  const file = path.join(at("r"), fs.readdirSync(at("r"))[0]);
  const json = JSON.parse(fs.readFileSync(file, "utf8"));
  json.header.formatVersion = 1;
  for (const k of ["signedOffBy", "signedOffOn", "signOffFingerprint"]) delete json.header[k];
  delete json.targetChanges;
  delete json.history;
  fs.writeFileSync(file, JSON.stringify(json));
  const parsed = await readReturnFile(file);
  expect(parsed.ok && parsed.value.header.signOffFingerprint).toBe("");
  expect(parsed.ok && parsed.value.history).toEqual([]);
});
