import type { TSchema } from "@sinclair/typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { FieldError } from "#core/http/errors.ts";
import { formBody, readString } from "#core/http/form-page.ts";
import type { Lang } from "#core/i18n/lang.ts";
import { format } from "#core/i18n/messages.ts";
import { formatCents } from "#core/money/index.ts";
import { MessagePage } from "#core/views/message-page.tsx";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import {
  type EpayFinalStatus,
  type EpayMethod,
  type EpayPaymentCreated,
  epayApiPaths,
  epayPaymentRequest,
  epayRefundRequest,
  parseEpayJson,
} from "#modules/payments/providers/epay-protocol.ts";
import { checkEpaySignature, epaySignatureHeader } from "#modules/payments/providers/epay-signature.ts";
import { devPayMessages } from "./dev-pay.messages.ts";
import {
  checkPaymentForm,
  emptyPaymentForm,
  type PaymentFormValues,
  readPaymentForm,
} from "./payment-form.ts";
import { createSimulatedPlatform, type SimulatedPayment } from "./platform.ts";
import { PaymentPage } from "./views/payment-page.tsx";

export const devPayPaths = {
  base: "/_dev/pay",
  page: (id: string) => `/_dev/pay/${encodeURIComponent(id)}`,
};

export interface DevPayOptions {
  /** `PUBLIC_URL/_dev/pay`, where the citizen's browser reaches the payment pages. */
  url: string;
  /** The merchant's shared secret (config.payments.epay.secret). */
  secret: string;
  /** The frame of the installation's own pages (the platform belongs to no municipality). */
  chrome: (lang: Lang) => SiteChrome;
  /** Pauses between deliveries of a notification our side did not take. */
  retryDelaysMs?: number[];
}

type Params = { Params: { id: string } };

/**
 * Register only outside production: an ePayBL-style payment platform at /_dev/pay. Its API takes signed
 * requests of the merchant (our payments module, over real HTTP), its hosted page lets the citizen pay,
 * fail or cancel, then it posts a signed notification to the merchant and sends the browser back.
 */
export async function devPayRoutes(app: FastifyInstance, opts: DevPayOptions) {
  const platform = createSimulatedPlatform({
    secret: opts.secret,
    log: app.log,
    retryDelaysMs: opts.retryDelaysMs,
  });
  app.addHook("onClose", async () => platform.close());
  app.addHook("onRequest", async (_request, reply) => {
    reply.header("x-robots-tag", "noindex, nofollow");
    reply.header("cache-control", "no-store");
  });

  await app.register(async (api) => {
    // The signature covers the exact bytes sent: keep the body raw and parse it after the check.
    api.removeContentTypeParser("application/json");
    api.addContentTypeParser("application/json", { parseAs: "buffer" }, (_request, body, done) =>
      done(null, body),
    );

    /** The merchant's request if it is signed with the shared secret and well-formed; else answers it. */
    function signed<S extends TSchema>(request: FastifyRequest, reply: FastifyReply, schema: S) {
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const header = request.headers[epaySignatureHeader];
      const check = checkEpaySignature(opts.secret, body, typeof header === "string" ? header : undefined);
      if (check !== "valid") {
        reply.status(401).send({ error: "signature", detail: check });
        return undefined;
      }
      const parsed = parseEpayJson(schema, body);
      if (!parsed) reply.status(400).send({ error: "invalid-request" });
      return parsed;
    }

    const csrfExempt = { config: { csrf: false } }; // server to server, authenticated by the signature
    api.post(`${devPayPaths.base}${epayApiPaths.payments}`, csrfExempt, async (request, reply) => {
      const paymentRequest = signed(request, reply, epayPaymentRequest);
      if (!paymentRequest) return reply;
      const payment = platform.create(paymentRequest);
      const created: EpayPaymentCreated = {
        paymentId: payment.id,
        paymentPageUrl: `${opts.url}/${encodeURIComponent(payment.id)}`,
        status: "INITIAL",
      };
      return reply.status(201).send(created);
    });

    api.post<Params>(
      `${devPayPaths.base}${epayApiPaths.payments}/:id/erstattungen`,
      csrfExempt,
      async (request, reply) => {
        const refund = signed(request, reply, epayRefundRequest);
        if (!refund) return reply;
        if (refund.paymentId !== request.params.id)
          return reply.status(400).send({ error: "invalid-request" });
        const result = platform.refund(refund.paymentId, refund.amountCents);
        if (result === "unknown") return reply.status(404).send({ error: "unknown-payment" });
        if (typeof result === "string") return reply.status(409).send({ error: result });
        return reply
          .status(201)
          .send({ ...result, paymentId: refund.paymentId, amountCents: refund.amountCents });
      },
    );
  });

  const send = async (reply: FastifyReply, status: number, page: JSX.Element) =>
    reply
      .status(status)
      .type("text/html; charset=utf-8")
      .send(await page);

  const notFound = (request: FastifyRequest, reply: FastifyReply) => {
    const t = devPayMessages[request.lang];
    const model = {
      title: t.notFoundTitle,
      paragraphs: [t.notFoundText],
      path: request.url.split("?")[0] ?? "/",
    };
    return send(reply, 404, MessagePage({ chrome: opts.chrome(request.lang), model }));
  };

  const finished = (request: FastifyRequest, reply: FastifyReply, payment: SimulatedPayment) => {
    const t = devPayMessages[request.lang];
    const model = {
      title: t.finishedTitle,
      paragraphs: [t.finishedText],
      next: { href: payment.request.returnUrl, label: format(t.backTo, { payee: payment.request.payee }) },
      path: devPayPaths.page(payment.id),
    };
    return send(reply, 200, MessagePage({ chrome: opts.chrome(request.lang), model }));
  };

  const paymentPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    payment: SimulatedPayment,
    values: PaymentFormValues,
    errors: FieldError[],
  ) => {
    const model = {
      path: devPayPaths.page(payment.id),
      csrfToken: reply.generateCsrf(),
      payee: payment.request.payee,
      purpose: payment.request.purpose,
      kassenzeichen: payment.request.kassenzeichen,
      amount: formatCents(payment.request.amountCents),
      values,
      errors,
    };
    return send(
      reply,
      errors.length > 0 ? 422 : 200,
      PaymentPage({ chrome: opts.chrome(request.lang), model }),
    );
  };

  app.get<Params>(`${devPayPaths.base}/:id`, async (request, reply) => {
    const payment = platform.find(request.params.id);
    if (!payment) return notFound(request, reply);
    if (payment.status !== "INITIAL") return finished(request, reply, payment);
    return paymentPage(request, reply, payment, emptyPaymentForm, []);
  });

  app.post<Params>(`${devPayPaths.base}/:id`, async (request, reply) => {
    const payment = platform.find(request.params.id);
    if (!payment) return notFound(request, reply);
    const backToMerchant = () => reply.redirect(payment.request.returnUrl, 303);
    const end = async (status: EpayFinalStatus, method: EpayMethod | null) => {
      const decided = platform.decide(payment.id, status, method);
      if (decided) await platform.notify(decided);
      return backToMerchant();
    };
    if (payment.status !== "INITIAL") return backToMerchant(); // a second submit, e.g. after "back"
    const body = formBody(request.body);
    const action = readString(body, "action");
    if (action === "cancel") return end("CANCELED", null);
    if (action === "fail") return end("FAILED", null);
    const values = readPaymentForm(body);
    const checked = checkPaymentForm(values, request.lang);
    if (!checked.method) return paymentPage(request, reply, payment, values, checked.errors);
    return end("PAYED", checked.method);
  });
}
