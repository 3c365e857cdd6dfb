// The pane follows the Office theme: a dark body background means the dark Fluent theme.

/** True when an Office theme colour (#RRGGBB) is dark enough to need light text. */
export function isDarkBackground(hex: string | undefined): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? "");
  if (!m) return false;
  const [r, g, b] = m.slice(1).map((h) => parseInt(h, 16) / 255);
  // Relative luminance (WCAG): below the midpoint between black and white text.
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b) < 0.18;
}
