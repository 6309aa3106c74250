import { uuidv7 } from "#core/db/ids.ts";
import { tenantScope } from "#core/db/tenant-scope.ts";
import { type Db, inTransaction } from "#core/db/transaction.ts";
import { ValidationFailed } from "#core/http/errors.ts";
import type { Lang } from "#core/i18n/lang.ts";
import { type CatalogService, toService } from "./catalog.model.ts";
import type { PageCache } from "./catalog.page-cache.ts";
import * as repo from "./catalog.repo.ts";
import { type ServiceInput, validateServiceInput } from "./catalog.validation.ts";
import type { LifeSituation } from "./catalog.vocabulary.ts";
import { normalizeLeikaKey } from "./leika.ts";

export interface SearchResult {
  services: CatalogService[];
  /** true when nothing matched exactly and these are similar spellings (pg_trgm). */
  fuzzy: boolean;
}

const maxSearchResults = 50;
const maxWords = 8;

/**
 * Plain words → a tsquery: each word stemmed by the german configuration and matched as a prefix, so
 * "Hund" finds "Hundesteuer" (German compounds are one token). Only letters and digits reach PostgreSQL,
 * so no input can be a tsquery syntax error.
 */
export function toPrefixQuery(text: string): string | undefined {
  const words = text.normalize("NFC").match(/[\p{L}\p{N}]+/gu) ?? [];
  const terms = words.slice(0, maxWords).map((word) => `${word.slice(0, 60)}:*`);
  return terms.length > 0 ? terms.join(" & ") : undefined;
}

export type CatalogServiceApi = ReturnType<typeof createCatalogService>;

/**
 * The service catalog of every municipality. Writes go through `save`, which drops the municipality's
 * rendered pages from `pages`, so the public pages never show an outdated service.
 */
export function createCatalogService(db: Db, pages: PageCache) {
  let trigram: Promise<boolean> | undefined;
  const scope = (tenantId: string) => tenantScope(db, tenantId);

  return {
    pages,

    /** Creates the service or updates the one with the same slug (idempotent, used by the seed). */
    async save(tenantId: string, input: ServiceInput, lang: Lang = "de"): Promise<CatalogService> {
      const errors = validateServiceInput(input, lang);
      if (errors.length > 0) throw ValidationFailed(errors);
      const saved = await inTransaction(db, async (tx) => {
        const txScope = tenantScope(tx, tenantId);
        await repo.upsertService(txScope, {
          id: uuidv7(),
          slug: input.slug,
          leika_key: input.leikaKey ? (normalizeLeikaKey(input.leikaKey) ?? null) : null,
          name_de: input.name.trim(),
          name_en: input.nameEn?.trim() ?? "",
          summary_de: input.summary?.trim() ?? "",
          summary_en: input.summaryEn?.trim() ?? "",
          description_de: input.description ?? "",
          description_en: input.descriptionEn ?? "",
          plain_language_de: input.plainLanguage ?? "",
          keywords: input.keywords ?? "",
          life_situations: JSON.stringify(input.lifeSituations ?? []),
          categories: JSON.stringify(input.categories ?? []),
          department_id: input.departmentId ?? null,
          office: JSON.stringify({ name: "", phone: "", email: "", address: "", ...input.office }),
          opening_hours: JSON.stringify(input.openingHours ?? []),
          fees: input.fees ?? "",
          payment_policy: input.paymentPolicy ?? "none",
          fixed_fee_cents: input.fixedFeeCents ?? 0,
          fee_legal_basis: input.feeLegalBasis?.trim() ?? "",
          documents: JSON.stringify(input.documents ?? []),
          legal_bases: JSON.stringify(input.legalBases ?? []),
          processing_time: input.processingTime ?? "",
          fully_online: input.fullyOnline ?? false,
          form_key: input.formKey ?? null,
          popularity: input.popularity ?? 0,
        });
        return repo.findBySlug(txScope, input.slug);
      });
      pages.invalidate(tenantId);
      if (!saved) throw new Error(`Service ${input.slug} vanished after saving`);
      return toService(saved);
    },

    async bySlug(tenantId: string, slug: string): Promise<CatalogService | undefined> {
      const row = await repo.findBySlug(scope(tenantId), slug);
      return row && toService(row);
    },

    async list(tenantId: string): Promise<CatalogService[]> {
      return (await repo.listAll(scope(tenantId))).map(toService);
    },

    async popular(tenantId: string, limit = 6): Promise<CatalogService[]> {
      return (await repo.listPopular(scope(tenantId), limit)).map(toService);
    },

    async byLifeSituation(tenantId: string, key: LifeSituation): Promise<CatalogService[]> {
      return (await repo.listByLifeSituation(scope(tenantId), key)).map(toService);
    },

    /** Keyset page by slug: pass the last slug of a page as `after` for the next. */
    async page(tenantId: string, after: string | undefined, limit: number): Promise<CatalogService[]> {
      return (await repo.listPage(scope(tenantId), { after, limit })).map(toService);
    },

    /** Full text first; when that finds nothing, similar spellings where pg_trgm is installed. */
    async search(tenantId: string, text: string): Promise<SearchResult> {
      const tsquery = toPrefixQuery(text);
      if (!tsquery) return { services: [], fuzzy: false };
      const exact = await repo.searchFullText(scope(tenantId), tsquery, maxSearchResults);
      if (exact.length > 0) return { services: exact.map(toService), fuzzy: false };
      trigram ??= repo.hasTrigramSupport(db);
      if (!(await trigram)) return { services: [], fuzzy: false };
      const similar = await repo.searchSimilar(scope(tenantId), text.slice(0, 200), maxSearchResults);
      return { services: similar.map(toService), fuzzy: similar.length > 0 };
    },
  };
}
