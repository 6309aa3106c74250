import type { Lang } from "./lang.ts";

/** A module's messages: German is the source, English must have exactly the same keys. */
export type Catalog<Shape> = { [L in Lang]: Shape };

export function defineMessages<const Shape extends Record<string, string>>(
  de: Shape,
  en: { [K in keyof Shape]: string },
): Catalog<{ [K in keyof Shape]: string }> {
  return { de, en };
}

/** Fills `{name}` placeholders; values are plain text, the views escape them. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}
