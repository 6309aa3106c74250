import type { IncomingMessage } from "node:http";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { InteractionResults } from "oidc-provider";
import type { FieldError } from "#core/http/errors.ts";
import { formBody, readString } from "#core/http/form-page.ts";
import type { Lang } from "#core/i18n/lang.ts";
import { format } from "#core/i18n/messages.ts";
import { MessagePage } from "#core/views/message-page.tsx";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { devIdpMessages } from "./dev-idp.messages.ts";
import { createDevProvider, type DemoClient, sessionCookieName } from "./provider.ts";
import { testIdentity } from "./test-identities.ts";
import { ChooseIdentityPage } from "./views/choose-identity.tsx";

export const devIdpPaths = {
  base: "/_dev/idp",
  interaction: (uid: string) => `/_dev/idp/interaction/${encodeURIComponent(uid)}`,
};

export interface DevIdpOptions {
  /** `PUBLIC_URL/_dev/idp` */
  issuer: string;
  client: DemoClient;
  serverSecret: string;
  trustProxy: boolean;
  /** The frame of the installation's own pages (the provider belongs to no municipality). */
  chrome: (lang: Lang) => SiteChrome;
}

/**
 * The provider keeps no sign-in of its own: its session cookie is never passed on, so every authorization
 * asks for a test identity again and one browser can try both people one after the other.
 */
function withoutProviderSession(cookieHeader: string | undefined): string | undefined {
  return cookieHeader
    ?.split(/;\s*/)
    .filter((pair) => !pair.startsWith(sessionCookieName))
    .join("; ");
}

/**
 * Register only outside production: the demo identity provider at /_dev/idp (oidc-provider, mounted into
 * Fastify), with its one interaction page as our own page.
 */
export async function devIdpRoutes(app: FastifyInstance, opts: DevIdpOptions) {
  const requests = new WeakMap<IncomingMessage, FastifyRequest>();
  const send = async (reply: FastifyReply, status: number, page: JSX.Element) =>
    reply
      .status(status)
      .type("text/html; charset=utf-8")
      .send(await page);
  const provider = createDevProvider({
    ...opts,
    interactionUrl: devIdpPaths.interaction,
    renderError: async (ctx, out) => {
      const lang = requests.get(ctx.req)?.lang ?? "de";
      const t = devIdpMessages[lang];
      const model = {
        title: t.errorTitle,
        paragraphs: [format(t.errorText, { error: out.error })],
        path: devIdpPaths.base,
      };
      return MessagePage({ chrome: opts.chrome(lang), model });
    },
  });

  // Set on the raw response: the provider's own answers bypass Fastify's reply (and may set their own).
  app.addHook("onRequest", async (_request, reply) => {
    reply.raw.setHeader("x-robots-tag", "noindex, nofollow");
    reply.raw.setHeader("cache-control", "no-store");
  });

  await app.register(async (mounted) => {
    // The provider reads request bodies itself (token endpoint): Fastify must leave the stream unread.
    mounted.removeAllContentTypeParsers();
    mounted.addContentTypeParser("*", (_request, _payload, done) => done(null));
    const handle = provider.callback();
    const prefix = devIdpPaths.base;
    // The client authenticates at the token endpoint with its secret and the PKCE verifier; a CSRF token
    // from our forms cannot exist there.
    mounted.all(`${prefix}/*`, { config: { csrf: false } }, (request, reply) => {
      reply.hijack();
      const raw = request.raw as IncomingMessage & { originalUrl?: string };
      raw.originalUrl = raw.url;
      raw.url = (raw.url ?? "").slice(prefix.length) || "/";
      raw.headers.cookie = withoutProviderSession(raw.headers.cookie);
      requests.set(raw, request);
      handle(raw, reply.raw);
    });
  });

  /** The interaction of this page's uid, or undefined when it is unknown, expired or finished. */
  async function interactionOf(request: FastifyRequest<{ Params: { uid: string } }>, reply: FastifyReply) {
    try {
      const details = await provider.interactionDetails(request.raw, reply.raw);
      return details.uid === request.params.uid ? details : undefined;
    } catch (error) {
      if ((error as { name?: string }).name === "SessionNotFound") return undefined;
      throw error;
    }
  }

  const expired = (request: FastifyRequest, reply: FastifyReply) => {
    const t = devIdpMessages[request.lang];
    const model = {
      title: t.expiredTitle,
      paragraphs: [t.expiredText],
      path: request.url.split("?")[0] ?? "/",
    };
    return send(reply, 400, MessagePage({ chrome: opts.chrome(request.lang), model }));
  };

  const choosePage = (request: FastifyRequest, reply: FastifyReply, chosen: string, errors: FieldError[]) => {
    const model = {
      path: request.url.split("?")[0] ?? "/",
      csrfToken: reply.generateCsrf(),
      clientName: opts.client.name,
      chosen,
      errors,
    };
    return send(
      reply,
      errors.length > 0 ? 422 : 200,
      ChooseIdentityPage({ chrome: opts.chrome(request.lang), model }),
    );
  };

  app.get<{ Params: { uid: string } }>(`${devIdpPaths.base}/interaction/:uid`, async (request, reply) => {
    if (!(await interactionOf(request, reply))) return expired(request, reply);
    return choosePage(request, reply, "", []);
  });

  app.post<{ Params: { uid: string } }>(`${devIdpPaths.base}/interaction/:uid`, async (request, reply) => {
    const details = await interactionOf(request, reply);
    if (!details) return expired(request, reply);
    const body = formBody(request.body);
    const finish = async (result: InteractionResults) =>
      reply.redirect(
        await provider.interactionResult(request.raw, reply.raw, result, { mergeWithLastSubmission: false }),
        303,
      );
    const t = devIdpMessages[request.lang];
    if (readString(body, "action") === "cancel") {
      return finish({ error: "access_denied", error_description: t.cancelledByUser });
    }
    const identity = testIdentity(readString(body, "identity"));
    if (!identity) {
      return choosePage(request, reply, "", [{ field: "identity", message: t.identityMissing }]);
    }
    const grant = new provider.Grant({ accountId: identity.sub, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope ?? "openid"));
    const grantId = await grant.save();
    return finish({
      login: { accountId: identity.sub, acr: identity.acr, remember: false },
      consent: { grantId },
    });
  });
}
