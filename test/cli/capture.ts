// Captures what a command prints, and resets process.exitCode, around each test of the calling file.
interface Captured {
  out: string[];
  err: string[];
}

export function captureOutput(): Captured {
  const captured: Captured = { out: [], err: [] };
  beforeEach(() => {
    captured.out.length = 0;
    captured.err.length = 0;
    jest.spyOn(process.stdout, "write").mockImplementation((s) => (captured.out.push(String(s)), true));
    jest.spyOn(process.stderr, "write").mockImplementation((s) => (captured.err.push(String(s)), true));
    process.exitCode = undefined;
  });
  afterEach(() => {
    jest.restoreAllMocks();
    process.exitCode = undefined;
  });
  return captured;
}
