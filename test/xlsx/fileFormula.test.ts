import { toFileFormula } from "../../src/xlsx/fileFormula";

describe("formulas in file form", () => {
  test("drop the leading '=' and keep structured references as they are", () => {
    expect(toFileFormula('=IF(Actions[[#This Row],[Due date]]="","No due date","")')).toBe('IF(Actions[[#This Row],[Due date]]="","No due date","")');
  });

  test("prefix functions newer than Excel 2007 with _xlfn., once, and never inside text", () => {
    expect(toFileFormula('=IFS(A1>0,"IFS(",TRUE,MAXIFS(B:B,C:C,"x"))')).toBe('_xlfn.IFS(A1>0,"IFS(",TRUE,_xlfn.MAXIFS(B:B,C:C,"x"))');
    expect(toFileFormula("=_xlfn.IFS(A1,1)")).toBe("_xlfn.IFS(A1,1)");
    expect(toFileFormula("=MYIFS(A1)+T.IFS(A1)")).toBe("MYIFS(A1)+T.IFS(A1)");
    expect(toFileFormula("=EOMONTH(ReportingDate,0)")).toBe("EOMONTH(ReportingDate,0)");
  });
});
