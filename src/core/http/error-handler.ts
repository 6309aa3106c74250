import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { coreMessages } from "#core/i18n/core.messages.ts";
import { ErrorPage } from "#core/views/error-page.tsx";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { AppError, type FieldError, NotFound } from "./errors.ts";
import { isApiPath, pathOf } from "./request-context.ts";

type CoreText = (typeof coreMessages)["de"];

interface Classified {
  status: number;
  type: string;
  detail: string;
  fields: FieldError[];
  page: { title: keyof CoreText; text: keyof CoreText };
}

const badRequestPage: Classified["page"] = { title: "badRequestTitle", text: "badRequestText" };
const pagesByStatus: Record<number, Classified["page"]> = {
  400: badRequestPage,
  401: { title: "unauthorizedTitle", text: "unauthorizedText" },
  403: { title: "forbiddenTitle", text: "forbiddenText" },
  404: { title: "notFoundTitle", text: "notFoundText" },
  413: { title: "tooLargeTitle", text: "tooLargeText" },
  429: { title: "tooManyTitle", text: "tooManyText" },
};

const csrfPage: Classified["page"] = { title: "csrfTitle", text: "csrfText" };

/** Our own stable problem types for errors raised by Fastify and its plugins (their codes are internals). */
const problemTypeByStatus: Record<number, string> = {
  400: "bad-request",
  401: "unauthorized",
  403: "forbidden",
  404: "not-found",
  405: "method-not-allowed",
  406: "not-acceptable",
  413: "payload-too-large",
  414: "uri-too-long",
  415: "unsupported-media-type",
  429: "too-many-requests",
  431: "headers-too-large",
};

/** Maps anything thrown to a client-safe description; unknown errors become an opaque 500. */
export function classify(error: unknown): Classified {
  if (error instanceof AppError) {
    const page = pagesByStatus[error.status] ?? badRequestPage;
    return { status: error.status, type: error.type, detail: error.message, fields: error.fields, page };
  }
  const fastifyError = error as Partial<FastifyError>;
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const isCsrf = fastifyError.code?.startsWith("FST_CSRF") ?? false;
    const type = isCsrf ? "csrf-token-invalid" : (problemTypeByStatus[status] ?? "bad-request");
    const page = isCsrf ? csrfPage : (pagesByStatus[status] ?? badRequestPage);
    return { status, type, detail: fastifyError.message ?? "Bad request", fields: [], page };
  }
  return {
    status: 500,
    type: "internal-error",
    detail: "An unexpected error occurred. It has been logged.",
    fields: [],
    page: { title: "serverErrorTitle", text: "serverErrorText" },
  };
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: Classified): FastifyReply {
  const body: Record<string, unknown> = {
    type: `/problems/${problem.type}`,
    title: coreMessages.en[problem.page.title],
    status: problem.status,
    detail: problem.detail,
    instance: pathOf(request.url),
    requestId: request.id,
  };
  if (problem.fields.length > 0) body.errors = problem.fields;
  return reply.status(problem.status).type("application/problem+json; charset=utf-8").send(body);
}

export async function sendErrorPage(
  request: FastifyRequest,
  reply: FastifyReply,
  problem: Classified,
  fallbackChrome: (request: FastifyRequest) => SiteChrome,
): Promise<FastifyReply> {
  const chrome = request.chrome ?? fallbackChrome(request);
  const t = coreMessages[chrome.lang];
  const html = await ErrorPage({
    chrome,
    model: {
      title: t[problem.page.title],
      text: t[problem.page.text],
      requestId: problem.status >= 500 ? request.id : undefined,
      path: pathOf(request.url),
    },
  });
  return reply.status(problem.status).type("text/html; charset=utf-8").send(html);
}

/** One place decides how errors look: problem+json under /api/, a localized page everywhere else. */
export function respondWithError(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  fallbackChrome: (r: FastifyRequest) => SiteChrome,
): Promise<FastifyReply> | FastifyReply {
  const problem = classify(error);
  if (problem.status >= 500) request.log.error({ err: error }, "request failed");
  else request.log.info({ status: problem.status, type: problem.type }, "request rejected");
  return isApiPath(request.url)
    ? sendProblem(request, reply, problem)
    : sendErrorPage(request, reply, problem, fallbackChrome);
}

export function registerErrorHandling(
  app: FastifyInstance,
  fallbackChrome: (r: FastifyRequest) => SiteChrome,
) {
  app.setErrorHandler(async (error, request, reply) =>
    respondWithError(error, request, reply, fallbackChrome),
  );
  app.setNotFoundHandler(async (request, reply) =>
    respondWithError(NotFound(), request, reply, fallbackChrome),
  );
}
