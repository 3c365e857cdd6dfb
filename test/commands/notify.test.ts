// Issue 10, item 7: a ribbon command's notice does not hold the command open, and a dialog that
// cannot open (Office errors 12007, 12009, 12011) becomes a sentence for the user.
import { dialogProblem, DialogUi, showNotice, UNSHOWN_NOTICE_KEY } from "../../src/commands/notify";

const notice = { title: "Check plan: 3 findings", message: "1 error, 2 warnings." };

interface FakeDialog {
  closed: boolean;
  handlers: Map<string, () => void>;
  close(): void;
  addEventHandler(type: string, handler: () => void): void;
}

function fakeUi(failures: (number | null)[]): DialogUi & { opened: FakeDialog[]; calls: number } {
  const ui = {
    opened: [] as FakeDialog[],
    calls: 0,
    displayDialogAsync(_url: string, _options: unknown, callback: (r: unknown) => void) {
      const code = failures[ui.calls++] ?? null;
      if (code !== null) return callback({ status: "failed", error: { code, message: `error ${code}` } });
      const dialog: FakeDialog = { closed: false, handlers: new Map(), close: () => void (dialog.closed = true), addEventHandler: (type, handler) => void dialog.handlers.set(type, handler) };
      ui.opened.push(dialog);
      callback({ status: "succeeded", value: dialog });
    },
  };
  return ui as never;
}

const store = new Map<string, string>();
beforeAll(() => {
  Object.assign(globalThis, {
    Office: { AsyncResultStatus: { Failed: "failed", Succeeded: "succeeded" }, EventType: { DialogMessageReceived: "message", DialogEventReceived: "event" } },
    localStorage: { setItem: (k: string, v: string) => store.set(k, v), getItem: (k: string) => store.get(k) ?? null },
  });
  jest.spyOn(console, "error").mockImplementation(() => undefined);
});

test("the command is free to complete while the notice is still open; the notice closes itself when the user closes it", async () => {
  const ui = fakeUi([null]);
  await expect(showNotice(notice, ui, "https://plans.example.gov.uk/golden-thread/commands.html")).resolves.toBeNull();
  const [dialog] = ui.opened;
  expect(dialog.closed).toBe(false);
  dialog.handlers.get("message")?.();
  expect(dialog.closed).toBe(true);
});

test("our own notice still open (12007) is closed and the new one shown", async () => {
  const first = fakeUi([null]);
  await showNotice(notice, first, "https://x.example/");
  const ui = fakeUi([12007, null]);
  await expect(showNotice(notice, ui, "https://x.example/")).resolves.toBeNull();
  expect(first.opened[0].closed).toBe(true);
  expect(ui.opened).toHaveLength(1);
});

test.each([
  [12009, "the notice window was declined or blocked"],
  [12011, "your browser's settings block the notice window"],
  [12004, "(Office error 12004)"],
])("a dialog that cannot open (%i) is said in words and kept for the pane", async (code, words) => {
  const ui = fakeUi([code, code]);
  const said = await showNotice(notice, ui, "https://x.example/");
  expect(said).toContain('Golden Thread could not show "Check plan: 3 findings"');
  expect(said).toContain(words);
  expect(JSON.parse(store.get(UNSHOWN_NOTICE_KEY) ?? "{}")).toMatchObject({ ...notice, problem: said });
});

test("12007 with no notice of ours open tells the user to close the other one", () => {
  expect(dialogProblem(12007, notice)).toBe('Golden Thread could not show "Check plan: 3 findings": another Golden Thread notice is still open. Close it and run the command again.');
});
