import { describe, expect, it } from "vitest";
import { formBody, isoDate, readChecked, readDateParts, readString, readStrings } from "./form-page.ts";

describe("form body readers", () => {
  it("treat anything but an object as an empty body", () => {
    for (const body of [undefined, null, "text", 42, ["a"], true]) expect(formBody(body)).toEqual({});
    expect(formBody({ a: "1" })).toEqual({ a: "1" });
  });

  it("read one text field as sent, whatever its shape", () => {
    const body = formBody({ name: " Erika ", twice: ["first", "second"], odd: { a: 1 }, none: [1, 2], n: 5 });
    expect(readString(body, "name")).toBe(" Erika ");
    expect(readString(body, "twice")).toBe("first");
    expect(readString(body, "odd")).toBe("");
    expect(readString(body, "none")).toBe("");
    expect(readString(body, "n")).toBe("");
    expect(readString(body, "missing")).toBe("");
    expect(readString(body, "__proto__")).toBe("");
    expect(readString(body, "toString")).toBe("");
  });

  it("read repeated fields and checkboxes", () => {
    const body = formBody({ topics: ["a", "b", 3], one: "a", consent: "yes", custom: "ja" });
    expect(readStrings(body, "topics")).toEqual(["a", "b"]);
    expect(readStrings(body, "one")).toEqual(["a"]);
    expect(readStrings(body, "missing")).toEqual([]);
    expect(readChecked(body, "consent")).toBe(true);
    expect(readChecked(body, "custom")).toBe(false);
    expect(readChecked(body, "custom", "ja")).toBe(true);
    expect(readChecked(body, "missing")).toBe(false);
  });

  it("read the three parts of a date", () => {
    const body = formBody({ "dob-day": "7", "dob-month": ["3"], "dob-year": "1990" });
    expect(readDateParts(body, "dob")).toEqual({ day: "7", month: "3", year: "1990" });
    expect(readDateParts(formBody(undefined), "dob")).toEqual({ day: "", month: "", year: "" });
  });
});

describe("isoDate", () => {
  it("accepts real calendar dates, with or without leading zeros and spaces", () => {
    expect(isoDate({ day: "7", month: "3", year: "1990" })).toBe("1990-03-07");
    expect(isoDate({ day: " 07 ", month: "03 ", year: " 1990" })).toBe("1990-03-07");
    expect(isoDate({ day: "29", month: "2", year: "2024" })).toBe("2024-02-29");
    expect(isoDate({ day: "31", month: "12", year: "2000" })).toBe("2000-12-31");
  });

  it("refuses incomplete, impossible and non-numeric dates", () => {
    for (const parts of [
      { day: "", month: "3", year: "1990" },
      { day: "31", month: "2", year: "1990" },
      { day: "29", month: "2", year: "2023" },
      { day: "0", month: "1", year: "1990" },
      { day: "1", month: "13", year: "1990" },
      { day: "1", month: "1", year: "90" },
      { day: "1", month: "1", year: "0050" },
      { day: "1e1", month: "1", year: "1990" },
      { day: "-1", month: "1", year: "1990" },
      { day: "1.5", month: "1", year: "1990" },
      { day: "١", month: "1", year: "1990" },
    ])
      expect(isoDate(parts), JSON.stringify(parts)).toBeUndefined();
  });
});
