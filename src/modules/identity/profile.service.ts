import type { Db } from "#core/db/transaction.ts";
import { type FieldError, ValidationFailed } from "#core/http/errors.ts";
import type { Lang } from "#core/i18n/lang.ts";
import { identityMessages } from "./identity.messages.ts";

export interface Profile {
  givenName: string;
  familyName: string;
  street: string;
  postalCode: string;
  city: string;
  phone: string;
}

export const profileFields = ["givenName", "familyName", "street", "postalCode", "city", "phone"] as const;

const maxLength: Record<keyof Profile, number> = {
  givenName: 100,
  familyName: 100,
  street: 150,
  postalCode: 10,
  city: 100,
  phone: 30,
};

/** Checks and tidies what the citizen typed; every field may stay empty until a service needs it. */
export function validateProfile(input: Record<keyof Profile, string>, lang: Lang): Profile {
  const t = identityMessages[lang];
  const profile = Object.fromEntries(
    profileFields.map((field) => [field, input[field].trim().replace(/\s+/g, " ")]),
  ) as unknown as Profile;
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
  if (errors.length > 0) throw ValidationFailed(errors);
  return profile;
}

export type ProfileService = ReturnType<typeof createProfileService>;

/** Name, address and phone of a citizen, used to prefill application forms. */
export function createProfileService(db: Db) {
  return {
    async get(citizenId: string): Promise<Profile | undefined> {
      const row = await db
        .selectFrom("citizens")
        .select(["given_name", "family_name", "street", "postal_code", "city", "phone"])
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
        }
      );
    },

    async save(citizenId: string, input: Record<keyof Profile, string>, lang: Lang): Promise<Profile> {
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
          updated_at: new Date(),
        })
        .where("id", "=", citizenId)
        .execute();
      return profile;
    },
  };
}
