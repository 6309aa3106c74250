import type { FormDefinition } from "./definition/form-definition.ts";
import type { PrefillKey } from "./definition/parts.ts";
import type { Answers } from "./engine/evaluate.ts";
import { type PrefillProfile, prefilledFields, prefillValue } from "./prefill.ts";

/** The prefill keys an identity provider vouches for; e-mail and telephone stay the citizen's to change. */
export const verifiableKeys: ReadonlySet<PrefillKey> = new Set<PrefillKey>([
  "givenName",
  "familyName",
  "birthdate",
  "street",
  "postalCode",
  "town",
  "address",
]);

/** A claim counts as delivered when it has a value; an address only with all three parts. */
function delivered(value: unknown): boolean {
  if (typeof value === "string") return value.trim() !== "";
  return (
    typeof value === "object" &&
    value !== null &&
    Object.values(value).every((part) => typeof part === "string" && part.trim() !== "")
  );
}

/**
 * For a form with `verifiedIdentity`: the values of the fields that are filled from the identity provider's
 * verified claims and locked — every field whose `prefill` key is verifiable and whose claim delivered a
 * value. The flow keeps them with the draft and passes them as `locked` to `parseStep` and `renderStep`. A
 * field whose claim was empty is not locked (an ordinary question). Forms without `verifiedIdentity` lock
 * nothing.
 */
export function lockedAnswers(definition: FormDefinition, claims: PrefillProfile): Answers {
  if (!definition.verifiedIdentity) return {};
  const locked: Answers = {};
  for (const { field, key } of prefilledFields(definition)) {
    const value = prefillValue(key, claims);
    if (verifiableKeys.has(key) && delivered(value)) locked[field.id] = value;
  }
  return locked;
}
