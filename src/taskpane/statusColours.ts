// Every status is shown as its words and a colour together (never colour alone), in pairs that
// keep at least 4.5:1 contrast between the words and their background.

import { ACTION_STATUS_COLOURS, DIRECTION_COLOURS, PALETTE, RAG_COLOURS } from "../workbook/statusPalette";

export interface StatusColour {
  background: string;
  foreground: string;
}

// One palette for the workbook, the pane and the reports (src/workbook/statusPalette.ts).
const pane = (c: { fill: string; font: string }): StatusColour => ({ background: `#${c.fill}`, foreground: `#${c.font}` });
const GREY = pane(PALETTE.none);

const BY_LABEL: Record<string, StatusColour> = {
  ...Object.fromEntries([...Object.entries(RAG_COLOURS), ...Object.entries(DIRECTION_COLOURS), ...Object.entries(ACTION_STATUS_COLOURS)].map(([label, c]) => [label.toLowerCase(), pane(c)])),
  // Check findings and thread states
  error: pane(PALETTE.bad),
  warning: pane(PALETTE.warning),
  info: pane(PALETTE.information),
  "broken link": pane(PALETTE.bad),
  "nothing serves this": pane(PALETTE.warning),
};

/** Colour for a status label from any of the status families; unknown labels ("M", "Data only") are neutral. */
export function statusColour(label: string): StatusColour {
  return BY_LABEL[label.trim().toLowerCase()] ?? GREY;
}
