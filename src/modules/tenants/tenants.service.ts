import { uuidv7 } from "#core/db/ids.ts";
import { tenantScope } from "#core/db/tenant-scope.ts";
import { type Db, inTransaction } from "#core/db/transaction.ts";
import { Conflict, type FieldError, NotFound, ValidationFailed } from "#core/http/errors.ts";
import type { Lang } from "#core/i18n/lang.ts";
import { derivedReferencePrefix } from "#core/references/index.ts";
import { accessibleOnWhite } from "#core/views/colour.ts";
import * as repo from "./tenants.repo.ts";
import type { OpeningHours, PageKey, TenantRow } from "./tenants.schema.ts";

export interface Tenant {
  id: string;
  slug: string;
  name: string;
  officialName: string;
  address: { street: string; postalCode: string; city: string };
  contact: { phone: string; email: string; website: string };
  openingHours: OpeningHours[];
  /** The configured colour, darkened where needed to reach 4.5:1 against white. */
  colour: string;
  logoSvg: string | undefined;
  /** Starts every reference (Aktenzeichen) of the municipality, e.g. "USI" in USI-2026-000123. */
  referencePrefix: string;
}

export interface LegalPage {
  title: string;
  body: string;
  /** Language the text is in; German when no translation exists. */
  lang: Lang;
}

export interface TenantInput {
  slug: string;
  name: string;
  officialName: string;
  street?: string;
  postalCode?: string;
  city?: string;
  phone?: string;
  email?: string;
  website?: string;
  openingHours?: OpeningHours[];
  colour?: string;
  logoSvg?: string;
  hostnames?: string[];
  pages?: { key: PageKey; lang: Lang; title: string; body: string }[];
}

/** Paths the installation itself uses at top level; a municipality cannot take them as its slug. */
export const reservedSlugs = new Set([
  "api",
  "assets",
  "health",
  "metrics",
  "problems",
  "mein-rathaus",
  "admin",
  "betrieb",
]);
const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const hostnamePattern =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/;

export function validateTenantInput(input: TenantInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!slugPattern.test(input.slug) || input.slug.length > 63) {
    errors.push({
      field: "slug",
      message: "Use lower-case letters, digits and single hyphens (at most 63).",
    });
  } else if (reservedSlugs.has(input.slug)) {
    errors.push({ field: "slug", message: `"${input.slug}" is reserved by the installation.` });
  }
  if (!input.name.trim() || input.name.length > 200) errors.push({ field: "name", message: "Give a name." });
  if (!input.officialName.trim() || input.officialName.length > 200) {
    errors.push({ field: "officialName", message: "Give the official name, e.g. Stadt Usingen." });
  }
  if (input.colour !== undefined && !/^#[0-9a-fA-F]{6}$/.test(input.colour)) {
    errors.push({ field: "colour", message: "Use a colour of the form #1a2b3c." });
  }
  if (input.logoSvg !== undefined && !/^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/.test(input.logoSvg)) {
    errors.push({ field: "logoSvg", message: "The logo must be an SVG document." });
  }
  return [...errors, ...hostnameErrors(input.hostnames ?? [])];
}

function hostnameErrors(hostnames: string[]): FieldError[] {
  return hostnames
    .filter((hostname) => !hostnamePattern.test(hostname))
    .map((hostname) => ({ field: "hostnames", message: `Invalid hostname: ${hostname}` }));
}

function toTenant(row: TenantRow): Tenant {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    officialName: row.official_name,
    address: { street: row.street, postalCode: row.postal_code, city: row.city },
    contact: { phone: row.phone, email: row.email, website: row.website },
    openingHours: row.opening_hours,
    colour: accessibleOnWhite(row.primary_colour),
    logoSvg: row.logo_svg ?? undefined,
    referencePrefix: row.reference_prefix ?? derivedReferencePrefix(row.name),
  };
}

interface Snapshot {
  loadedAt: number;
  tenants: Tenant[];
  bySlug: Map<string, Tenant>;
  slugByHostname: Map<string, string>;
}

export type TenantsService = ReturnType<typeof createTenantsService>;

/**
 * Tenants are read on every request and change rarely: they are held in memory and reloaded after
 * `cacheTtlMs` (other instances' changes appear within that time) or at once after a change made here.
 */
export function createTenantsService(db: Db, options: { cacheTtlMs?: number } = {}) {
  const ttl = options.cacheTtlMs ?? 30_000;
  let snapshot: Snapshot | undefined;
  let loading: Promise<Snapshot> | undefined;

  async function load(): Promise<Snapshot> {
    const [rows, hostnames] = await Promise.all([repo.listTenants(db), repo.listHostnames(db)]);
    const tenants = rows.map(toTenant);
    snapshot = {
      loadedAt: Date.now(),
      tenants,
      bySlug: new Map(tenants.map((t) => [t.slug, t])),
      slugByHostname: new Map(hostnames.map((h) => [h.hostname, h.slug])),
    };
    return snapshot;
  }

  function current(): Promise<Snapshot> {
    if (snapshot && Date.now() - snapshot.loadedAt < ttl) return Promise.resolve(snapshot);
    loading ??= load().finally(() => {
      loading = undefined;
    });
    return loading;
  }

  return {
    refresh: load,
    list: async () => (await current()).tenants,
    bySlug: async (slug: string) => (await current()).bySlug.get(slug),
    /** The hostnames a municipality is served on besides /{slug}. */
    hostnamesOf: async (slug: string) =>
      [...(await current()).slugByHostname]
        .filter(([, owner]) => owner === slug)
        .map(([hostname]) => hostname)
        .sort(),

    /** Synchronous, for URL rewriting: answers from the last loaded snapshot and reloads it when stale. */
    slugForHostname(hostname: string): string | undefined {
      if (!snapshot || Date.now() - snapshot.loadedAt >= ttl) current().catch(() => {});
      return snapshot?.slugByHostname.get(hostname);
    },

    async legalPage(tenant: Tenant, key: PageKey, lang: Lang): Promise<LegalPage | undefined> {
      const rows = await repo.findPage(tenantScope(db, tenant.id), key, lang);
      const page = rows.find((r) => r.lang === lang) ?? rows.find((r) => r.lang === "de");
      return page && { title: page.title, body: page.body, lang: page.lang };
    },

    /** Serves the municipality on these hostnames too (replacing earlier ones); an empty list removes them. */
    async setHostnames(slug: string, hostnames: string[]): Promise<Tenant> {
      const normalized = [...new Set(hostnames.map((h) => h.trim().toLowerCase()))];
      const fresh = await load();
      const tenant = fresh.bySlug.get(slug);
      if (!tenant) throw NotFound(`There is no municipality "${slug}".`);
      const errors = hostnameErrors(normalized);
      if (errors.length > 0) throw ValidationFailed(errors);
      const taken = normalized.find((h) => (fresh.slugByHostname.get(h) ?? slug) !== slug);
      if (taken) throw Conflict(`${taken} already belongs to ${fresh.slugByHostname.get(taken)}.`);
      await inTransaction(db, (tx) => repo.replaceHostnames(tx, tenant.id, normalized));
      await load();
      return tenant;
    },

    /** Creates the municipality or updates it when the slug exists (idempotent, used by seed and CLI). */
    async save(input: TenantInput): Promise<Tenant> {
      const errors = validateTenantInput(input);
      if (errors.length > 0) throw ValidationFailed(errors);
      const id = await inTransaction(db, async (tx) => {
        const tenantId = await repo.upsertTenant(tx, {
          id: uuidv7(),
          slug: input.slug,
          name: input.name.trim(),
          official_name: input.officialName.trim(),
          street: input.street ?? "",
          postal_code: input.postalCode ?? "",
          city: input.city ?? "",
          phone: input.phone ?? "",
          email: input.email ?? "",
          website: input.website ?? "",
          opening_hours: JSON.stringify(input.openingHours ?? []),
          primary_colour: input.colour ?? "#0b5394",
          logo_svg: input.logoSvg ?? null,
        });
        if (input.hostnames) await repo.replaceHostnames(tx, tenantId, input.hostnames);
        const scope = tenantScope(tx, tenantId);
        for (const page of input.pages ?? []) {
          await repo.upsertPage(scope, {
            page_key: page.key,
            lang: page.lang,
            title: page.title,
            body: page.body,
          });
        }
        return tenantId;
      });
      const fresh = await load();
      const tenant = fresh.tenants.find((t) => t.id === id);
      if (!tenant) throw new Error(`Tenant ${input.slug} vanished after saving`);
      return tenant;
    },
  };
}
