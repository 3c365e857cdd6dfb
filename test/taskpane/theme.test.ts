// Issue 10, item 8: the pane follows the Office theme in Excel, which raises no theme-changed event.
import { followOfficeTheme, isDarkBackground, ThemeEvents } from "../../src/taskpane/theme";

function fakeWindow(): ThemeEvents & { fire(type: string): void } {
  const listeners = new Map<string, Set<() => void>>();
  const on = (type: string, l: () => void) => (listeners.get(type) ?? listeners.set(type, new Set()).get(type)!).add(l);
  const off = (type: string, l: () => void) => listeners.get(type)?.delete(l);
  return {
    addEventListener: on,
    removeEventListener: off,
    matchMedia: () => ({ addEventListener: (_t, l) => on("media", l), removeEventListener: (_t, l) => off("media", l) }),
    fire: (type) => listeners.get(type)?.forEach((l) => l()),
  };
}

test("reads officeTheme at start and follows it when the pane comes back into view or the system theme changes", () => {
  let theme = { bodyBackgroundColor: "#FFFFFF" };
  const seen: boolean[] = [];
  const win = fakeWindow();
  const stop = followOfficeTheme(
    () => theme,
    (dark) => seen.push(dark),
    win,
  );
  expect(seen).toEqual([false]);
  theme = { bodyBackgroundColor: "#262626" }; // the user picked Black in File > Account
  win.fire("focus");
  win.fire("visibilitychange");
  expect(seen).toEqual([false, true]);
  theme = { bodyBackgroundColor: "#F3F3F3" };
  win.fire("media");
  expect(seen).toEqual([false, true, false]);
  stop();
  theme = { bodyBackgroundColor: "#000000" };
  win.fire("focus");
  expect(seen).toEqual([false, true, false]);
});

test("no officeTheme (an older host) means the light theme", () => {
  const seen: boolean[] = [];
  followOfficeTheme(
    () => undefined,
    (dark) => seen.push(dark),
    fakeWindow(),
  );
  expect(seen).toEqual([false]);
  expect(isDarkBackground("#1F1F1F")).toBe(true);
  expect(isDarkBackground("not a colour")).toBe(false);
});
