// A framework is a JSON file the BI team edits by hand: a wrong one is named by file and by field, in plain words.
import * as fs from "fs";
import * as path from "path";
import { fieldInWords, parseFramework } from "../../src/model/framework";

const sefton = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "examples", "sefton-framework.json"), "utf8"));
const errorFor = (framework: unknown): string => {
  try {
    parseFramework(JSON.stringify(framework), "wirral.json");
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("the framework was accepted");
};

test("the example framework is accepted", () => {
  expect(parseFramework(JSON.stringify(sefton), "sefton.json").council).toBe("Sefton Council");
});

test.each<[string, unknown, string]>([
  ["an empty priority title", { ...sefton, priorities: [sefton.priorities[0], sefton.priorities[1], { ...sefton.priorities[2], title: " " }] }, "priority 3's title is empty"],
  ["a priority with no ID", { ...sefton, priorities: [{ title: "Thriving places" }] }, "priority 1's ID is missing"],
  ["no priorities", { ...sefton, priorities: [] }, "the list of priorities needs at least one entry"],
  ["a plan year written with a dash", { ...sefton, planYear: "2024-25" }, 'the plan year should be written like 2024/25 (found "2024-25")'],
  ["no council", { ...sefton, council: undefined }, "the council's name is missing"],
  ["a tolerance as text", { ...sefton, tolerances: { greenWithin: 0, amberWithin: "5%" } }, 'the Amber within % tolerance should be a number (found "5%")'],
  ["a negative tolerance", { ...sefton, tolerances: { greenWithin: -1, amberWithin: 5 } }, "the Green within % tolerance should be at least 0 (found -1)"],
  ["slippage months too many", { ...sefton, slippageMonths: 36 }, "the slippage months should be at most 24 (found 36)"],
  ["slippage months not whole", { ...sefton, slippageMonths: 2.5 }, "the slippage months should be a whole number (found 2.5)"],
  ["a service that is not text", { ...sefton, directorates: [{ id: "ASC", name: "Adult Social Care", services: ["Reablement", 7] }] }, "directorate 1's service 2 should be text (found 7)"],
  ["priorities as one object", { ...sefton, priorities: { id: "CP1", title: "x" } }, "the list of priorities should be a list (found a group of fields)"],
  ["a list, not an object", [sefton], "the file should hold one JSON object, { ... }, with the council, plan year and priorities (found a list)"],
])("%s: named by file and field", (_case, framework, words) => {
  const message = errorFor(framework);
  expect(message).toMatch(/^wirral\.json: the framework needs fixing: /);
  expect(message).toContain(words);
  // No zod paths or zod wording reach people.
  expect(message).not.toMatch(/priorities\.\d|Invalid input|Too small|expected string/);
});

test("many wrong fields: the first six, and how many more", () => {
  const message = errorFor({ priorities: [{}, {}, {}, {}] });
  expect(message).toMatch(/; and \d+ more\.$/);
  expect(message.split("; ")).toHaveLength(7);
});

test("fieldInWords names nested fields", () => {
  expect(fieldInWords(["priorities", 2, "title"])).toBe("priority 3's title");
  expect(fieldInWords(["transformationProgrammes", 0, "id"])).toBe("transformation programme 1's ID");
  expect(fieldInWords(["tolerances", "greenWithin"])).toBe("the Green within % tolerance");
  expect(fieldInWords([])).toBe("the file");
});
