// Every status is shown as its words and a colour together (never colour alone), in pairs that
// keep at least 4.5:1 contrast between the words and their background.

export interface StatusColour {
  background: string;
  foreground: string;
}

const GREEN: StatusColour = { background: "#C6EFCE", foreground: "#0B5E1A" };
const AMBER: StatusColour = { background: "#FFE7A3", foreground: "#6B4500" };
const RED: StatusColour = { background: "#FFC7CE", foreground: "#8B0010" };
const GREY: StatusColour = { background: "#E6E6E6", foreground: "#333333" };
const BLUE: StatusColour = { background: "#D6E6F7", foreground: "#0F3F70" };

const BY_LABEL: Record<string, StatusColour> = {
  // RAG (src/status/rag.ts)
  green: GREEN,
  amber: AMBER,
  red: RED,
  // Direction of travel
  improving: GREEN,
  maintained: BLUE,
  declining: RED,
  // Action status (src/status/actionStatus.ts)
  delivered: GREEN,
  "on target": GREEN,
  "scheduled for future quarters": BLUE,
  "no due date": AMBER,
  "slipped (less than 3 months)": AMBER,
  "slipped (more than 3 months)": RED,
  "no longer viable": GREY,
  // Check findings and thread states
  error: RED,
  warning: AMBER,
  info: BLUE,
  "broken link": RED,
  "nothing serves this": AMBER,
};

/** Colour for a status label from any of the status families; unknown labels ("M", "Data only") are neutral. */
export function statusColour(label: string): StatusColour {
  return BY_LABEL[label.trim().toLowerCase()] ?? GREY;
}
