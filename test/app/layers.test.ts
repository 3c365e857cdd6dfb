// The layers hold: the use cases (src/app) reach no face and no host (React, commander, fs, office.js),
// and the faces reach the domain only through them for the use cases they share.
import * as fs from "fs";
import * as path from "path";

const src = path.join(__dirname, "../../src");

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
}

/** Every module a file imports (static and dynamic), as written. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  return [...text.matchAll(/(?:from|import)\s*\(?\s*(?:\/\*[^*]*\*\/\s*)?"([^"]+)"/g)].map((m) => m[1]);
}

test("src/app imports no React, commander, fs, path, os or office.js, and no face (taskpane, commands, cli) or host adapter (excel)", () => {
  const banned = /^(react|react-dom|commander|fs|path|os|node:.*|@fluentui\/.*|office-js)$|\/(taskpane|commands|cli|excel)\//;
  const offences = sources(path.join(src, "app")).flatMap((f) =>
    importsOf(f)
      .filter((m) => banned.test(m))
      .map((m) => `${path.relative(src, f)} imports ${m}`),
  );
  expect(offences).toEqual([]);
  // The check above must see real imports, or it proves nothing.
  expect(importsOf(path.join(src, "app", "check.ts"))).toContain("../rules/engine");
});

test("no use case uses office.js globals (Excel.run, Office.context)", () => {
  const offences = sources(path.join(src, "app")).filter((f) => /\b(Excel\.run|Office\.context)\b/.test(fs.readFileSync(f, "utf8")));
  expect(offences).toEqual([]);
});

test("the pane's services and the ribbon run no checks, statuses or conversions of their own", () => {
  const own = /\.\.\/(rules\/engine|rules\/smartSummary|convert\/convert|status\/(rag|direction|actionStatus)|qsr\/buildReturn|qsr\/collect)$/;
  expect(own.test("../rules/engine")).toBe(true);
  const faces = [path.join(src, "taskpane", "services.ts"), path.join(src, "commands", "ribbon.ts")];
  const offences = faces.flatMap((f) =>
    importsOf(f)
      .filter((m) => own.test(m))
      .map((m) => `${path.relative(src, f)} imports ${m}`),
  );
  expect(offences).toEqual([]);
});
