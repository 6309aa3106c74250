import { describe, expect, it } from "vitest";
import type { AppError } from "#core/http/errors.ts";
import {
  birthdateParts,
  type ProfileInput,
  profileFromProvider,
  validateProfile,
} from "./profile.service.ts";

const empty: ProfileInput = {
  givenName: "",
  familyName: "",
  street: "",
  postalCode: "",
  city: "",
  phone: "",
  birthdate: { day: "", month: "", year: "" },
};

function birthdateErrors(day: string, month: string, year: string): string[] {
  try {
    validateProfile({ ...empty, birthdate: { day, month, year } }, "de");
    return [];
  } catch (error) {
    return (error as AppError).fields.map((f) => `${f.field}: ${f.message}`);
  }
}

describe("date of birth in the profile", () => {
  it("is optional, and stored as an ISO date when given", () => {
    expect(validateProfile(empty, "de").birthdate).toBeUndefined();
    expect(
      validateProfile({ ...empty, birthdate: { day: " 7", month: "3", year: "1985" } }, "de").birthdate,
    ).toBe("1985-03-07");
    expect(birthdateParts("1964-08-12")).toEqual({ day: "12", month: "08", year: "1964" });
    expect(birthdateParts(undefined)).toEqual({ day: "", month: "", year: "" });
  });

  it("explains a date that is incomplete, no real day or in the future", () => {
    const invalid = "birthdate: Geben Sie ein gültiges Geburtsdatum ein, zum Beispiel 27 3 1985";
    expect(birthdateErrors("31", "2", "1985")).toEqual([invalid]);
    expect(birthdateErrors("", "2", "1985")).toEqual([invalid]);
    expect(birthdateErrors("1", "1", "1899")).toEqual([invalid]);
    expect(birthdateErrors("1", "1", String(new Date().getFullYear() + 1))).toEqual([
      "birthdate: Das Geburtsdatum muss in der Vergangenheit liegen",
    ]);
  });
});

describe("profileFromProvider", () => {
  it("keeps what passes the form's rules and tidies the rest", () => {
    expect(
      profileFromProvider({
        givenName: "  Erika  ",
        familyName: "Muster<script>mann",
        street: "Weilburger Straße 12\nHinterhaus",
        postalCode: 61250,
        city: "x".repeat(300),
        birthdate: "1964-08-12",
      }),
    ).toEqual({
      givenName: "Erika",
      familyName: "Muster script mann",
      street: "Weilburger Straße 12 Hinterhaus",
      postalCode: "",
      city: "x".repeat(100),
      birthdate: "1964-08-12",
    });
  });

  it("drops a birthdate that is no full calendar date", () => {
    for (const birthdate of ["1964", "1964-00-00", "1964-02-30", "12.08.1964", 19640812, undefined]) {
      expect(
        profileFromProvider({
          givenName: "",
          familyName: "",
          street: "",
          postalCode: "",
          city: "",
          birthdate,
        }).birthdate,
      ).toBeUndefined();
    }
  });
});
