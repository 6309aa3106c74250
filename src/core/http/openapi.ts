import type { FastifyInstance } from "fastify";

/** Part of the API description a module contributes: its paths, the schemas and security schemes they use. */
export interface OpenApiContribution {
  paths: Record<string, unknown>;
  schemas?: Record<string, unknown>;
  /** E.g. a bearer token its paths name in `security`. */
  securitySchemes?: Record<string, unknown>;
  tags?: { name: string; description: string }[];
}

export const openApiPath = "/api/v1/openapi.json";

/** The shared parts every module may reference: RFC 9457 problems and the municipality path parameter. */
const common = {
  schemas: {
    Problem: {
      type: "object",
      description: "RFC 9457 problem details.",
      required: ["type", "title", "status"],
      properties: {
        type: { type: "string", examples: ["/problems/not-found"] },
        title: { type: "string" },
        status: { type: "integer" },
        detail: { type: "string" },
        instance: { type: "string" },
        requestId: { type: "string" },
      },
    },
  },
  parameters: {
    Tenant: {
      name: "tenant",
      in: "path",
      required: true,
      description: "Slug of the municipality, e.g. usingen.",
      schema: { type: "string", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$" },
    },
  },
  responses: {
    NotFound: {
      description: "No such municipality or resource.",
      content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
    },
    BadRequest: {
      description: "Invalid parameters.",
      content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
    },
  },
};

/** One OpenAPI 3.1 document from the modules' contributions; app.ts lists them. */
export function openApiDocument(contributions: OpenApiContribution[], serverUrl: string) {
  const securitySchemes = Object.assign({}, ...contributions.map((c) => c.securitySchemes ?? {}));
  return {
    openapi: "3.1.0",
    info: {
      title: "Digitales Rathaus API",
      version: "1",
      description: "Public JSON API of the Digitales Rathaus. Errors are RFC 9457 problem details.",
      license: { name: "EUPL-1.2", identifier: "EUPL-1.2" },
    },
    servers: [{ url: serverUrl }],
    tags: contributions.flatMap((c) => c.tags ?? []),
    paths: Object.assign({}, ...contributions.map((c) => c.paths)),
    components: {
      ...common,
      schemas: Object.assign({ ...common.schemas }, ...contributions.map((c) => c.schemas ?? {})),
      ...(Object.keys(securitySchemes).length > 0 && { securitySchemes }),
    },
  };
}

/** Serves the document at /api/v1/openapi.json. */
export async function openApiRoutes(
  app: FastifyInstance,
  opts: { contributions: OpenApiContribution[]; publicUrl: string },
) {
  const body = JSON.stringify(openApiDocument(opts.contributions, opts.publicUrl));
  app.get(openApiPath, async (_request, reply) =>
    reply
      .type("application/json; charset=utf-8")
      .header("access-control-allow-origin", "*")
      .header("cache-control", "public, max-age=300")
      .send(body),
  );
}
