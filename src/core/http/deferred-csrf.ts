import type { FastifyReply, FastifyRequest } from "fastify";

/**
 * Checks a CSRF token that was not in a parsed body, with @fastify/csrf-protection's own check: a multipart
 * form's token arrives as its first field while the stream is read (see readUploadForm). `token` undefined
 * falls back to the plugin's headers (`x-csrf-token`, …). Rejects with the plugin's 403 error.
 */
export function verifyCsrfToken(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string | undefined,
): Promise<void> {
  const body = request.body;
  request.body = token === undefined ? undefined : { _csrf: token };
  return new Promise<void>((resolve, reject) => {
    // The plugin answers a failed check with reply.send(error); here that error is thrown instead.
    const capture: FastifyReply = Object.create(reply, {
      send: {
        value: (error: unknown) => {
          reject(error);
          return capture;
        },
      },
    });
    request.server.csrfProtection(request, capture, () => resolve());
  }).finally(() => {
    request.body = body;
  });
}
