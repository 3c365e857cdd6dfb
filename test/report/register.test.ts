// The measure register: the Sefton example built from Sefton's table, and the bad registers refused.
import * as fs from "fs";
import * as path from "path";
import { parseCsv } from "../../src/csv/parse";
import { indexRegister, parseMeasureRegister } from "../../src/model/measureRegister";
import { THEME_TO_PRIORITY } from "../../examples/sefton/seftonExample";

const root = path.join(__dirname, "..", "..");
const registerText = fs.readFileSync(path.join(root, "examples", "sefton-measure-register.json"), "utf8");

describe("the Sefton example register", () => {
  const register = parseMeasureRegister(registerText, "sefton-measure-register.json");
  const [header, ...rows] = parseCsv(fs.readFileSync(path.join(root, "examples", "sefton-strategic-measures-2024.csv"), "utf8"));
  const body = rows.filter((r) => r.some((c) => c.trim() !== ""));
  const col = (name: string) => header.indexOf(name);

  it("holds each of Sefton's strategic measures once, in the table's order, with its name, priority and polarity", () => {
    expect(register.measures).toHaveLength(body.length);
    expect(body.length).toBe(85);
    body.forEach((r, i) => {
      const m = register.measures[i];
      expect(m.name).toBe(r[col("measure")].trim());
      expect(m.theme).toBe(r[col("corporate_plan_theme")]);
      expect(m.corporatePriority).toBe(THEME_TO_PRIORITY[m.theme]);
      const good = r[col("what_is_good")].trim();
      expect(m.polarity).toBe(good === "100" ? "Target" : good);
    });
  });

  it("invents nothing: the fields Sefton's table does not give are blank", () => {
    for (const m of register.measures) {
      expect([m.definition, m.unit, m.dataSource, m.calculation, m.numerator, m.denominator, m.accountableOfficer, m.performanceLead, m.forecastMethod].join("")).toBe("");
      expect(m.comparators).toEqual([]);
      expect(m.frequency).toBeNull();
    }
  });

  it("finds measures by ID whatever the case", () => {
    expect(indexRegister(register).get(" sm16 ")?.id).toBe("SM16");
  });
});

describe("bad registers", () => {
  const reg = (measures: object[]) => JSON.stringify({ formatVersion: 1, measures });
  it("refuses duplicate IDs, naming both entries", () => {
    expect(() => parseMeasureRegister(reg([{ id: "SM01", name: "A" }, { id: "sm01", name: "B" }]), "reg.json")).toThrow('reg.json: measures[1].id: sm01 is already the ID of measures[0] ("A"); each register measure needs its own ID');
  });
  it("refuses a comparator in another unit than its measure", () => {
    expect(() => parseMeasureRegister(reg([{ id: "SM01", name: "A", unit: "%", comparators: [{ name: "England", value: 4.2, unit: "per 1,000" }] }]), "reg.json")).toThrow(
      `reg.json: measures[0].comparators[0].unit: SM01's England figure is in "per 1,000" but the measure is in "%"; give it in %`,
    );
  });
  it("names the entry and field of a wrong value, and says when it is not JSON", () => {
    expect(() => parseMeasureRegister(reg([{ id: "SM01", name: "A", polarity: "Up" }]), "reg.json")).toThrow(/^reg\.json: the measure register is not valid: measures\[0\]\.polarity: /);
    expect(() => parseMeasureRegister(reg([{ id: "", name: "A" }]), "reg.json")).toThrow("measures[0].id: a register measure needs an ID");
    expect(() => parseMeasureRegister("{", "reg.json")).toThrow(/^reg\.json: not valid JSON/);
  });
});
