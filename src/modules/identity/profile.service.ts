import type { Db } from "#core/db/transaction.ts";
import { type FieldError, ValidationFailed } from "#core/http/errors.ts";
import { isoDate } from "#core/http/form-page.ts";
import type { Lang } from "#core/i18n/lang.ts";
import type { DateParts } from "#core/views/form/index.ts";
import { identityMessages } from "./identity.messages.ts";
import { profileMessages } from "./profile.messages.ts";

export interface Profile {
  givenName: string;
  familyName: string;
  street: string;
  postalCode: string;
  city: string;
  phone: string;
  /** ISO date `yyyy-mm-dd`; undefined until known. */
  birthdate?: string;
}

export const profileFields = ["givenName", "familyName", "street", "postalCode", "city", "phone"] as const;
export type ProfileTextField = (typeof profileFields)[number];

/** The profile form as typed: the text fields and the date of birth's three parts. */
export type ProfileInput = Record<ProfileTextField, string> & { birthdate: DateParts };

const maxLength: Record<ProfileTextField, number> = {
  givenName: 100,
  familyName: 100,
  street: 150,
  postalCode: 10,
  city: 100,
  phone: 30,
};

/** Today in Berlin as `yyyy-mm-dd`, to compare with ISO dates. */
function todayInBerlin(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date());
}

function birthdateError(parts: DateParts, lang: Lang): FieldError | undefined {
  const t = profileMessages[lang];
  if (!parts.day.trim() && !parts.month.trim() && !parts.year.trim()) return undefined;
  const date = isoDate(parts);
  if (!date || date < "1900-01-01") return { field: "birthdate", message: t.birthdateInvalid };
  return date > todayInBerlin() ? { field: "birthdate", message: t.birthdateFuture } : undefined;
}

/** Checks and tidies what the citizen typed; every field may stay empty until a service needs it. */
export function validateProfile(input: ProfileInput, lang: Lang): Profile {
  const t = identityMessages[lang];
  const profile: Profile = {
    ...(Object.fromEntries(
      profileFields.map((field) => [field, input[field].trim().replace(/\s+/g, " ")]),
    ) as Record<ProfileTextField, string>),
    birthdate: isoDate(input.birthdate),
  };
  const errors: FieldError[] = [];
  for (const field of profileFields) {
    if (profile[field].length > maxLength[field]) errors.push({ field, message: t.profileTooLong });
    // Letters of any script, marks, spaces and the punctuation of names and addresses; no control or markup characters.
    else if (/[<>{}\\\p{C}]/u.test(profile[field])) errors.push({ field, message: t.profileCharacters });
  }
  if (
    profile.postalCode &&
    !/^\d{5}$/.test(profile.postalCode) &&
    !errors.some((e) => e.field === "postalCode")
  ) {
    errors.push({ field: "postalCode", message: t.profilePostalCode });
  }
  if (
    profile.phone &&
    !/^\+?[\d\s/()-]{5,30}$/.test(profile.phone) &&
    !errors.some((e) => e.field === "phone")
  ) {
    errors.push({ field: "phone", message: t.profilePhone });
  }
  const birthdate = birthdateError(input.birthdate, lang);
  if (birthdate) errors.push(birthdate);
  if (errors.length > 0) throw ValidationFailed(errors);
  return profile;
}

/** The three inputs of a stored date of birth: "1964-08-12" → 12 / 08 / 1964. */
export function birthdateParts(birthdate: string | undefined): DateParts {
  const [year = "", month = "", day = ""] = birthdate?.split("-") ?? [];
  return { day, month, year };
}

/** The profile as the form shows it. */
export function profileInput(profile: Profile): ProfileInput {
  return { ...profile, birthdate: birthdateParts(profile.birthdate) };
}

export type ProvidedProfile = Omit<Profile, "phone">;

/**
 * Claims of an identity provider as profile values that pass `validateProfile`'s character and length rules
 * (one line, no markup characters, cut to length); a birthdate that is no full calendar date is dropped.
 */
export function profileFromProvider(
  claims: Record<Exclude<ProfileTextField, "phone"> | "birthdate", unknown>,
): ProvidedProfile {
  const tidy = (field: Exclude<ProfileTextField, "phone">) => {
    const value = claims[field];
    if (typeof value !== "string") return "";
    return value
      .replace(/[<>{}\\\p{C}]/gu, " ")
      .trim()
      .replace(/\s+/g, " ")
      .slice(0, maxLength[field])
      .trim();
  };
  const [year = "", month = "", day = ""] =
    typeof claims.birthdate === "string" && /^\d{4}-\d{2}-\d{2}$/.test(claims.birthdate)
      ? claims.birthdate.split("-")
      : [];
  return {
    givenName: tidy("givenName"),
    familyName: tidy("familyName"),
    street: tidy("street"),
    postalCode: tidy("postalCode"),
    city: tidy("city"),
    birthdate: isoDate({ day, month, year }),
  };
}

export type ProfileService = ReturnType<typeof createProfileService>;

/** Name, address and phone of a citizen, used to prefill application forms. */
export function createProfileService(db: Db) {
  return {
    async get(citizenId: string): Promise<Profile | undefined> {
      const row = await db
        .selectFrom("citizens")
        .select(["given_name", "family_name", "street", "postal_code", "city", "phone", "birthdate"])
        .where("id", "=", citizenId)
        .executeTakeFirst();
      return (
        row && {
          givenName: row.given_name,
          familyName: row.family_name,
          street: row.street,
          postalCode: row.postal_code,
          city: row.city,
          phone: row.phone,
          birthdate: row.birthdate ?? undefined,
        }
      );
    },

    /** The account's e-mail address with the profile: what an application is prefilled and confirmed with. */
    async withEmail(citizenId: string): Promise<(Profile & { email: string }) | undefined> {
      const [profile, account] = await Promise.all([
        this.get(citizenId),
        db.selectFrom("citizens").select("email").where("id", "=", citizenId).executeTakeFirst(),
      ]);
      return profile && account && { ...profile, email: account.email };
    },

    async save(citizenId: string, input: ProfileInput, lang: Lang): Promise<Profile> {
      const profile = validateProfile(input, lang);
      await db
        .updateTable("citizens")
        .set({
          given_name: profile.givenName,
          family_name: profile.familyName,
          street: profile.street,
          postal_code: profile.postalCode,
          city: profile.city,
          phone: profile.phone,
          birthdate: profile.birthdate ?? null,
          updated_at: new Date(),
        })
        .where("id", "=", citizenId)
        .execute();
      return profile;
    },
  };
}
