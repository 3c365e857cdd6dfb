// docs/check-settings.md is the BI team's guide to the framework's `checks` block: it names every
// setting, every word list and every rule, so a new one cannot ship undocumented.
import * as fs from "fs";
import * as path from "path";
import { ALL_RULES } from "../../src/rules/index";
import { checkSettingsSchema, WORD_LIST_KEYS } from "../../src/rules/settings";

const doc = fs.readFileSync(path.join(__dirname, "../../docs/check-settings.md"), "utf8");
/** The cells of each table row whose first cell is `key` (tables may be padded for reading). */
const rows = (key: string) =>
  doc
    .split("\n")
    .map((l) => l.split("|").map((c) => c.trim()))
    .filter((cells) => cells[1] === `\`${key}\``);

test.each(Object.keys(checkSettingsSchema.shape).filter((k) => k !== "allowRoles"))("setting %s is documented once", (key) => {
  expect(rows(key)).toHaveLength(1);
});

test.each(ALL_RULES.map((r) => [r.id, r] as const))("rule %s is documented with its criterion and severity", (id, rule) => {
  const [row] = rows(id);
  expect(row).toBeDefined();
  expect(row.slice(2, 4)).toEqual([rule.criterion, rule.severity]);
});

test("word lists are a subset of the settings", () => {
  for (const k of WORD_LIST_KEYS) expect(rows(k)).toHaveLength(1);
});

test("the documented example is a valid checks block", () => {
  const example = /```json\n"checks": (\{[\s\S]*?\n\})\n```/.exec(doc)?.[1];
  expect(example).toBeDefined();
  expect(checkSettingsSchema.safeParse(JSON.parse(example!)).success).toBe(true);
});
