// Everything wrong with a CSV file, in one error: the BI team fixes a file in one pass, not one
// cell per run. Each problem names the file, the row (line number) and the column header.

export interface CsvProblem {
  file: string;
  /** 1-based line number in the file (the header is line 1). */
  row?: number;
  /** The column header as written in the file. */
  column?: string;
  message: string;
}

export const MAX_PROBLEMS = 20;

function describeProblem(p: CsvProblem): string {
  const where = p.row === undefined ? p.file : p.column === undefined ? `${p.file} row ${p.row}` : `${p.file} row ${p.row}, column ${p.column}`;
  return `${where}: ${p.message}`;
}

export class CsvError extends Error {
  /** The first MAX_PROBLEMS problems. */
  readonly problems: CsvProblem[];

  constructor(problems: CsvProblem[]) {
    const shown = problems.slice(0, MAX_PROBLEMS);
    const more = problems.length - shown.length;
    super([...shown.map(describeProblem), ...(more > 0 ? [`${problems[0].file}: and ${more} more problem${more === 1 ? "" : "s"}`] : [])].join("\n"));
    this.name = "CsvError";
    this.problems = shown;
  }
}
