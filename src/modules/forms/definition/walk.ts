import type {
  FormDefinition,
  GroupField,
  LeafField,
  RepeatField,
  Step,
  StepField,
} from "./form-definition.ts";
import type { Condition } from "./parts.ts";

/** Where a field sits: its step, and the group or repeatable group around it. */
export interface FieldEntry {
  field: StepField;
  step: Step;
  group?: GroupField;
  repeat?: RepeatField;
}

const indexes = new WeakMap<FormDefinition, Map<string, FieldEntry>>();

/** Every field of the definition by id (computed once per definition object). */
export function fieldIndex(definition: FormDefinition): Map<string, FieldEntry> {
  let index = indexes.get(definition);
  if (index) return index;
  index = new Map();
  for (const step of definition.steps) {
    for (const field of step.fields) {
      if (!index.has(field.id)) index.set(field.id, { field, step });
      if (field.type !== "group" && field.type !== "repeat") continue;
      for (const child of field.fields) {
        if (index.has(child.id)) continue;
        index.set(
          child.id,
          field.type === "group"
            ? { field: child, step, group: field }
            : { field: child, step, repeat: field },
        );
      }
    }
  }
  indexes.set(definition, index);
  return index;
}

/** The leaf fields of a step, groups opened, repeatable groups' item fields included. */
export function leavesOf(step: Step): LeafField[] {
  return step.fields.flatMap((field) =>
    field.type === "group" || field.type === "repeat" ? field.fields : [field],
  );
}

/** Ids of the top-level names a step's answers live under (leaves, group children, repeatable groups). */
export function stepAnswerIds(step: Step): string[] {
  return step.fields.flatMap((field) =>
    field.type === "group" ? field.fields.map((f) => f.id) : [field.id],
  );
}

/** The field ids a condition reads. */
export function conditionFields(condition: Condition): string[] {
  if ("all" in condition) return condition.all.flatMap(conditionFields);
  if ("any" in condition) return condition.any.flatMap(conditionFields);
  if ("not" in condition) return conditionFields(condition.not);
  return condition.otherField ? [condition.field, condition.otherField] : [condition.field];
}

/** The top-level id an error's field name belongs to: `items[0].kind` → `items`, `home.street` → `home`. */
export const rootId = (name: string): string => name.split(/[[.]/, 1)[0] ?? name;
