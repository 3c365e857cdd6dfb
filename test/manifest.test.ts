/** @jest-environment jsdom */
// Offline check of manifest.xml: well-formed, ids unique, every resid defined, one origin for every
// URL, every resource present in assets/ or produced by the build, and ReadWriteDocument only.
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require("../webpack.config.js") as {
  DEV_URL: string;
  PAGES: { file: string }[];
  manifestFor(xml: string, url: string): string;
  DEV_ID: string;
  PRODUCTION_ID: string;
  OUTPUT: string;
  MAPS: string;
  STATS_FILE: string;
  common(mode: string): { devtool: string };
  addinUrl(env: Record<string, string | undefined>): string;
};
const REQUIRED_EXCEL_API = "1.9";

function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  const error = doc.getElementsByTagName("parsererror")[0];
  if (error) throw new Error(`manifest.xml is not well-formed: ${error.textContent}`);
  return doc;
}

const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const all = (doc: Document) => Array.from(doc.getElementsByTagName("*"));
const byLocalName = (doc: Document, name: string) => all(doc).filter((e) => e.localName === name);

/** Every URL the manifest names (DefaultValue attributes and element text starting with https://). */
function urlsOf(doc: Document): string[] {
  return all(doc).flatMap((e) => {
    const found: string[] = [];
    const v = e.getAttribute("DefaultValue");
    if (v && /^https?:/.test(v)) found.push(v);
    if (e.children.length === 0 && /^https?:/.test((e.textContent ?? "").trim())) found.push(e.textContent!.trim());
    return found;
  });
}

describe("manifest.xml", () => {
  const doc = parse(xml);

  test("rejects XML that is not well-formed (the check itself works)", () => {
    expect(() => parse(xml.replace("</OfficeApp>", ""))).toThrow(/not well-formed/);
  });

  test("is a TaskPaneApp for workbooks that asks for ReadWriteDocument only", () => {
    expect(doc.documentElement.localName).toBe("OfficeApp");
    expect(doc.documentElement.getAttribute("xsi:type")).toBe("TaskPaneApp");
    expect(byLocalName(doc, "Permissions").map((e) => e.textContent)).toEqual(["ReadWriteDocument"]);
    const hosts = byLocalName(doc, "Host").map((e) => e.getAttribute("Name") ?? e.getAttribute("xsi:type"));
    expect(new Set(hosts)).toEqual(new Set(["Workbook"]));
  });

  test("declares the ExcelApi requirement set that src/excel/requirements.ts needs", () => {
    const sets = byLocalName(doc, "Set").map((e) => [e.getAttribute("Name"), e.getAttribute("MinVersion")]);
    expect(sets).toEqual([["ExcelApi", REQUIRED_EXCEL_API]]);
    // Keep the manifest and the runtime check in step when either moves.
    const requirements = fs.readFileSync(path.join(ROOT, "src/excel/requirements.ts"), "utf8");
    expect(requirements).toContain(`REQUIRED_EXCEL_API = "${REQUIRED_EXCEL_API}"`);
  });

  test("has a unique add-in id (a GUID) and unique element ids", () => {
    expect(byLocalName(doc, "Id")[0].textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    const ids = all(doc)
      .map((e) => e.getAttribute("id"))
      .filter((id): id is string => !!id);
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    // bt:Image ids are resources, referenced many times but defined once.
    expect(dupes).toEqual([]);
  });

  test("defines every resid it references, and references every resource it defines", () => {
    const resources = all(doc).filter((e) => e.parentElement && ["Images", "Urls", "ShortStrings", "LongStrings"].includes(e.parentElement.localName));
    const defined = new Set(resources.map((e) => e.getAttribute("id")));
    const referenced = new Set(
      all(doc)
        .map((e) => e.getAttribute("resid"))
        .filter((r): r is string => !!r),
    );
    const undefinedRefs = [...referenced].filter((r) => !defined.has(r));
    const unused = [...defined].filter((d) => d && !referenced.has(d));
    expect(undefinedRefs).toEqual([]);
    expect(unused).toEqual([]);
    // Short strings must fit the ribbon (Office limits them to 125 characters).
    for (const s of byLocalName(doc, "String").filter((e) => e.parentElement?.localName === "ShortStrings")) {
      expect((s.getAttribute("DefaultValue") ?? "").length).toBeLessThanOrEqual(125);
    }
  });

  test("every URL shares one https origin, which is an AppDomain", () => {
    const urls = urlsOf(doc);
    expect(urls.length).toBeGreaterThan(5);
    const origins = new Set(urls.map((u) => new URL(u).origin));
    expect([...origins]).toEqual([new URL(webpackConfig.DEV_URL).origin]);
    expect(urls.every((u) => u.startsWith("https://"))).toBe(true);
  });

  test("every resource it names exists in assets/ or is a page the build produces", () => {
    const pages = new Set(webpackConfig.PAGES.map((p) => p.file));
    const missing = urlsOf(doc)
      .map((u) => new URL(u).pathname.replace(/^\//, ""))
      .filter((p) => p !== "")
      .filter((p) => !(p.startsWith("assets/") ? fs.existsSync(path.join(ROOT, p)) : pages.has(p)));
    expect(missing).toEqual([]);
    for (const page of webpackConfig.PAGES as { file: string; template: string }[]) {
      expect([page.file, fs.existsSync(path.join(ROOT, page.template))]).toEqual([page.file, true]);
    }
  });

  test("icons are real PNGs of the sizes the manifest claims", () => {
    for (const size of [16, 32, 64, 80, 128]) {
      const png = fs.readFileSync(path.join(ROOT, `assets/icon-${size}.png`));
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
    const files: Record<string, string> = { Icon: "icon", Check: "check", Refresh: "refresh", Record: "record" };
    for (const img of byLocalName(doc, "Image").filter((e) => e.getAttribute("DefaultValue"))) {
      const [, kind, declared] = /^(\w+)\.(\d+)x\d+$/.exec(img.getAttribute("id") ?? "") ?? [];
      expect(img.getAttribute("DefaultValue")).toContain(`assets/${files[kind]}-${declared}.png`);
      const png = fs.readFileSync(path.join(ROOT, new URL(img.getAttribute("DefaultValue")!).pathname.replace(/^\//, "")));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(declared), Number(declared)]);
    }
  });

  test("the four ribbon buttons each have their own icon", () => {
    const iconsOf = (id: string) => {
      const control = byLocalName(doc, "Control").find((c) => c.getAttribute("id") === id)!;
      return byLocalName(doc, "Image")
        .filter((img) => control.contains(img))
        .map((img) => img.getAttribute("resid"));
    };
    const sets = ["GoldenThread.OpenPane", "GoldenThread.CheckPlan", "GoldenThread.RefreshStatuses", "GoldenThread.RecordQuarter"].map((id) => iconsOf(id));
    for (const set of sets) expect(set).toHaveLength(3);
    const images = sets.map((set) =>
      fs
        .readFileSync(
          path.join(
            ROOT,
            new URL(
              byLocalName(doc, "Image")
                .find((i) => i.getAttribute("id") === set[1])!
                .getAttribute("DefaultValue")!,
            ).pathname.replace(/^\//, ""),
          ),
        )
        .toString("base64"),
    );
    expect(new Set(images).size).toBe(4);
  });

  test("the ribbon has the Golden Thread group on the Home tab with its four buttons", () => {
    const tab = byLocalName(doc, "OfficeTab")[0];
    expect(tab.getAttribute("id")).toBe("TabHome");
    const controls = byLocalName(doc, "Control");
    const actions = controls.map((c) =>
      byLocalName(doc, "Action")
        .find((a) => c.contains(a))!
        .getAttribute("xsi:type"),
    );
    expect(actions).toEqual(["ShowTaskpane", "ExecuteFunction", "ExecuteFunction", "ExecuteFunction"]);
    const functions = byLocalName(doc, "FunctionName").map((e) => e.textContent);
    expect(functions).toEqual(["checkPlan", "refreshStatuses", "recordQuarter"]);
    // The function file must register exactly these names.
    const commands = fs.readFileSync(path.join(ROOT, "src/commands/commands.ts"), "utf8");
    for (const f of functions) expect(commands).toContain(`associate("${f}"`);
  });

  test("the production manifest swaps every URL to ADDIN_URL and stays consistent", () => {
    const url = webpackConfig.addinUrl({ ADDIN_URL: "https://plans.example.gov.uk/golden-thread" });
    expect(url).toBe("https://plans.example.gov.uk/golden-thread/");
    const prod = parse(webpackConfig.manifestFor(xml, url));
    const urls = urlsOf(prod);
    expect(new Set(urls.map((u) => new URL(u).origin))).toEqual(new Set(["https://plans.example.gov.uk"]));
    expect(urls).toContain("https://plans.example.gov.uk/golden-thread/taskpane.html");
    expect(byLocalName(prod, "AppDomain").map((e) => e.textContent)).toEqual(["https://plans.example.gov.uk"]);
    expect(webpackConfig.manifestFor(xml, url)).not.toContain("localhost");
  });

  test("development and production manifests have different add-in IDs, so both can be installed at once", () => {
    const prod = parse(webpackConfig.manifestFor(xml, "https://plans.example.gov.uk/golden-thread/"));
    expect(byLocalName(doc, "Id")[0].textContent).toBe(webpackConfig.DEV_ID);
    expect(byLocalName(prod, "Id")[0].textContent).toBe(webpackConfig.PRODUCTION_ID);
    expect(webpackConfig.PRODUCTION_ID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(webpackConfig.PRODUCTION_ID).not.toBe(webpackConfig.DEV_ID);
  });

  test("ADDIN_URL must be an https URL", () => {
    expect(() => webpackConfig.addinUrl({ ADDIN_URL: "http://plans.example.gov.uk/" })).toThrow(/must use https/);
    expect(() => webpackConfig.addinUrl({ ADDIN_URL: "not a url" })).toThrow(/is not a URL/);
    expect(webpackConfig.addinUrl({})).toBe("https://localhost:3000/");
  });
});

describe("the build output", () => {
  test("dist/addin/ holds only what is served: source maps and build stats are written beside it, and scripts do not point at maps", () => {
    const inside = (file: string) => !path.relative(webpackConfig.OUTPUT, file).startsWith("..");
    expect(inside(webpackConfig.MAPS)).toBe(false);
    expect(inside(webpackConfig.STATS_FILE)).toBe(false);
    expect(webpackConfig.common("production").devtool).toBe("hidden-source-map");
  });

  test("the help page says what the add-in does, how to get started and where to get support, with icons that exist", () => {
    const help = fs.readFileSync(path.join(ROOT, "src/taskpane/help.html"), "utf8");
    const headings = [...help.matchAll(/<h2>([^<]+)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual(["What it does", "Getting started", "Where to get support"]);
    for (const [, src] of help.matchAll(/<img src="([^"]+)"/g)) expect(fs.existsSync(path.join(ROOT, src))).toBe(true);
    expect(help).toMatch(/Check plan/);
    expect(help).toMatch(/Refresh statuses/);
  });
});
