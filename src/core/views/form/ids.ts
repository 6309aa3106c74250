import { escapeHtml } from "@kitajs/html";

/**
 * The id of a field's (first) input, shared by the field and the error summary's link to it:
 * `field-${name}`, with every run of characters other than letters, digits, `_` and `-` turned into one `-`
 * (so `address.street` → `field-address-street`, `items[0]` → `field-items-0`).
 */
export function fieldId(name: string): string {
  const slug = name.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "");
  return slug ? `field-${slug}` : "field";
}

/** Id of the n-th (0-based) option of a radio or checkbox group: the first one is the group's fieldId. */
export function optionId(groupId: string, index: number): string {
  return index === 0 ? groupId : `${groupId}-${index + 1}`;
}

export const hintId = (id: string): string => `${id}-hint`;
export const errorId = (id: string): string => `${id}-error`;

/** Value for aria-describedby: the ids that are present, or no attribute at all. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => Boolean(id));
  return present.length > 0 ? present.join(" ") : undefined;
}

/**
 * A user's value for an attribute. @kitajs/html escapes only `"` in attributes, so `&lt;` typed by a user
 * would come back as `<`; escaping `&` (and the rest) first keeps exactly what was typed.
 */
export function attrValue(value: string | undefined): string | undefined {
  return value === undefined ? undefined : escapeHtml(value);
}
