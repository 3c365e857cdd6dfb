// Runs a service-plan command in-process and captures what it prints and its exit code.
import { buildProgram } from "../../src/cli/main";

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(...args: string[]): Promise<RunResult> {
  const out: string[] = [];
  const err: string[] = [];
  const outSpy = jest.spyOn(process.stdout, "write").mockImplementation((s) => (out.push(String(s)), true));
  const errSpy = jest.spyOn(process.stderr, "write").mockImplementation((s) => (err.push(String(s)), true));
  process.exitCode = 0;
  try {
    await buildProgram()
      .exitOverride()
      .parseAsync(["node", "service-plan", ...args]);
  } finally {
    outSpy.mockRestore();
    errSpy.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { code, stdout: out.join(""), stderr: err.join("") };
}
