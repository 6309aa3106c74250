import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

const require = createRequire(import.meta.url);
const kernDist = join(dirname(require.resolve("@kern-ux/native/package.json")), "dist");
const publicDir = fileURLToPath(new URL("../../../public", import.meta.url));
// The ES modules of @simplewebauthn/browser (its package exports "script/index.js" for require).
const webauthnBrowserEsm = join(dirname(require.resolve("@simplewebauthn/browser")), "..", "esm");

/** URL prefix of the static files; requests under it need no session, tenant or language. */
export const assetPrefix = "/assets/";

/** KERN UX, our stylesheet and scripts, and the passkey browser library, served from here (no CDN). */
export async function staticAssets(app: FastifyInstance) {
  await app.register(fastifyStatic, { root: kernDist, prefix: "/assets/kern/", maxAge: "1d", index: false });
  await app.register(fastifyStatic, {
    root: webauthnBrowserEsm,
    prefix: `${assetPrefix}vendor/simplewebauthn-browser/`,
    maxAge: "1d",
    index: false,
    decorateReply: false,
    allowedPath: (path) => path.endsWith(".js"),
  });
  await app.register(fastifyStatic, {
    root: publicDir,
    prefix: assetPrefix,
    maxAge: "1h",
    index: false,
    decorateReply: false,
  });
}
