// `npm run validate` offline: manifest.xml and the production manifest the build makes validate
// against Microsoft's add-in manifest schemas (schemas/addin-manifest), and a broken one is named.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateManifests } = require("../../scripts/validateManifests.js") as {
  validateManifests(options?: { built?: string }): { checked: string[]; problems: string[] };
};

const hasXmllint = spawnSync("xmllint", ["--version"]).status === 0;
if (!hasXmllint && process.env.CI !== "true") console.warn("SKIPPED test/schemas/manifest.test.ts: `xmllint` is not on PATH (install Debian's libxml2-utils)");
const testIf = hasXmllint || process.env.CI === "true" ? test : test.skip;

testIf("manifest.xml and the production manifest validate against the add-in manifest schemas, offline", () => {
  const result = validateManifests({ built: path.join(os.tmpdir(), "no-such-build", "manifest.xml") });
  expect(result.problems).toEqual([]);
  expect(result.checked).toEqual(["manifest.xml", "the production manifest for https://plans.example.gov.uk/golden-thread/"]);
});

testIf("a built manifest that breaks the schema is reported by name with what is wrong", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gt-bad-manifest-"));
  const built = path.join(dir, "manifest.xml");
  const good = fs.readFileSync(path.join(__dirname, "..", "..", "manifest.xml"), "utf8");
  // DisplayName before Version: the schema fixes the order of OfficeApp's children.
  fs.writeFileSync(built, good.replace(/(<Version>[^<]*<\/Version>)([\s\S]*?)(<DisplayName[^>]*\/>)/, "$3$2$1"));
  try {
    const result = validateManifests({ built });
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems.every((p) => p.startsWith(`${path.relative(path.join(__dirname, "..", ".."), built)}:`))).toBe(true);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
