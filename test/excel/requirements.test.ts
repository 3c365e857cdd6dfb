import { checkExcelRequirements, highestExcelApi } from "../../src/excel/requirements";

const host = (highest: number | null) => ({
  isSetSupported: (name: string, version = "1.1") => name === "ExcelApi" && highest !== null && Number(version.split(".")[1]) <= highest,
});

test("a host with ExcelApi 1.9 or later passes", () => {
  expect(checkExcelRequirements(host(9))).toEqual({ ok: true, highestSupported: "1.9", message: "" });
  expect(highestExcelApi(host(17))).toBe("1.17");
});

test("an older host gets the plain message with what it does support", () => {
  expect(checkExcelRequirements(host(8)).message).toBe(
    "Golden Thread needs ExcelApi 1.9: Microsoft 365 on Windows, Excel for Mac 16.24 or later, Excel 2021 or 2024, or Excel on the web. Excel 2016 and Excel 2019 do not have it. This copy of Excel supports up to ExcelApi 1.8.",
  );
  expect(checkExcelRequirements(host(null))).toMatchObject({ ok: false, highestSupported: null, message: expect.stringContaining("does not report any ExcelApi support") });
});
