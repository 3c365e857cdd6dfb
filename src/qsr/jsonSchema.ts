// The JSON Schema of a return file, published as docs/qsr-return.schema.json for other systems
// (Power BI flows, the council's data warehouse). Generated from the zod model; a test keeps the
// published file up to date (QSR_WRITE_SCHEMA=1 npx jest test/qsr/jsonSchema rewrites it).
import { z } from "zod";
import { QSR_FORMAT_VERSION, qsrReturnSchema } from "./schema";

export const QSR_SCHEMA_FILE = "docs/qsr-return.schema.json";

export function qsrReturnJsonSchema(): Record<string, unknown> {
  // "input": what a file may hold (fields with defaults may be left out), which is what the collector accepts.
  const schema = z.toJSONSchema(qsrReturnSchema, { io: "input", target: "draft-2020-12" }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: `https://golden-thread.example/schemas/qsr-return-v${QSR_FORMAT_VERSION}.json`,
    title: `Golden Thread Quarterly Service Report return, format v${QSR_FORMAT_VERSION}`,
    description: "One plan, one quarter: header, actions with status, measures with RAG and direction of travel, and exceptions. See docs/qsr-format.md.",
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== "$schema")),
  };
}

export function qsrReturnJsonSchemaText(): string {
  return JSON.stringify(qsrReturnJsonSchema(), null, 2) + "\n";
}
