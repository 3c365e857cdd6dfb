// Files that are not files, and outputs that must not be written: the safe reader and writer
// (src/files) on real special files made in a temporary folder.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { checkInputFile, FileRejected, readInputFile } from "../../src/files/safeRead";
import { checkOutputPath, writeOutputFile } from "../../src/files/safeWrite";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "gt-hostile-files-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const at = (name: string) => path.join(dir, name);

function refusal(fn: () => unknown): FileRejected {
  try {
    fn();
  } catch (e) {
    if (e instanceof FileRejected) return e;
    throw e;
  }
  throw new Error("not refused");
}

describe("the safe reader", () => {
  it("reads an ordinary file within the limit, and refuses one past it by its size", () => {
    fs.writeFileSync(at("ok.json"), "{}");
    expect(readInputFile(at("ok.json"), 10).toString()).toBe("{}");
    fs.writeFileSync(at("big.json"), "x".repeat(11));
    expect(refusal(() => readInputFile(at("big.json"), 10)).message).toBe(`${at("big.json")}: the file is 11 bytes (limit 10 bytes)`);
  });

  it("a named pipe is refused before it is opened (no hang)", () => {
    execFileSync("mkfifo", [at("pipe.xlsx")]);
    expect(refusal(() => readInputFile(at("pipe.xlsx"), 1024)).reason).toBe("a named pipe, not a file");
  });

  it("a link to /dev/zero is refused as a device (no memory exhausted)", () => {
    fs.symlinkSync("/dev/zero", at("zero.xlsx"));
    expect(refusal(() => readInputFile(at("zero.xlsx"), 1024)).reason).toBe("a device, not a file");
  });

  it("a dangling link, a link loop and a folder each get their own reason", () => {
    fs.symlinkSync(at("gone.xlsx"), at("dangling.xlsx"));
    fs.symlinkSync(at("loop-b.xlsx"), at("loop-a.xlsx"));
    fs.symlinkSync(at("loop-a.xlsx"), at("loop-b.xlsx"));
    fs.mkdirSync(at("folder.xlsx"));
    expect(refusal(() => readInputFile(at("dangling.xlsx"), 1024)).reason).toBe("a link to a file that does not exist (a dangling link)");
    expect(refusal(() => readInputFile(at("loop-a.xlsx"), 1024)).reason).toBe("a link that loops back on itself (a link loop)");
    expect(refusal(() => readInputFile(at("folder.xlsx"), 1024)).reason).toBe("a folder, not a file");
    expect(refusal(() => readInputFile(at("missing.xlsx"), 1024)).reason).toBe("file not found");
  });

  (process.getuid?.() === 0 ? it.skip : it)("an unreadable file is refused with its reason", () => {
    fs.writeFileSync(at("secret.xlsx"), "x");
    fs.chmodSync(at("secret.xlsx"), 0);
    expect(refusal(() => readInputFile(at("secret.xlsx"), 1024)).reason).toBe("cannot be read (permission denied)");
  });

  it("the label names the file as the caller wants it named", () => {
    expect(refusal(() => checkInputFile(at("missing.csv"), 1, "missing.csv")).message).toBe("missing.csv: file not found");
  });
});

describe("the safe writer: one rule for every command", () => {
  it("refuses an existing file without force, replaces it with force", () => {
    fs.writeFileSync(at("rollup.xlsx"), "last quarter");
    expect(refusal(() => writeOutputFile(at("rollup.xlsx"), "new", { inputs: [] })).reason).toMatch(/already exists; add --force/);
    expect(fs.readFileSync(at("rollup.xlsx"), "utf8")).toBe("last quarter");
    writeOutputFile(at("rollup.xlsx"), "new", { inputs: [], force: true });
    expect(fs.readFileSync(at("rollup.xlsx"), "utf8")).toBe("new");
  });

  it("never writes an input, whatever path names it: the same path, ../ tricks, a symlink, a hard link, even with force", () => {
    const input = at("R.xlsx");
    fs.writeFileSync(input, "the return");
    fs.symlinkSync(input, at("link-to-R.xlsx"));
    fs.linkSync(input, at("hard-R.xlsx"));
    fs.mkdirSync(at("sub"), { recursive: true });
    for (const out of [input, path.join(dir, "sub", "..", "R.xlsx"), at("link-to-R.xlsx"), at("hard-R.xlsx")]) {
      expect(refusal(() => writeOutputFile(out, "overwritten", { inputs: [input], force: true })).reason).toMatch(/one of the files being read/);
    }
    // And the other way round: the input named through a link, the output by its real path.
    expect(refusal(() => checkOutputPath(input, { inputs: [at("link-to-R.xlsx")], force: true })).reason).toMatch(/one of the files being read/);
    expect(fs.readFileSync(input, "utf8")).toBe("the return");
  });

  it("a full disk names the file and leaves the old file and no temporary file behind", () => {
    fs.writeFileSync(at("plan.xlsx"), "good plan");
    const full = Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
    const e = refusal(() =>
      writeOutputFile(
        at("plan.xlsx"),
        "half",
        { inputs: [], force: true, label: "plan.xlsx" },
        {
          writeFile: (file) => {
            fs.writeFileSync(file, "ha");
            throw full;
          },
        },
      ),
    );
    expect(e.message).toBe("plan.xlsx: could not be written: the disk is full (nothing was changed)");
    expect(fs.readFileSync(at("plan.xlsx"), "utf8")).toBe("good plan");
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("refuses to write over a folder, a pipe or through a dangling link", () => {
    execFileSync("mkfifo", [at("out-pipe.xlsx")]);
    fs.symlinkSync(at("nowhere/x.xlsx"), at("dangling-out.xlsx"));
    expect(refusal(() => writeOutputFile(at("sub"), "x", { inputs: [], force: true })).reason).toMatch(/a folder, not a file: cannot be written/);
    expect(refusal(() => writeOutputFile(at("out-pipe.xlsx"), "x", { inputs: [], force: true })).reason).toMatch(/a named pipe/);
    expect(refusal(() => writeOutputFile(at("dangling-out.xlsx"), "x", { inputs: [] })).reason).toMatch(/dangling link/);
  });

  it("creates a missing folder and writes the whole file", () => {
    writeOutputFile(at("new/deeper/out.csv"), "a,b\r\n", { inputs: [] });
    expect(fs.readFileSync(at("new/deeper/out.csv"), "utf8")).toBe("a,b\r\n");
  });
});
