import * as fs from "fs";
import * as path from "path";
import { parsePeriod } from "../../src/model/period";
import { buildReturn } from "../../src/qsr/buildReturn";
import { QSR_SCHEMA_FILE, qsrReturnJsonSchema, qsrReturnJsonSchemaText } from "../../src/qsr/jsonSchema";
import { realisticPlan, SETTINGS } from "./planFixtures";

const file = path.join(__dirname, "..", "..", QSR_SCHEMA_FILE);

describe("published JSON Schema", () => {
  it("docs/qsr-return.schema.json is up to date with the zod model", () => {
    if (process.env.QSR_WRITE_SCHEMA === "1") fs.writeFileSync(file, qsrReturnJsonSchemaText());
    expect(fs.readFileSync(file, "utf8")).toBe(qsrReturnJsonSchemaText());
  });

  it("describes the fields a return carries, with the allowed statuses", () => {
    const schema = qsrReturnJsonSchema() as { required: string[]; properties: Record<string, { items?: { properties: Record<string, { enum?: string[] }> } }> };
    expect(schema.required).toEqual(["header", "actions", "measures", "exceptions"]);
    const r = buildReturn(realisticPlan("P", "Place", 2, 2), SETTINGS, parsePeriod("2024/25 Q2"), { preparedBy: "x", preparedOn: "2024-10-01", draft: true });
    expect(Object.keys(schema.properties.measures.items!.properties).sort()).toEqual(Object.keys(r.measures[0]).sort());
    expect(Object.keys(schema.properties.actions.items!.properties).sort()).toEqual(Object.keys(r.actions[0]).sort());
    expect(schema.properties.measures.items!.properties.rag.enum).toEqual(["Green", "Amber", "Red", "M", "Data only"]);
  });
});
