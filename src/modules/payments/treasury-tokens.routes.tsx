import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { berlinDate, berlinDateTime } from "#core/dates/berlin.ts";
import type { FieldError } from "#core/http/errors.ts";
import { formBody, readString } from "#core/http/form-page.ts";
import { withQuery } from "#core/http/paths.ts";
import { sendHtml } from "#core/http/reply.ts";
import { format } from "#core/i18n/messages.ts";
import { auditStaff, backOfficeFrame, currentStaff } from "#modules/staff/index.ts";
import { tenantContext } from "#modules/tenants/index.ts";
import type { PaymentsBackOfficeOptions } from "./payments-staff.routes.tsx";
import { treasuryMessages } from "./treasury.messages.ts";
import { treasuryPaths } from "./treasury.paths.ts";
import { TreasuryTokensPage } from "./views/treasury-tokens.tsx";

/**
 * The API tokens of the treasury software: create one (shown once, on the answer to the POST itself, never
 * again) and revoke one. Both are audit-logged.
 */
export async function treasuryTokenRoutes(app: FastifyInstance, opts: PaymentsBackOfficeOptions) {
  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    page: {
      label: string;
      errors: FieldError[];
      created?: { label: string; token: string };
      notice?: string;
    },
  ) {
    const { tenant, base, chrome } = tenantContext(request);
    const t = treasuryMessages[request.lang];
    const tokens = await opts.treasury.tokens(tenant.id);
    const model = {
      intro: format(t.tokensIntro, {
        url: `${opts.publicUrl}${treasuryPaths.bookings(tenant.slug)}`,
        tenant: tenant.name,
      }),
      backHref: treasuryPaths.payments(base),
      action: treasuryPaths.tokens(base),
      created: page.created,
      values: { label: page.label },
      tokens: tokens.map((token) => ({
        label: token.label,
        created: berlinDateTime(token.createdAt),
        lastUsed: token.lastUsedAt ? berlinDateTime(token.lastUsedAt) : t.never,
        status: token.revokedAt
          ? format(t.tokenRevoked, { date: berlinDate(token.revokedAt) })
          : t.tokenActive,
        revokeAction: token.revokedAt ? undefined : treasuryPaths.revokeToken(base, token.id),
      })),
      errors: page.errors,
    };
    const frame = backOfficeFrame(request, reply, { notice: page.notice });
    return sendHtml(reply, status, TreasuryTokensPage({ chrome, frame, model }));
  }

  app.get<{ Querystring: { hinweis?: string } }>(
    "/zahlungen/schnittstelle",
    { config: { permission: "payments.tokens" } },
    (request, reply) => {
      const notice =
        request.query.hinweis === "widerrufen" ? treasuryMessages[request.lang].revokedNotice : undefined;
      return render(request, reply, 200, { label: "", errors: [], notice });
    },
  );

  app.post(
    "/zahlungen/schnittstelle",
    { config: { permission: "payments.tokens" } },
    async (request, reply) => {
      const { tenant } = tenantContext(request);
      const t = treasuryMessages[request.lang];
      const label = readString(formBody(request.body), "bezeichnung");
      const trimmed = label.trim();
      const error = !trimmed ? t.tokenLabelMissing : trimmed.length > 80 ? t.tokenLabelTooLong : undefined;
      if (error)
        return render(request, reply, 422, { label, errors: [{ field: "bezeichnung", message: error }] });
      const created = await opts.treasury.createToken(tenant.id, currentStaff(request).member.id, trimmed);
      await auditStaff(request, opts.audit, "treasury.token_created", {
        target: trimmed,
        details: { tokenId: created.id },
      });
      return render(request, reply, 200, {
        label: "",
        errors: [],
        created: { label: trimmed, token: created.token },
      });
    },
  );

  app.post<{ Params: { id: string } }>(
    "/zahlungen/schnittstelle/:id/widerruf",
    { config: { permission: "payments.tokens" } },
    async (request, reply) => {
      const { tenant, base } = tenantContext(request);
      const label = await opts.treasury.revokeToken(tenant.id, request.params.id);
      if (label !== undefined)
        await auditStaff(request, opts.audit, "treasury.token_revoked", {
          target: label,
          details: { tokenId: request.params.id },
        });
      const tokens = treasuryPaths.tokens(base);
      return reply.redirect(label === undefined ? tokens : withQuery(tokens, { hinweis: "widerrufen" }), 303);
    },
  );
}
