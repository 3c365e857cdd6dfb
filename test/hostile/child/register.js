/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS: runs before any TypeScript can */
// Runs the TypeScript sources in a plain node child process (no build step): each .ts file is
// transpiled on require with TypeScript's transpileModule (no type check) and cached on disk by
// content, so the memory-limited CLI runs of the hostile corpus start in about a second.
const crypto = require("crypto");
const fs = require("fs");
const os = require("os");
const path = require("path");
const ts = require("typescript");

const cacheDir = path.join(os.tmpdir(), "gt-ts-cache");
fs.mkdirSync(cacheDir, { recursive: true });
const options = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true, jsx: ts.JsxEmit.ReactJSX, resolveJsonModule: true, sourceMap: false };

function compile(module, filename) {
  const source = fs.readFileSync(filename, "utf8");
  const key = crypto.createHash("sha1").update(filename).update(source).digest("hex");
  const cached = path.join(cacheDir, `${key}.js`);
  let js;
  try {
    js = fs.readFileSync(cached, "utf8");
  } catch {
    js = ts.transpileModule(source, { compilerOptions: options, fileName: filename }).outputText;
    fs.writeFileSync(cached, js);
  }
  module._compile(js, filename);
}

require.extensions[".ts"] = compile;
require.extensions[".tsx"] = compile;
