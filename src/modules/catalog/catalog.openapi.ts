import type { OpenApiContribution } from "#core/http/openapi.ts";
import { categoryKeys, lifeSituationKeys } from "./catalog.vocabulary.ts";

const translated = {
  type: "object",
  required: ["de", "en"],
  properties: { de: { type: "string" }, en: { type: "string", description: "Empty when not translated." } },
};

const etagHeaders = {
  ETag: {
    description: "Strong validator over the body; send it back as If-None-Match.",
    schema: { type: "string" },
  },
};

const ifNoneMatch = {
  name: "If-None-Match",
  in: "header",
  required: false,
  description: "ETag of a copy the client holds; unchanged → 304 without a body.",
  schema: { type: "string" },
};

const notModified = { description: "Not modified since the ETag given.", headers: etagHeaders };

/** The service catalog's part of /api/v1/openapi.json. */
export const catalogOpenApi: OpenApiContribution = {
  tags: [{ name: "Leistungen", description: "The service catalog (Leistungskatalog) of a municipality." }],
  schemas: {
    Service: {
      type: "object",
      required: ["slug", "name", "summary", "lifeSituations", "categories", "formKey", "links"],
      properties: {
        slug: { type: "string" },
        leikaKey: {
          type: ["string", "null"],
          pattern: "^[0-9]{14}$",
          description: "LeiKa Leistungsschlüssel.",
        },
        name: translated,
        summary: translated,
        description: { ...translated, description: "Markdown." },
        plainLanguage: { type: "string", description: "Summary in plain German (Leichte Sprache)." },
        lifeSituations: { type: "array", items: { type: "string", enum: lifeSituationKeys } },
        categories: { type: "array", items: { type: "string", enum: categoryKeys } },
        office: {
          type: "object",
          properties: {
            name: { type: "string" },
            phone: { type: "string" },
            email: { type: "string" },
            address: { type: "string" },
          },
        },
        openingHours: {
          type: "array",
          items: { type: "object", properties: { days: { type: "string" }, hours: { type: "string" } } },
        },
        fees: { type: "string" },
        documents: { type: "array", items: { type: "string" } },
        legalBases: {
          type: "array",
          items: { type: "object", properties: { title: { type: "string" }, url: { type: "string" } } },
        },
        processingTime: { type: "string" },
        fullyOnline: { type: "boolean" },
        formKey: {
          type: ["string", "null"],
          description: "Online form; null when only in person or by post.",
        },
        popularity: { type: "integer", minimum: 0 },
        updatedAt: { type: "string", format: "date-time" },
        links: {
          type: "object",
          properties: {
            self: { type: "string" },
            page: { type: "string" },
            apply: { type: ["string", "null"] },
          },
        },
      },
    },
    ServiceList: {
      type: "object",
      required: ["items", "next"],
      properties: {
        items: { type: "array", items: { $ref: "#/components/schemas/Service" } },
        next: { type: ["string", "null"], description: "URL of the next page (keyset by slug), or null." },
      },
    },
  },
  paths: {
    "/api/v1/{tenant}/services": {
      get: {
        tags: ["Leistungen"],
        summary: "All services of a municipality, ordered by slug",
        parameters: [
          { $ref: "#/components/parameters/Tenant" },
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100, default: 50 } },
          {
            name: "after",
            in: "query",
            description: "Slug of the last service of the previous page.",
            schema: { type: "string" },
          },
          ifNoneMatch,
        ],
        responses: {
          "200": {
            description: "A page of services.",
            headers: etagHeaders,
            content: { "application/json": { schema: { $ref: "#/components/schemas/ServiceList" } } },
          },
          "304": notModified,
          "400": { $ref: "#/components/responses/BadRequest" },
          "404": { $ref: "#/components/responses/NotFound" },
        },
      },
    },
    "/api/v1/{tenant}/services/{service}": {
      get: {
        tags: ["Leistungen"],
        summary: "One service",
        parameters: [
          { $ref: "#/components/parameters/Tenant" },
          { name: "service", in: "path", required: true, schema: { type: "string" } },
          ifNoneMatch,
        ],
        responses: {
          "200": {
            description: "The service.",
            headers: etagHeaders,
            content: { "application/json": { schema: { $ref: "#/components/schemas/Service" } } },
          },
          "304": notModified,
          "404": { $ref: "#/components/responses/NotFound" },
        },
      },
    },
  },
};
