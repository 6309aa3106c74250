import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { berlinDate } from "#core/dates/berlin.ts";
import type { FieldError } from "#core/http/errors.ts";
import { formBody, readString } from "#core/http/form-page.ts";
import { withQuery } from "#core/http/paths.ts";
import { sendHtml } from "#core/http/reply.ts";
import type { Lang } from "#core/i18n/lang.ts";
import { format } from "#core/i18n/messages.ts";
import { backOfficeFrame, currentStaff } from "#modules/staff/index.ts";
import { tenantContext } from "#modules/tenants/index.ts";
import { paymentSettingsMessages } from "./payment-settings.messages.ts";
import {
  defaultPaymentSettings,
  kassenzeichenPatternProblem,
  type PatternProblem,
} from "./payment-settings.service.ts";
import type { ProviderName } from "./payments.schema.ts";
import type { PaymentsBackOfficeOptions } from "./payments-staff.routes.tsx";
import { treasuryPaths } from "./treasury.paths.ts";
import { PaymentSettingsPage } from "./views/payment-settings.tsx";

interface SettingsValues {
  provider: string;
  pattern: string;
}

const providerLabel = (name: ProviderName, lang: Lang) => paymentSettingsMessages[lang][`provider.${name}`];

/** The field errors of refused settings, in the order the fields appear. */
function settingsErrors(
  problems: { pattern?: PatternProblem; provider?: "unavailable" },
  lang: Lang,
): FieldError[] {
  const t = paymentSettingsMessages[lang];
  return [
    ...(problems.provider ? [{ field: "plattform", message: t.providerUnavailable }] : []),
    ...(problems.pattern ? [{ field: "muster", message: t[`pattern.${problems.pattern}`] }] : []),
  ];
}

/**
 * The administration's payment settings: the platform (only those this installation is configured for) and
 * the Kassenzeichen pattern, with a preview of the next Kassenzeichen ("Vorschau anzeigen" saves nothing).
 * Saving is audit-logged by the service (`payment.settings_changed`).
 */
export async function paymentSettingsRoutes(app: FastifyInstance, opts: PaymentsBackOfficeOptions) {
  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    page: { values?: SettingsValues; errors: FieldError[]; notice?: string },
  ) {
    const { tenant, base, chrome } = tenantContext(request);
    const { lang } = request;
    const t = paymentSettingsMessages[lang];
    const saved = await opts.payments.settings(tenant.id);
    const values = page.values ?? { provider: saved.provider, pattern: saved.kassenzeichenPattern };
    const configured = opts.payments.providerNames;
    const patternRefused = page.errors.some((error) => error.field === "muster");
    const preview = patternRefused
      ? undefined
      : await opts.payments.kassenzeichenPreview(tenant.id, tenant.referencePrefix, values.pattern.trim());
    const warning =
      configured.length === 0
        ? t.noProvider
        : configured.includes(saved.provider)
          ? undefined
          : format(t.savedProviderMissing, { provider: providerLabel(saved.provider, lang) });
    const model = {
      backHref: treasuryPaths.payments(base),
      action: treasuryPaths.settings(base),
      providerOptions: configured.map((name) => ({ value: name, label: providerLabel(name, lang) })),
      providerNote: configured.includes("stripe") ? undefined : t.stripeMissing,
      warning,
      prefix: tenant.referencePrefix,
      year: berlinDate(new Date()).slice(-4),
      defaultPattern: defaultPaymentSettings.kassenzeichenPattern,
      values,
      preview: preview && format(t.preview, { kassenzeichen: preview }),
      errors: page.errors,
    };
    const frame = backOfficeFrame(request, reply, { notice: page.notice });
    return sendHtml(reply, status, PaymentSettingsPage({ chrome, frame, model }));
  }

  app.get<{ Querystring: { hinweis?: string } }>(
    "/zahlungen/einstellungen",
    { config: { permission: "payments.settings" } },
    (request, reply) => {
      const notice =
        request.query.hinweis === "gespeichert"
          ? paymentSettingsMessages[request.lang].savedNotice
          : undefined;
      return render(request, reply, 200, { errors: [], notice });
    },
  );

  app.post(
    "/zahlungen/einstellungen",
    { config: { permission: "payments.settings" } },
    async (request, reply) => {
      const { tenant, base } = tenantContext(request);
      const body = formBody(request.body);
      const values = { provider: readString(body, "plattform"), pattern: readString(body, "muster") };
      if (readString(body, "aktion") === "vorschau") {
        const problem = kassenzeichenPatternProblem(values.pattern.trim());
        const errors = problem ? settingsErrors({ pattern: problem }, request.lang) : [];
        return render(request, reply, problem ? 422 : 200, { values, errors });
      }
      const result = await opts.payments.saveSettings(tenant.id, {
        kassenzeichenPattern: values.pattern,
        provider: values.provider,
        staffId: currentStaff(request).member.id,
        ip: request.ip,
        requestId: request.id,
      });
      if (!result.saved)
        return render(request, reply, 422, { values, errors: settingsErrors(result.problems, request.lang) });
      return reply.redirect(withQuery(treasuryPaths.settings(base), { hinweis: "gespeichert" }), 303);
    },
  );
}
