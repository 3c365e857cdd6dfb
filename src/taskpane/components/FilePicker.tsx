// A file picker in Fluent's own look: a button that opens the browser's file dialog, and the names
// chosen. The native input stays (hidden from sight, not from the Field's label) so the label, tests
// and drag-and-drop-free hosts all still reach it; the button is what people see and tab to.
import * as React from "react";
import { Button, Text, tokens } from "@fluentui/react-components";

const HIDDEN: React.CSSProperties = { position: "absolute", width: 1, height: 1, overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap", margin: -1, padding: 0, border: 0 };

type InputProps = React.InputHTMLAttributes<HTMLInputElement>;

interface Props {
  /** What the Field passes its control: id, aria-labelledby, aria-describedby. */
  field: InputProps;
  accept: string;
  multiple?: boolean;
  onFiles(files: FileList | null): void;
}

export function FilePicker({ field, accept, multiple = false, onFiles }: Props): React.JSX.Element {
  const input = React.useRef<HTMLInputElement>(null);
  const [names, setNames] = React.useState<string[]>([]);
  return (
    <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 8, minWidth: 0 }}>
      <input
        {...field}
        ref={input}
        type="file"
        accept={accept}
        multiple={multiple}
        tabIndex={-1}
        style={HIDDEN}
        onChange={(e) => {
          setNames(Array.from(e.target.files ?? []).map((f) => f.name));
          onFiles(e.target.files);
        }}
      />
      <Button size="small" aria-describedby={field["aria-labelledby"]} onClick={() => input.current?.click()}>
        {multiple ? "Choose files…" : "Choose a file…"}
      </Button>
      <Text size={200} style={{ color: tokens.colorNeutralForeground2, overflowWrap: "anywhere", minWidth: 0 }}>
        {names.length === 0 ? "None chosen" : names.length === 1 ? names[0] : `${names.length} files: ${names.join(", ")}`}
      </Text>
    </div>
  );
}
