import type { FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "#core/db/transaction.ts";
import type { FileServices } from "#core/files/index.ts";
import { sendMessage } from "#core/http/reply.ts";
import { format } from "#core/i18n/messages.ts";
import type { JobQueue } from "#core/jobs/index.ts";
import type { Mailer } from "#core/mail/index.ts";
import { type CatalogService, type CatalogServiceApi, pick } from "#modules/catalog/index.ts";
import type { FormsService, FormVersion } from "#modules/forms/index.ts";
import type { IdentityServices } from "#modules/identity/index.ts";
import type { PaymentsService } from "#modules/payments/index.ts";
import { type Tenant, tenantContext } from "#modules/tenants/index.ts";
import { applicationMessages } from "./applications.messages.ts";
import { applicationPaths } from "./applications.paths.ts";
import type { ApplicationsService } from "./applications.service.ts";
import type { Draft, DraftsService } from "./drafts.service.ts";

/** What every application route gets. */
export interface ApplicationRouteOptions {
  db: Db;
  drafts: DraftsService;
  applications: ApplicationsService;
  payments: PaymentsService;
  forms: FormsService;
  files: FileServices;
  catalog: CatalogServiceApi;
  profile: IdentityServices["profile"];
  /** Sign-in through an identity provider (none configured: forms that need verified data cannot start). */
  oidc: IdentityServices["oidc"];
  mailer: Mailer;
  jobs: JobQueue;
  publicUrl: string;
  secureCookies: boolean;
}

const cookieName = "rathaus_antrag";

/**
 * A guest's key to a draft: the draft's secret in a signed cookie that only the draft's own pages receive
 * (its path is the draft's), so several drafts in one browser each keep their own.
 */
export const draftCookie = {
  give(reply: FastifyReply, path: string, secret: string, secure: boolean, maxAgeDays: number): void {
    reply.setCookie(cookieName, secret, {
      path,
      httpOnly: true,
      sameSite: "lax",
      secure,
      signed: true,
      maxAge: maxAgeDays * 86_400,
    });
  },
  read(request: FastifyRequest): string | undefined {
    const raw = request.cookies[cookieName];
    if (!raw) return undefined;
    const unsigned = request.unsignCookie(raw);
    return unsigned.valid && unsigned.value ? unsigned.value : undefined;
  },
};

export interface Flow {
  tenant: Tenant;
  base: string;
  draft: Draft;
  form: FormVersion;
  service: CatalogService;
  serviceName: string;
}

/**
 * The draft of the address, with its form version and service, when this browser may see it (its citizen
 * signed in, or the guest's cookie); otherwise undefined, and the route answers with `draftGone`.
 */
export async function openFlow(
  request: FastifyRequest,
  opts: ApplicationRouteOptions,
  draftId: string,
): Promise<Flow | undefined> {
  const { tenant, base } = tenantContext(request);
  const draft = await opts.drafts.open(tenant.id, draftId, {
    citizenId: request.citizenSession?.citizenId,
    secret: draftCookie.read(request),
  });
  if (!draft) return undefined;
  const [form, service] = await Promise.all([
    opts.forms.getVersion(tenant.id, draft.formKey, draft.formVersion),
    opts.catalog.bySlug(tenant.id, draft.serviceSlug),
  ]);
  if (!form || !service) return undefined;
  return { tenant, base, draft, form, service, serviceName: pick(service.name, request.lang).text };
}

/** 404 with the reason a draft is not found: expired, submitted elsewhere, or another browser's. */
export function draftGone(request: FastifyRequest, reply: FastifyReply, lifetimeDays: number) {
  const t = applicationMessages[request.lang];
  const { base } = tenantContext(request);
  return sendMessage(
    request,
    reply,
    {
      title: t.goneTitle,
      paragraphs: [format(t.goneText, { days: lifetimeDays })],
      next: { href: applicationPaths.myTownHall(base), label: t.toMyTownHall },
    },
    404,
  );
}
