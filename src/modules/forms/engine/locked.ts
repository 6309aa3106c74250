import type { FieldError } from "#core/http/errors.ts";
import type { FormDefinition, LeafField } from "../definition/form-definition.ts";
import { fieldIndex, rootId } from "../definition/walk.ts";
import { kindOf } from "../fields/registry.ts";
import type { Answers, Inputs } from "./evaluate.ts";

// Locked fields (see verified-prefill.ts): answers the citizen cannot change, given as `locked` (field id →
// value) to parseStep and renderStep.

/** The locked field `id` names: a prefilled leaf outside repeatable groups with a locked value. */
function lockedLeaf(definition: FormDefinition, locked: Answers, id: string): LeafField | undefined {
  const entry = fieldIndex(definition).get(id);
  if (!Object.hasOwn(locked, id) || !entry || entry.repeat) return undefined;
  const { field } = entry;
  return field.type !== "group" && field.type !== "repeat" && "prefill" in field ? field : undefined;
}

export const isLocked = (definition: FormDefinition, locked: Answers, id: string): boolean =>
  lockedLeaf(definition, locked, id) !== undefined;

/** The inputs with the locked fields' values put back, whatever the body said about them. */
export function withLocked(definition: FormDefinition, inputs: Inputs, locked: Answers): Inputs {
  const next = { ...inputs };
  for (const id of Object.keys(locked)) {
    const field = lockedLeaf(definition, locked, id);
    if (field) next[id] = kindOf(field).toInput(locked[id]);
  }
  return next;
}

/**
 * Errors at a part of a locked field (`address.postalCode`) are named by the field itself, whose read-only
 * block is what the error summary can link to; one error per field.
 */
export function lockedErrors(
  definition: FormDefinition,
  errors: readonly FieldError[],
  locked: Answers,
): FieldError[] {
  const seen = new Set<string>();
  return errors.flatMap((error) => {
    const root = rootId(error.field);
    if (!isLocked(definition, locked, root)) return [error];
    if (seen.has(root)) return [];
    seen.add(root);
    return [{ ...error, field: root }];
  });
}
