// How the checker is put together: rules register themselves, word lists are declared once, and the
// modules of src/rules import one another without cycles.
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { ACTION_RULES, ALL_RULES, MEASURE_RULES, PLAN_RULES, RULE_IDS } from "../../src/rules/index";
import { checkSettingsSchema, compileSettings, DEFAULT_CHECK_SETTINGS, WORD_LIST_KEYS, WORD_LISTS, wordsKey } from "../../src/rules/settings";

const RULES_DIR = path.join(__dirname, "../../src/rules");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));
}

/** Relative imports of each file (type-only imports too: a cycle of types still ties the modules together). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(RULES_DIR)) {
    const text = fs.readFileSync(file, "utf8");
    const targets: string[] = [];
    for (const m of text.matchAll(/^(?:import|export)[^;]*?from\s+"(\.[^"]+)"|^import\s+"(\.[^"]+)"/gm)) {
      const resolved = path.resolve(path.dirname(file), (m[1] ?? m[2]) + ".ts");
      if (resolved.startsWith(RULES_DIR)) targets.push(resolved);
    }
    graph.set(file, targets);
  }
  return graph;
}

function findCycle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (f: string): string[] | null => {
    if (state.get(f) === "done") return null;
    if (state.get(f) === "open") return [...stack.slice(stack.indexOf(f)), f];
    state.set(f, "open");
    stack.push(f);
    for (const t of graph.get(f) ?? []) {
      const cycle = visit(t);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(f, "done");
    return null;
  };
  for (const f of graph.keys()) {
    const cycle = visit(f);
    if (cycle) return cycle.map((c) => path.relative(RULES_DIR, c));
  }
  return null;
}

test("src/rules has no import cycle", () => {
  expect(findCycle(importGraph())).toBeNull();
});

test("the cycle finder finds a cycle when there is one", () => {
  const g = new Map(
    [
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
      ["d", []],
    ].map(([k, v]) => [path.join(RULES_DIR, k as string), (v as string[]).map((x) => path.join(RULES_DIR, x))]),
  );
  expect(findCycle(g)).toEqual(["a", "b", "c", "a"]);
});

test("every rule file under a criterion folder registers exactly one rule, listed once in index.ts", () => {
  const index = fs.readFileSync(path.join(RULES_DIR, "index.ts"), "utf8");
  const registering = sourceFiles(RULES_DIR).filter((f) => /^defineRule</m.test(fs.readFileSync(f, "utf8")));
  for (const f of registering) {
    const rel = "./" + path.relative(RULES_DIR, f).replace(/\\/g, "/").replace(/\.ts$/, "");
    expect(index.split("\n").filter((l) => l === `import "${rel}";`)).toHaveLength(1);
  }
  expect(ALL_RULES).toHaveLength(registering.length);
  expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
});

test("no rule file imports another (so rules register in index.ts order); shared helpers live in text/, rows.ts and the like", () => {
  const graph = importGraph();
  const ruleFiles = new Set([...graph.keys()].filter((f) => /^defineRule</m.test(fs.readFileSync(f, "utf8"))));
  const offenders = [...ruleFiles].flatMap((f) => (graph.get(f) ?? []).filter((t) => ruleFiles.has(t)).map((t) => `${path.relative(RULES_DIR, f)} -> ${path.relative(RULES_DIR, t)}`));
  expect(offenders).toEqual([]);
  // ...and so the rules are listed in the order index.ts imports them.
  const order = [...fs.readFileSync(path.join(RULES_DIR, "index.ts"), "utf8").matchAll(/^import "(\.\/[^"]+)";$/gm)].map(
    (m) => /\bid: "([^"]+)"/.exec(fs.readFileSync(path.join(RULES_DIR, `${m[1]}.ts`), "utf8"))?.[1],
  );
  // (unserved-action spreads its id from coverage.ts, so its place is taken on trust.)
  expect(RULE_IDS.filter((_id, i) => order[i] !== undefined)).toEqual(order.filter((id) => id !== undefined));
  expect(order.filter((id) => id === undefined)).toHaveLength(1);
});

test("the action, measure and plan lists are the one list of all rules, split by scope", () => {
  const byScope = (scope: string) => ALL_RULES.filter((r) => r.scope === scope);
  expect(ACTION_RULES).toEqual(byScope("action"));
  expect(MEASURE_RULES).toEqual(byScope("measure"));
  expect(PLAN_RULES).toEqual(byScope("plan"));
});

test("each word list declared once gives a setting, a compiled list and a part of the cache key", () => {
  const schemaKeys = Object.keys(checkSettingsSchema.shape);
  const compiled = compileSettings(DEFAULT_CHECK_SETTINGS);
  for (const k of WORD_LIST_KEYS) {
    expect(schemaKeys).toContain(k);
    expect(DEFAULT_CHECK_SETTINGS[k]).toEqual([]);
    expect(compiled.words[k]).toBeDefined();
  }
  expect(Object.keys(compiled.words).sort()).toEqual([...WORD_LIST_KEYS].sort());
  expect(Object.keys(WORD_LISTS).sort()).toEqual([...WORD_LIST_KEYS].sort());
});

test("a word added to any list changes the cache key and the compiled list", () => {
  fc.assert(
    fc.property(fc.constantFrom(...WORD_LIST_KEYS), fc.stringMatching(/^[a-z]{3,10}$/), (key, word) => {
      const extra = checkSettingsSchema.parse({ [key]: [`zq${word}`] });
      if (wordsKey(extra) === wordsKey(DEFAULT_CHECK_SETTINGS)) return false;
      const before = compileSettings(DEFAULT_CHECK_SETTINGS).words[key];
      const after = compileSettings(extra).words[key];
      return after !== before;
    }),
    { numRuns: 60 },
  );
});
