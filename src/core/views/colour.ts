/** WCAG 2.1 relative luminance of a `#rrggbb` colour. */
export function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) =>
    c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4,
  );
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * The light grey behind the page footer (`.site-footer` in public/app.css, KERN's neutral-025). Brand colours
 * used for links must reach 4.5:1 on it as well as on white.
 */
export const footerSurfaceColour = "#f3f4f7";

/** WCAG 2.1 contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

export function contrastWithWhite(hex: string): number {
  return 1.05 / (luminance(hex) + 0.05);
}

/**
 * A municipality's colour is used behind white text and as link colour on white, so it must reach the
 * WCAG AA ratio of 4.5:1 against white. Too light colours are darkened step by step until they do.
 */
export function accessibleOnWhite(hex: string, minimumRatio = 4.5): string {
  return accessibleOn(hex, "#ffffff", minimumRatio);
}

/**
 * Darkens `hex` step by step (keeping its hue) until it reaches `minimumRatio` against a light `background`,
 * e.g. for links on the light grey footer.
 */
export function accessibleOn(hex: string, background: string, minimumRatio = 4.5): string {
  let [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  let current = hex.toLowerCase();
  while (contrastRatio(current, background) < minimumRatio && r + g + b > 0) {
    [r, g, b] = [r, g, b].map((c) => Math.floor(c * 0.92)) as [number, number, number];
    current = `#${[r, g, b].map((c) => c.toString(16).padStart(2, "0")).join("")}`;
  }
  return current;
}
