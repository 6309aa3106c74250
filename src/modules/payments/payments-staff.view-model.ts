import { berlinDateTime } from "#core/dates/berlin.ts";
import type { FieldError } from "#core/http/errors.ts";
import { type FormBody, isoDate, readDateParts } from "#core/http/form-page.ts";
import type { Lang } from "#core/i18n/lang.ts";
import { format } from "#core/i18n/messages.ts";
import { formatCents } from "#core/money/index.ts";
import type { SelectOption } from "#core/views/form/index.ts";
import { type CatalogService, pick } from "#modules/catalog/index.ts";
import { paymentStateLabel } from "./payments.messages.ts";
import type { PaymentTransition } from "./payments.model.ts";
import { treasuryMessages } from "./treasury.messages.ts";

/**
 * A date typed into the three inputs of a DateField in a GET form: all empty means no date; anything else
 * must be a real day (`day` as `yyyy-mm-dd`), or the field gets `invalidMessage`.
 */
export function optionalDay(query: FormBody, name: string, invalidMessage: string) {
  const parts = readDateParts(query, name);
  const empty = !parts.day.trim() && !parts.month.trim() && !parts.year.trim();
  const day = empty ? undefined : isoDate(parts);
  const errors: FieldError[] = empty || day ? [] : [{ field: name, message: invalidMessage }];
  return { parts, day, errors };
}

/** The catalog's service names in `lang`, by slug. */
export function serviceNames(services: readonly CatalogService[], lang: Lang): ReadonlyMap<string, string> {
  return new Map(services.map((service) => [service.slug, pick(service.name, lang).text]));
}

/**
 * The service filter's options: the slug as value (it is what payments keep), the name as label, sorted by
 * name. A service the catalog no longer has is shown by its slug.
 */
export function serviceOptions(
  slugs: readonly string[],
  names: ReadonlyMap<string, string>,
  lang: Lang,
): SelectOption[] {
  const collator = new Intl.Collator(lang === "de" ? "de-DE" : "en-GB", { sensitivity: "base" });
  return slugs
    .map((value) => ({ value, label: names.get(value) ?? value }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

/** Who made a change, in words: `staff:<id>` by name, `platform:<name>`, the citizen or the system. */
function actorLabel(actor: string, names: ReadonlyMap<string, string>, lang: Lang): string {
  const t = treasuryMessages[lang];
  const [kind = "", detail = ""] = actor.split(/:(.*)/s);
  if (kind === "staff") return names.get(detail) ?? t["actor.staff"];
  if (kind === "platform") return format(t["actor.platform"], { provider: detail });
  if (kind === "citizen") return t["actor.citizen"];
  if (kind === "system") return t["actor.system"];
  return actor;
}

/** The rows of a payment's history: when, which change, who, the platform's reference, amount and reason. */
export function paymentHistory(
  transitions: PaymentTransition[],
  names: ReadonlyMap<string, string>,
  lang: Lang,
) {
  const t = treasuryMessages[lang];
  return transitions.map((transition) => ({
    when: berlinDateTime(transition.at),
    change:
      transition.from === transition.to && transition.to === "created"
        ? t.created
        : `${paymentStateLabel(transition.from, lang)} → ${paymentStateLabel(transition.to, lang)}`,
    actor: actorLabel(transition.actor, names, lang),
    reference: transition.providerReference ?? "",
    amount: transition.amountCents === null ? "" : formatCents(transition.amountCents),
    reason: transition.reason ?? "",
  }));
}
