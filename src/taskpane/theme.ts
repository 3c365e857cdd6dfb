// The pane follows the Office theme: a dark body background means the dark Fluent theme.
// Excel gives add-ins no theme-changed event (Office.EventType.OfficeThemeChanged is raised in
// Outlook and PowerPoint only), so the pane reads Office.context.officeTheme at start and again
// whenever it comes back into view or the system's light/dark setting changes, which is when a
// user's new theme can show.

/** True when an Office theme colour (#RRGGBB) is dark enough to need light text. */
export function isDarkBackground(hex: string | undefined): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? "");
  if (!m) return false;
  const [r, g, b] = m.slice(1).map((h) => parseInt(h, 16) / 255);
  // Relative luminance (WCAG): below the midpoint between black and white text.
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b) < 0.18;
}

/** The part of Office.context.officeTheme the pane reads. */
export interface OfficeThemeColours {
  bodyBackgroundColor?: string;
}

/** The events the pane listens to (the window, in the add-in). */
export interface ThemeEvents {
  addEventListener(type: "focus" | "visibilitychange", listener: () => void): void;
  removeEventListener(type: "focus" | "visibilitychange", listener: () => void): void;
  matchMedia?(query: string): { addEventListener?(type: "change", listener: () => void): void; removeEventListener?(type: "change", listener: () => void): void };
}

/**
 * Calls `apply(dark)` now with the Office theme, and again each time it may have changed and did.
 * Returns a function that stops following.
 */
export function followOfficeTheme(read: () => OfficeThemeColours | undefined, apply: (dark: boolean) => void, events: ThemeEvents): () => void {
  let dark = isDarkBackground(read()?.bodyBackgroundColor);
  apply(dark);
  const check = () => {
    const now = isDarkBackground(read()?.bodyBackgroundColor);
    if (now === dark) return;
    dark = now;
    apply(dark);
  };
  events.addEventListener("focus", check);
  events.addEventListener("visibilitychange", check);
  const media = events.matchMedia?.("(prefers-color-scheme: dark)");
  media?.addEventListener?.("change", check);
  return () => {
    events.removeEventListener("focus", check);
    events.removeEventListener("visibilitychange", check);
    media?.removeEventListener?.("change", check);
  };
}
