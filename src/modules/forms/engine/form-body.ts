import type { FormBody } from "#core/http/form-page.ts";
import { readString } from "#core/http/form-page.ts";
import type { FormDefinition, RepeatField, Step } from "../definition/form-definition.ts";
import { fieldIndex } from "../definition/walk.ts";
import { actionField } from "../fields/field-kind.ts";
import { kindOf } from "../fields/registry.ts";
import { type Inputs, itemInputs } from "./evaluate.ts";

/**
 * Reading a step's form body (application/x-www-form-urlencoded, parsed flat by @fastify/formbody) into
 * inputs. Only the names the step renders are read; anything else a request carries is ignored.
 *
 * Without JavaScript, buttons that change the page instead of going on are submit buttons named `_action`:
 * - `add:<repeatId>` adds an empty item to a repeatable group,
 * - `remove:<repeatId>:<index>` removes that item,
 * - `remove-file:<fieldName>:<fileId>` removes an uploaded file from an upload field,
 * - `continue` (or no `_action`) validates the step and goes on.
 * The button name `_action` is `actionField`. A repeatable group carries its item count in the hidden field `<repeatId>.count`; item fields are named
 * `<repeatId>[<index>].<fieldId>` (a date's parts `…-day|-month|-year`, an address's `….street` etc.).
 */

export type FormAction =
  | { kind: "add"; repeat: string }
  | { kind: "remove"; repeat: string; index: number }
  | { kind: "removeFile"; field: string; fileId: string };

export const countName = (repeatId: string): string => `${repeatId}.count`;
export const itemName = (repeatId: string, index: number, fieldId: string): string =>
  `${repeatId}[${index}].${fieldId}`;

/** The `_action` a button sent, if it is one of the known kinds; anything else counts as "continue". */
export function readAction(body: FormBody): FormAction | undefined {
  const [kind, target = "", extra = ""] = readString(body, actionField).split(":");
  if (kind === "add" && target) return { kind: "add", repeat: target };
  if (kind === "remove" && /^\d{1,3}$/.test(extra))
    return { kind: "remove", repeat: target, index: Number(extra) };
  if (kind === "remove-file" && target && extra) return { kind: "removeFile", field: target, fileId: extra };
  return undefined;
}

/** How many items the page had: its hidden count, else the highest index sent; never more than `max`. */
function itemCount(body: FormBody, repeat: RepeatField): number {
  const sent = readString(body, countName(repeat.id));
  if (/^\d{1,3}$/.test(sent)) return Math.min(Number(sent), repeat.max);
  let count = 0;
  for (const key of Object.keys(body)) {
    const index = key.startsWith(`${repeat.id}[`)
      ? /^\[(\d{1,3})\]\./.exec(key.slice(repeat.id.length))
      : null;
    if (index) count = Math.max(count, Number(index[1]) + 1);
  }
  return Math.min(count, repeat.max);
}

/** The inputs with this step's fields replaced by what the body carries (uploads keep their files). */
export function readStep(step: Step, body: FormBody, inputs: Inputs): Inputs {
  const next: Inputs = { ...inputs };
  for (const field of step.fields) {
    if (field.type === "repeat") {
      next[field.id] = Array.from({ length: itemCount(body, field) }, (_, index) =>
        Object.fromEntries(
          field.fields.map((child) => [
            child.id,
            kindOf(child).read(body, itemName(field.id, index, child.id)),
          ]),
        ),
      );
      continue;
    }
    for (const leaf of field.type === "group" ? field.fields : [field]) {
      const kind = kindOf(leaf);
      if (kind.fromBody) next[leaf.id] = kind.read(body, leaf.id);
    }
  }
  return next;
}

/** The inputs after an add/remove button: a new empty item, one item fewer, or one file fewer. */
export function applyAction(definition: FormDefinition, inputs: Inputs, action: FormAction): Inputs {
  const field = fieldIndex(definition).get(
    action.kind === "removeFile" ? action.field : action.repeat,
  )?.field;
  if (action.kind === "removeFile") {
    const files = inputs[action.field];
    if (field?.type !== "file" || !Array.isArray(files)) return inputs;
    return {
      ...inputs,
      [action.field]: files.filter((file) => (file as { fileId?: unknown }).fileId !== action.fileId),
    };
  }
  if (field?.type !== "repeat") return inputs;
  const items = itemInputs(inputs, field.id);
  if (action.kind === "add") {
    if (items.length >= field.max) return inputs;
    const empty = Object.fromEntries(
      field.fields.map((child) => [child.id, kindOf(child).toInput(undefined)]),
    );
    return { ...inputs, [field.id]: [...items, empty] };
  }
  return { ...inputs, [field.id]: items.filter((_, index) => index !== action.index) };
}
