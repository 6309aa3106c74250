import type { FastifyInstance, FastifyRequest } from "fastify";
import { attachmentDisposition } from "#core/http/content-disposition.ts";
import { NotFound } from "#core/http/errors.ts";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { devMailPaths } from "./dev-mail.paths.ts";
import type { DevMailbox } from "./dev-mailbox.repo.ts";
import { asBuffer } from "./mail-attachments.ts";
import { DevMailDetailPage } from "./views/dev-mail-detail.tsx";
import { DevMailListPage } from "./views/dev-mail-list.tsx";

export interface DevMailRoutesOptions {
  mailbox: DevMailbox;
  /** Whether mails go out through SMTP (then nothing new lands here). */
  smtpActive: boolean;
  /** The frame of the installation's own pages (core knows no tenants). */
  chrome: (request: FastifyRequest) => SiteChrome;
}

/**
 * The stored HTML is served as its own document in a sandbox: no script, no forms, an opaque origin without
 * access to the app's cookies or pages. Links still work on a click, as in a mail program. Inline styles
 * are allowed because mails need them.
 */
const mailHtmlCsp =
  "sandbox allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation; " +
  "default-src 'none'; style-src 'unsafe-inline'; img-src data: https:; frame-ancestors 'none'";

/** Register only outside production: /_dev/mail lists the mails stored instead of sent. */
export async function devMailRoutes(app: FastifyInstance, opts: DevMailRoutesOptions) {
  const { mailbox } = opts;
  app.addHook("onSend", async (_request, reply) => {
    reply.header("x-robots-tag", "noindex, nofollow").header("cache-control", "no-store");
  });

  app.get(devMailPaths.list(), async (request, reply) => {
    const model = { mails: await mailbox.list(), smtpActive: opts.smtpActive };
    return reply
      .type("text/html; charset=utf-8")
      .send(await DevMailListPage({ chrome: opts.chrome(request), model }));
  });

  app.get<{ Params: { id: string } }>("/_dev/mail/:id", async (request, reply) => {
    const mail = await mailbox.byId(request.params.id);
    if (!mail) throw NotFound();
    const attachments = await mailbox.attachments(mail.id);
    return reply
      .type("text/html; charset=utf-8")
      .send(await DevMailDetailPage({ chrome: opts.chrome(request), mail, attachments }));
  });

  app.get<{ Params: { id: string } }>("/_dev/mail/:id/html", async (request, reply) => {
    const mail = await mailbox.byId(request.params.id);
    if (!mail) throw NotFound();
    return reply
      .type("text/html; charset=utf-8")
      .header("content-security-policy", mailHtmlCsp)
      .send(mail.html_body);
  });

  // Always a download: the browser neither shows nor guesses the type of what a mail carried.
  app.get<{ Params: { id: string; n: string } }>("/_dev/mail/:id/anhang/:n", async (request, reply) => {
    const { id, n } = request.params;
    const attachment = /^[1-9][0-9]?$/.test(n) ? await mailbox.attachment(id, Number(n)) : undefined;
    if (!attachment) throw NotFound();
    return reply
      .type(attachment.content_type)
      .header("content-disposition", attachmentDisposition(attachment.filename))
      .header("x-content-type-options", "nosniff")
      .header("content-security-policy", "sandbox; default-src 'none'")
      .send(asBuffer(attachment.content));
  });
}
