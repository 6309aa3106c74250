import type { AddressInfo } from "node:net";
import Fastify, { type FastifyInstance } from "fastify";
import type { FileServices, UploadFormSpec } from "#core/files/index.ts";
import { registerErrorHandling } from "#core/http/error-handler.ts";
import { languagePlugin } from "#core/http/language.ts";
import { securityPlugin } from "#core/http/security.ts";
import { Form } from "#core/views/form/index.ts";
import { installationChrome } from "#modules/tenants/index.ts";

export const pdfOrImage = ["application/pdf", "image/jpeg", "image/png"];

/** The limits the upload tests post against: small, so oversized files stay small too. */
export const testUploadSpec: UploadFormSpec = {
  files: {
    ausweis: { accept: ["application/pdf"], maxFiles: 1, maxFileBytes: 2_000 },
    fotos: { accept: pdfOrImage, maxFiles: 3, maxFileBytes: 4_000 },
  },
  maxFiles: 6,
  maxTotalBytes: 6_000,
  maxFieldBytes: 1_000,
};

/**
 * A small app with the real security plugin and error handling and one upload form: GET /formular shows it,
 * POST /formular (and /api/formular, for problem+json) reads it with readUploadForm and saves what was
 * accepted for one draft, answering JSON.
 */
export async function startUploadApp(files: FileServices, tenantId: string, draftId: string) {
  const app: FastifyInstance = Fastify({ logger: false });
  app.decorateRequest("chrome", undefined);
  await app.register(securityPlugin, { cookieSecret: "s".repeat(32), secureCookies: false });
  await app.register(languagePlugin, { secureCookies: false });
  registerErrorHandling(app, (request) => installationChrome(request.lang));
  // The real Form component: its hidden `_csrf` input comes first, so browsers send the token before any file.
  app.get("/formular", async (_request, reply) => {
    const page = (
      <Form action="/formular" csrfToken={reply.generateCsrf()} enctype="multipart/form-data">
        <input type="text" name="name" />
        <input type="file" name="ausweis" />
        <input type="file" name="fotos" multiple />
      </Form>
    );
    return reply.type("text/html").send(await page);
  });
  app.post("/ohne-dateien", async () => ({ ok: true }));
  for (const path of ["/formular", "/api/formular"]) {
    app.post(path, { config: { multipartForm: true } }, async (request, reply) => {
      const form = await files.readUploadForm(request, reply, testUploadSpec);
      if (form.errors.length > 0) return reply.status(422).send({ fields: form.fields, errors: form.errors });
      const owner = { kind: "application_draft", id: draftId };
      const saved = [];
      for (const file of form.files) {
        saved.push(await files.store.save(tenantId, file, { owner, documentType: file.field }));
      }
      return { fields: form.fields, saved };
    });
  }
  await app.listen({ port: 0, host: "127.0.0.1" });
  return { app, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}
