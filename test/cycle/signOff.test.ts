// Sign-off: frozen values, fingerprint, changes caught by check, agreed changes, and the bad inputs.
import fc from "fast-check";
import { addPlanRows } from "../../src/app/addRows";
import { agreeChange, signOffWorkbook } from "../../src/app/signOff";
import { canonicalForm, fieldHeader, fingerprint, FROZEN_ACTION_FIELDS, FROZEN_MEASURE_FIELDS, FrozenValue, frozenValues } from "../../src/cycle/frozen";
import { signOffFindings } from "../../src/cycle/findings";
import { checkReturnsAgainstRecords, parseSignOffRecords } from "../../src/cycle/record";
import { agreedChangeRow, CYCLE_SHEETS } from "../../src/cycle/sheet";
import { readPlan } from "../../src/workbook/readPlan";
import { isoToSerial } from "../../src/model/dates";
import { parseBox, parseCell } from "../../src/workbook/a1";
import { SIGN_OFF_ROWS } from "../../src/workbook/layout";
import { SHEETS } from "../../src/workbook/names";
import type { WorkbookSnapshot } from "../../src/workbook/port";
import { planDesign } from "../../src/workbook/design";
import { XlsxWorkbook } from "../../src/xlsx/adapter";
import { sampleDetails } from "../workbook/samplePlan";
import { cycleActions, cycleMeasures, FILE, framework, planFile, planOnDouble, reopen } from "./helpers";

const by = { fileName: FILE, by: "Jane Smith", role: "Director of Adult Social Care", on: "2024-04-08" };

async function signedOff() {
  const wb = await planFile();
  const result = await signOffWorkbook(wb, by);
  return { wb: await reopen(wb), result };
}

describe("the fingerprint", () => {
  const value = fc.record({
    itemType: fc.constantFrom("Action" as const, "Measure" as const),
    id: fc.string({ minLength: 1 }),
    field: fc.constantFrom("annualTarget", "dueDate", "name"),
    value: fc.string(),
  });
  test("does not depend on row order, and changes when any value changes", () => {
    fc.assert(
      fc.property(fc.uniqueArray(value, { minLength: 1, selector: (v) => `${v.itemType}|${v.id}|${v.field}` }), fc.nat(), fc.string(), (values, pick, other) => {
        const shuffled = [...values].reverse();
        expect(fingerprint("P", "2024/25", shuffled)).toBe(fingerprint("P", "2024/25", values));
        const i = pick % values.length;
        fc.pre(other !== values[i].value);
        const changed: FrozenValue[] = values.map((v, j) => (j === i ? { ...v, value: other } : v));
        expect(fingerprint("P", "2024/25", changed)).not.toBe(fingerprint("P", "2024/25", values));
      }),
    );
  });
  test("belongs to one plan and year, and no text can fake a line break", () => {
    const values = frozenValues({ actions: cycleActions(), measures: cycleMeasures() });
    expect(fingerprint("P", "2024/25", values)).not.toBe(fingerprint("Q", "2024/25", values));
    expect(fingerprint("P", "2024/25", values)).not.toBe(fingerprint("P", "2025/26", values));
    const a: FrozenValue[] = [{ itemType: "Action", id: "X", field: "measureOfSuccess", value: 'a"]\n["Action","Y' }];
    expect(canonicalForm("P", "2024/25", a).split("\n").length).toBe(4);
  });
});

describe("sign off on a file", () => {
  test("freezes every target, trajectory, tolerance, definition, due date and measure of success, with who, role and date", async () => {
    const { wb, result } = await signedOff();
    expect(result.signOff.values).toHaveLength(3 * 2 + 2 * 10);
    expect(result.recordLine).toBe(`OSP-ASCO-2024,2024/25,${result.signOff.fingerprint},Jane Smith,2024-04-08`);
    const snapshot = await wb.read();
    expect(snapshot.sheets.find((s) => s.name === CYCLE_SHEETS.frozen)?.visibility).toBe("veryHidden");
    const plan = readPlan(snapshot, FILE).plan;
    expect(plan.cycle?.signOff).toMatchObject({ by: "Jane Smith", role: "Director of Adult Social Care", on: "2024-04-08", fingerprint: result.signOff.fingerprint });
    expect(plan.cycle?.signOff?.values).toEqual(result.signOff.values);
    expect(signOffFindings(plan, plan.cycle!)).toEqual([]);
  });

  test("a target changed by hand after sign-off is an error naming was, now, cell and who signed off when", async () => {
    const { wb } = await signedOff();
    const snapshot = await wb.read();
    const measures = snapshot.tables.find((t) => t.name === "Measures")!;
    const col = measures.headers.indexOf("Annual target");
    measures.rows[0][col] = 78;
    const plan = readPlan(snapshot, FILE).plan;
    const findings = signOffFindings(plan, plan.cycle!);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "error", sheet: "Measures", measureId: "M-1", cell: `${String.fromCharCode(65 + col)}2` });
    expect(findings[0].message).toBe("Annual target of measure M-1 was 80 at sign-off (by Jane Smith (Director of Adult Social Care) on 08/04/2024), now 78");
  });

  test("an agreed change writes the new value and records who, when and why; check then reports it as information", async () => {
    const { wb } = await signedOff();
    const { change, cell } = await agreeChange(wb, { fileName: FILE, id: "M-1", field: "Annual target", value: "85", agreedBy: "Assistant Director", agreedOn: "2024-10-15", reason: "New funding" });
    expect(change).toMatchObject({ was: "80", now: "85" });
    const plan = readPlan(await (await reopen(wb)).read(), FILE).plan;
    expect(plan.measures[0].annualTarget).toBe(85);
    expect(cell).toBe(`Measures!${plan.measures[0].source.columns.annualTarget}2`);
    expect(plan.measures[1]).toMatchObject(cycleMeasures()[1]); // nothing else changed
    const findings = signOffFindings(plan, plan.cycle!);
    expect(findings.map((f) => [f.severity, f.message])).toEqual([["info", "Annual target of measure M-1 changed from 80 to 85, agreed by Assistant Director on 15/10/2024: New funding"]]);
  });

  test("editing the hidden copy is caught by the fingerprint, in check and against the BI team's record", async () => {
    const { wb, result } = await signedOff();
    const snapshot = await wb.read();
    const frozen = snapshot.tables.find((t) => t.name === "SignedOff")!;
    frozen.rows[frozen.rows.findIndex((r) => r[1] === "M-1")][frozen.headers.indexOf("Annual target")] = "78";
    const measures = snapshot.tables.find((t) => t.name === "Measures")!;
    measures.rows[0][measures.headers.indexOf("Annual target")] = 78;
    const plan = readPlan(snapshot, FILE).plan;
    expect(signOffFindings(plan, plan.cycle!).map((f) => f.cell)).toEqual(["B6"]);
    const records = parseSignOffRecords(`${result.recordLine}\n`, "signoffs.csv").records;
    const fp = fingerprint(plan.cycle!.signOff!.planId, "2024/25", plan.cycle!.signOff!.values);
    const flags = checkReturnsAgainstRecords([{ file: "r.json", planId: "OSP-ASCO-2024", planYear: "2024/25", period: "2024/25 Q3", fingerprint: fp }], records);
    expect(flags).toHaveLength(1);
    expect(flags[0].message).toMatch(/^r\.json \(OSP-ASCO-2024 2024\/25 Q3\): the frozen values no longer match the sign-off by Jane Smith on 08\/04\/2024 \(signoffs\.csv line 1\)/);
    expect(checkReturnsAgainstRecords([{ file: "r.json", planId: "OSP-ASCO-2024", planYear: "2024/25", period: "2024/25 Q3", fingerprint: result.signOff.fingerprint }], records)).toEqual([]);
  });

  test("the frozen values are kept a row per item; a plan signed off with a row per value (before) reads the same", async () => {
    const { wb, result } = await signedOff();
    const snapshot = await wb.read();
    const frozen = snapshot.tables.find((t) => t.name === "SignedOff")!;
    expect(frozen.rows).toHaveLength(5); // 3 actions and 2 measures
    expect(frozen.headers.slice(0, 4)).toEqual(["Item type", "ID", "Due date", "Measure of success"]);
    const long = {
      ...frozen,
      range: `A1:D${result.signOff.values.length + 1}`,
      headers: ["Item type", "ID", "Field", "Value"],
      rows: result.signOff.values.map((v) => [v.itemType, v.id, fieldHeader(v.itemType, v.field), v.value === "" ? null : v.value]),
    };
    const before = { ...snapshot, tables: snapshot.tables.map((t) => (t === frozen ? long : t)) };
    for (const s of [snapshot, before]) {
      const cycle = readPlan(s, FILE).plan.cycle!;
      expect(cycle.problems).toEqual([]);
      expect(cycle.signOff!.values).toEqual(result.signOff.values);
      expect(signOffFindings(readPlan(s, FILE).plan, cycle)).toEqual([]);
    }
    frozen.rows[1][0] = "Task";
    expect(readPlan(snapshot, FILE).plan.cycle!.problems.map((p) => p.message)).toEqual(['plan.xlsx Signed-off values!A3: item type "Task" is not Action or Measure']);
  });

  test("bad input: signed off twice, a blank name, a record for another plan, an unreadable record line", async () => {
    const { wb } = await signedOff();
    await expect(signOffWorkbook(wb, by)).rejects.toThrow("plan.xlsx Sign-off!B3: this plan was already signed off by Jane Smith (Director of Adult Social Care) on 08/04/2024");
    await expect(signOffWorkbook(await planFile(), { ...by, by: " " })).rejects.toThrow("sign-off needs who signed it off");
    const other = parseSignOffRecords(`DSP-OTHER-2024,2024/25,${"a".repeat(64)},Someone,2024-04-01\nnot,enough\n`, "signoffs.csv");
    expect(other.problems).toEqual(["signoffs.csv line 2: a sign-off record has 5 fields (plan_id,plan_year,fingerprint,signed_off_by,signed_off_on), this line has 2"]);
    expect(checkReturnsAgainstRecords([{ file: "r.json", planId: "OSP-ASCO-2024", planYear: "2024/25", period: "2024/25 Q1", fingerprint: "b".repeat(64) }], other.records)[0].message).toBe(
      "r.json (OSP-ASCO-2024 2024/25 Q1): no sign-off record for OSP-ASCO-2024 2024/25",
    );
  });

  test("an agreed change with a bad value or no reason is refused, and nothing is written", async () => {
    const { wb } = await signedOff();
    const before = await wb.toBuffer();
    await expect(agreeChange(wb, { fileName: FILE, id: "M-1", field: "Annual target", value: "eighty", agreedBy: "AD", agreedOn: "2024-10-15", reason: "x" })).rejects.toThrow(
      /plan\.xlsx Measures!\w+2: the agreed Annual target "eighty" is not a number/,
    );
    await expect(agreeChange(wb, { fileName: FILE, id: "M-1", field: "Annual target", value: "85", agreedBy: "AD", agreedOn: "2024-10-15", reason: " " })).rejects.toThrow(
      "needs who agreed it and why",
    );
    await expect(agreeChange(wb, { fileName: FILE, id: "M-9", field: "Annual target", value: "85", agreedBy: "AD", agreedOn: "2024-10-15", reason: "x" })).rejects.toThrow(
      'no action or measure with ID "M-9"',
    );
    expect((await wb.toBuffer()).length).toBe(before.length);
  });
});

describe("a format 1 plan", () => {
  test("reads as not signed off; signing it off adds the Agreed changes sheet beside the sign-off", async () => {
    const wb = XlsxWorkbook.create(FILE);
    const design = planDesign({ details: sampleDetails({ formatVersion: 1 }), framework, actions: cycleActions(), measures: cycleMeasures() });
    await wb.apply({ ...design, sheets: design.sheets.filter((s) => s.name !== CYCLE_SHEETS.agreedChanges) });
    const before = readPlan(await wb.read(), FILE);
    expect(before.errors).toEqual([]);
    expect(before.plan.details.formatVersion).toBe(1);
    expect(before.plan.cycle).toEqual({ signOff: null, changes: [], changeCells: [], problems: [] });
    await signOffWorkbook(wb, by);
    const after = await (await reopen(wb)).read();
    expect(after.sheets.map((s) => s.name)).toEqual(expect.arrayContaining([CYCLE_SHEETS.signOff, CYCLE_SHEETS.frozen, CYCLE_SHEETS.agreedChanges]));
    await expect(
      agreeChange(await reopen(wb), { fileName: FILE, id: "A-1", field: "Due date", value: "31/01/2025", agreedBy: "AD", agreedOn: "2024-10-15", reason: "Contractor delay" }),
    ).resolves.toMatchObject({ change: { was: "2024-12-31", now: "2025-01-31" } });
  });
});

/** Column header -> whether each data cell of that column is locked, for every column of a table. */
async function lockedColumns(snapshot: WorkbookSnapshot, table: string, locked: (sheet: string, row: number, col: number) => boolean): Promise<Record<string, boolean[]>> {
  const t = snapshot.tables.find((x) => x.name === table)!;
  const box = parseBox(t.range);
  return Object.fromEntries(t.headers.map((h, j) => [h, t.rows.map((_, i) => locked(t.sheet, box.top + 1 + i, box.left + j))]));
}

const FROZEN_HEADERS = {
  Actions: FROZEN_ACTION_FIELDS.map((f) => fieldHeader("Action", f)),
  Measures: FROZEN_MEASURE_FIELDS.map((f) => fieldHeader("Measure", f)),
};

/** Frozen columns are locked in every row; the other input columns (unlocked before sign-off) stay unlocked; the sheet is protected. */
async function expectFrozenCellsLocked(snapshot: WorkbookSnapshot, locked: (sheet: string, row: number, col: number) => boolean, before: Record<string, Record<string, boolean[]>>) {
  for (const table of ["Actions", "Measures"] as const) {
    const after = await lockedColumns(snapshot, table, locked);
    for (const [header, cells] of Object.entries(after)) {
      if (FROZEN_HEADERS[table].includes(header)) expect({ header, cells }).toEqual({ header, cells: cells.map(() => true) });
      else expect({ header, cells }).toEqual({ header, cells: before[table][header] });
    }
    expect(Object.values(before[table]).some((cells) => cells.includes(false))).toBe(true); // there were input cells to keep open
  }
}

describe("sign-off shows on the Plan sheet and locks the frozen cells", () => {
  const plannedBy = "Jane Smith (Director of Adult Social Care)";
  test("in a file: Signed off by and Date signed off filled and locked, frozen cells locked, other input cells open, sheets protected", async () => {
    const wb = await planFile();
    const lockedIn = (book: XlsxWorkbook) => (sheet: string, row: number, col: number) => book.workbook.getWorksheet(sheet)!.getCell(row, col).protection?.locked !== false;
    const first = await reopen(wb);
    const before = { Actions: await lockedColumns(await first.read(), "Actions", lockedIn(first)), Measures: await lockedColumns(await first.read(), "Measures", lockedIn(first)) };
    await signOffWorkbook(wb, by);
    const after = await reopen(wb);
    const snapshot = await after.read();
    await expectFrozenCellsLocked(snapshot, lockedIn(after), before);
    const plan = after.workbook.getWorksheet(SHEETS.plan)!;
    expect(plan.getCell(`B${SIGN_OFF_ROWS.signedOffBy}`).value).toBe(plannedBy);
    expect(plan.getCell(`B${SIGN_OFF_ROWS.signedOffOn}`).value).toEqual(new Date(Date.UTC(2024, 3, 8)));
    expect(plan.getCell(`B${SIGN_OFF_ROWS.signedOffOn}`).numFmt).toBe("dd/mm/yyyy");
    const lockedNow = lockedIn(after);
    expect([lockedNow(SHEETS.plan, SIGN_OFF_ROWS.signedOffBy, 2), lockedNow(SHEETS.plan, SIGN_OFF_ROWS.signedOffOn, 2)]).toEqual([true, true]);
    expect([lockedIn(first)(SHEETS.plan, SIGN_OFF_ROWS.signedOffBy, 2), lockedIn(first)(SHEETS.plan, SIGN_OFF_ROWS.signedOffOn, 2)]).toEqual([false, false]);
    const sheetsProtected = [SHEETS.plan, SHEETS.actions, SHEETS.measures].map((n) =>
      Boolean((after.workbook.getWorksheet(n) as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet),
    );
    expect(sheetsProtected).toEqual([true, true, true]);
    // The Plan sheet says what the hidden record says.
    const record = readPlan(snapshot, FILE).plan.cycle!.signOff!;
    expect(plannedBy).toBe(`${record.by} (${record.role})`);
    expect(record.on).toBe("2024-04-08");
  });

  test("on the Excel double: the same, the Plan sheet's cells locked, every sheet protected again", async () => {
    const { fake, port } = await planOnDouble();
    const lockedIn = (sheet: string, row: number, col: number) => fake.workbook.sheet(sheet).cell(row, col)?.locked !== false;
    const snapshot = await port.read();
    const before = { Actions: await lockedColumns(snapshot, "Actions", lockedIn), Measures: await lockedColumns(snapshot, "Measures", lockedIn) };
    await signOffWorkbook(port, { ...by, fileName: "Book1" });
    await expectFrozenCellsLocked(await port.read(), lockedIn, before);
    const plan = fake.workbook.sheet(SHEETS.plan);
    expect(plan.cell(SIGN_OFF_ROWS.signedOffBy, 2)).toMatchObject({ value: plannedBy, locked: true });
    expect(plan.cell(SIGN_OFF_ROWS.signedOffOn, 2)).toMatchObject({ value: isoToSerial("2024-04-08"), numberFormat: "dd/mm/yyyy", locked: true });
    for (const name of [SHEETS.plan, SHEETS.actions, SHEETS.measures]) expect(fake.workbook.sheet(name).protection.protected).toBe(true);
  });
  test("on the Excel double, an agreed change still writes its locked cell, and the cell stays locked on a protected sheet", async () => {
    const { fake, port } = await planOnDouble();
    await signOffWorkbook(port, { ...by, fileName: "Book1" });
    const { cell } = await agreeChange(port, { fileName: "Book1", id: "M-1", field: "Annual target", value: "85", agreedBy: "Assistant Director", agreedOn: "2024-10-15", reason: "New funding" });
    const { row, col } = parseCell(cell.replace(/^.*!/, ""));
    expect(fake.workbook.sheet(SHEETS.measures).cell(row, col)).toMatchObject({ value: 85, locked: true });
    expect(fake.workbook.sheet(SHEETS.measures).protection.protected).toBe(true);
    const plan = readPlan(await port.read(), "Book1").plan;
    expect(signOffFindings(plan, plan.cycle!).map((f) => f.severity)).toEqual(["info"]);
  });
});

describe("rows added after sign-off", () => {
  // A new action was never signed off: its due date and measure of success must be open for typing,
  // while the signed-off rows above stay locked and the sheet protected.
  const dueAndSuccess = (t: { headers: string[] }) => FROZEN_ACTION_FIELDS.map((f) => t.headers.indexOf(fieldHeader("Action", f)));
  async function lockedRows(snapshot: WorkbookSnapshot, locked: (sheet: string, row: number, col: number) => boolean): Promise<boolean[][]> {
    const t = snapshot.tables.find((x) => x.name === "Actions")!;
    const box = parseBox(t.range);
    return t.rows.map((_, i) => dueAndSuccess(t).map((j) => locked(t.sheet, box.top + 1 + i, box.left + j)));
  }
  test("in a file: the new rows' frozen columns are open, the signed-off rows locked", async () => {
    const wb = await planFile();
    await signOffWorkbook(wb, by);
    const before = (await wb.read()).tables.find((t) => t.name === "Actions")!.rows.length;
    await addPlanRows(wb, "Actions", 2);
    const after = await reopen(wb);
    const lockedIn = (sheet: string, row: number, col: number) => after.workbook.getWorksheet(sheet)!.getCell(row, col).protection?.locked !== false;
    const rows = await lockedRows(await after.read(), lockedIn);
    expect(rows.length).toBe(before + 2);
    expect(rows.slice(0, before).flat().every(Boolean)).toBe(true);
    expect(rows.slice(before)).toEqual([
      [false, false],
      [false, false],
    ]);
  });
  test("on the Excel double: the same, and the sheet stays protected", async () => {
    const { fake, port } = await planOnDouble();
    await signOffWorkbook(port, { ...by, fileName: "Book1" });
    const before = (await port.read()).tables.find((t) => t.name === "Actions")!.rows.length;
    await addPlanRows(port, "Actions", 3);
    const lockedIn = (sheet: string, row: number, col: number) => fake.workbook.sheet(sheet).cell(row, col)?.locked !== false;
    const rows = await lockedRows(await port.read(), lockedIn);
    expect(rows.length).toBe(before + 3);
    expect(rows.slice(0, before).flat().every(Boolean)).toBe(true);
    expect(rows.slice(before).flat().some(Boolean)).toBe(false);
    expect(fake.workbook.sheet(SHEETS.actions).protection.protected).toBe(true);
  });
});

describe("sign off on the Excel double", () => {
  test.each([50, 20000])(
    "%i measures: three syncs, the frozen values read back whole",
    async (n) => {
      const measures = Array.from({ length: n }, (_, i) => ({ ...cycleMeasures()[i % 2], id: `M-${i + 1}` }));
      const { fake, port } = await planOnDouble(planDesign({ details: sampleDetails({ formatVersion: 2 }), framework, actions: cycleActions(), measures }));
      const result = await signOffWorkbook(port, { ...by, fileName: "Book1" });
      expect(fake.workbook.stats.syncs).toBe(3);
      expect(fake.workbook.stats.largestRequestBytes).toBeLessThanOrEqual(4 * 1024 * 1024);
      const signOff = readPlan(await port.read(), "Book1").plan.cycle!.signOff!;
      expect(signOff.values).toHaveLength(3 * 2 + n * 10);
      expect(signOff.fingerprint).toBe(result.signOff.fingerprint);
      expect(fingerprint(signOff.planId, signOff.planYear, signOff.values)).toBe(result.signOff.fingerprint);
    },
    120000,
  );

  test.each([50, 20000])(
    "%i measures: an agreed change in three syncs writes its row and the one cell (still locked, the sheet protected); nothing else changes, the same as on a file",
    async (n) => {
      const measures = Array.from({ length: n }, (_, i) => ({ ...cycleMeasures()[i % 2], id: `M-${i + 1}` }));
      const design = planDesign({ details: sampleDetails({ formatVersion: 2 }), framework, actions: cycleActions(), measures });
      const { fake, port } = await planOnDouble(design);
      await signOffWorkbook(port, { ...by, fileName: "Book1" });
      const before = await port.read();
      fake.workbook.resetStats();
      const agreed = { id: `M-${n}`, field: "Annual target", value: "1,234", agreedBy: "Assistant Director", agreedOn: "2024-10-15", reason: "New funding" };
      const result = await agreeChange(port, { fileName: "Book1", ...agreed });
      expect(fake.workbook.stats.syncs).toBe(3);
      expect(fake.workbook.stats.largestRequestBytes).toBeLessThanOrEqual(4 * 1024 * 1024);
      expect(result.change).toMatchObject({ itemType: "Measure", id: `M-${n}`, field: "annualTarget", now: "1234" });
      const after = await port.read();
      const { row, col } = parseCell(result.cell.replace(/^.*!/, ""));
      expect(fake.workbook.sheet(SHEETS.measures).cell(row, col)).toMatchObject({ value: 1234, locked: true });
      expect(fake.workbook.sheet(SHEETS.measures).protection.protected).toBe(true);
      // Every table as it was but for the one cell and the new Agreed changes row.
      const table = (s: WorkbookSnapshot, name: string) => s.tables.find((t) => t.name === name)!;
      const expected = table(before, "Measures").rows.map((r) => [...r]);
      expected[n - 1][table(before, "Measures").headers.indexOf("Annual target")] = 1234;
      expect(table(after, "Measures").rows).toEqual(expected);
      for (const name of ["Actions", "Updates", "SignedOff"]) expect(table(after, name)).toEqual(table(before, name));
      const changeRows = table(after, "AgreedChanges").rows;
      expect(changeRows).toEqual([agreedChangeRow(result.change)]);
      if (n > 50) return;
      // The same on a file.
      const file = await planFile({ measures });
      await signOffWorkbook(file, by);
      const onFile = await agreeChange(file, { fileName: FILE, ...agreed });
      expect(onFile).toEqual(result);
      const fromFile = await (await reopen(file)).read();
      expect(table(fromFile, "Measures").rows).toEqual(table(after, "Measures").rows);
      expect(table(fromFile, "AgreedChanges").rows).toEqual(changeRows);
    },
    120000,
  );

  test("freezes the plan in a very hidden, protected sheet, read back the same as from a file", async () => {
    const { fake, port } = await planOnDouble();
    const result = await signOffWorkbook(port, { ...by, fileName: "Book1" });
    // One update(): what to read, the frozen columns, then every write (Plan sheet, locks, Sign-off sheets).
    expect(fake.workbook.stats.syncs).toBe(3);
    expect(fake.workbook.sheet(CYCLE_SHEETS.frozen)).toMatchObject({ visibility: "VeryHidden", protection: { protected: true } });
    expect(fake.workbook.sheet(CYCLE_SHEETS.signOff)).toMatchObject({ visibility: "Visible", protection: { protected: true } });
    const plan = readPlan(await port.read(), "Book1").plan;
    expect(plan.cycle?.signOff?.fingerprint).toBe(result.signOff.fingerprint);
    expect(plan.cycle?.signOff?.values).toEqual(result.signOff.values);
  });
});
