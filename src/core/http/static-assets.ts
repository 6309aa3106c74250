import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

const require = createRequire(import.meta.url);
const kernDist = join(dirname(require.resolve("@kern-ux/native/package.json")), "dist");
const publicDir = fileURLToPath(new URL("../../../public", import.meta.url));

/** URL prefix of the static files; requests under it need no session, tenant or language. */
export const assetPrefix = "/assets/";

/** KERN UX and our own stylesheet, served from this installation (no CDN). */
export async function staticAssets(app: FastifyInstance) {
  await app.register(fastifyStatic, { root: kernDist, prefix: "/assets/kern/", maxAge: "1d", index: false });
  await app.register(fastifyStatic, {
    root: publicDir,
    prefix: assetPrefix,
    maxAge: "1h",
    index: false,
    decorateReply: false,
  });
}
