import type { FormDefinition, LeafField } from "./definition/form-definition.ts";
import type { PrefillKey } from "./definition/parts.ts";
import { type Answers, type EvaluateOptions, evaluate } from "./engine/evaluate.ts";
import { toInputs } from "./engine/steps.ts";

/** What the flow knows about the citizen (profile, account e-mail); `birthdate` as `yyyy-mm-dd`. */
export type PrefillProfile = Partial<Record<Exclude<PrefillKey, "address">, string>>;

/** The fields that declare `prefill` (top level and in groups; repeatable groups are not prefilled). */
export function prefilledFields(definition: FormDefinition): { field: LeafField; key: PrefillKey }[] {
  return definition.steps.flatMap((step) =>
    step.fields
      .flatMap((f) => (f.type === "group" ? f.fields : [f]))
      .flatMap((field) => ("prefill" in field && field.prefill ? [{ field, key: field.prefill }] : [])),
  );
}

export function prefillValue(key: PrefillKey, profile: PrefillProfile): unknown {
  if (key !== "address") return profile[key];
  return { street: profile.street ?? "", postalCode: profile.postalCode ?? "", town: profile.town ?? "" };
}

/**
 * Fills the fields that declare `prefill` and have no answer yet from the profile (the citizen can change
 * them). A profile value that the field would not accept (a foreign postcode where only local ones are
 * allowed) is left out, exactly as if it had been typed: the answers stay valid.
 */
export function prefillAnswers(
  definition: FormDefinition,
  answers: Answers,
  profile: PrefillProfile,
  options: EvaluateOptions,
): Answers {
  const candidates: Answers = {};
  for (const { field, key } of prefilledFields(definition))
    if (!Object.hasOwn(answers, field.id)) candidates[field.id] = prefillValue(key, profile);
  return evaluate(definition, toInputs(definition, { ...candidates, ...answers }), options).answers;
}
