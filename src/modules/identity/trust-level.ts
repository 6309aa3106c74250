import type { Lang } from "#core/i18n/lang.ts";
import { oidcMessages } from "./oidc.messages.ts";

/**
 * How sure the identity provider is about who signed in, in the levels of German e-government (TR-03107):
 * a basic registration (user name and password), "substantiell" (e.g. ELSTER certificate) and "hoch" (online
 * ID card, eID). Providers name them in `acr` as STORK QAA levels or as eIDAS Levels of Assurance.
 */
export const trustLevels = ["basisregistrierung", "substantiell", "hoch"] as const;
export type TrustLevel = (typeof trustLevels)[number];

const byAcr: Record<string, TrustLevel> = {
  "STORK-QAA-Level-1": "basisregistrierung",
  "STORK-QAA-Level-2": "basisregistrierung",
  "STORK-QAA-Level-3": "substantiell",
  "STORK-QAA-Level-4": "hoch",
  "http://eidas.europa.eu/LoA/low": "basisregistrierung",
  "http://eidas.europa.eu/LoA/substantial": "substantiell",
  "http://eidas.europa.eu/LoA/high": "hoch",
};

/** The trust level an `acr` value stands for; a missing or unknown one counts as the lowest. */
export function trustLevelOf(acr: unknown): TrustLevel {
  return (typeof acr === "string" && Object.hasOwn(byAcr, acr) && byAcr[acr]) || "basisregistrierung";
}

/** Whether `level` is `required` or higher. */
export const meetsTrustLevel = (level: TrustLevel, required: TrustLevel): boolean =>
  trustLevels.indexOf(level) >= trustLevels.indexOf(required);

/** The level as citizens read it: "substantiell", "substantial". */
export const trustLevelName = (level: TrustLevel, lang: Lang): string =>
  oidcMessages[lang][`trustLevel_${level}`];
