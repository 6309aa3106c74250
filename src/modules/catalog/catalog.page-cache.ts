/**
 * Rendered public catalog pages, kept as HTML strings per municipality. Public pages are read far more often
 * than services change: sending a stored string costs a fraction of rendering the TSX page again (see
 * BENCHMARKS.md). A municipality's entries are dropped when one of its services is written
 * (`invalidate`, called by the catalog service) and when its own data (name, address, opening hours) was
 * reloaded, which `get` notices because the tenant object it was rendered with is no longer current.
 *
 * The key holds everything a page depends on besides the catalog: the path with its query, and the page
 * frame (language, URL prefix, the header's "Anmelden"/"Mein Konto" link), serialised whole so that anything
 * per-request a module adds to the frame later splits the key instead of leaking between visitors. Pages
 * with a CSRF token or other per-user content must not use this cache.
 */
export interface PageCache {
  get(tenant: object, tenantId: string, key: string): string | undefined;
  set(tenant: object, tenantId: string, key: string, html: string): void;
  invalidate(tenantId: string): void;
  size(): number;
}

interface Bucket {
  tenant: object;
  pages: Map<string, string>;
}

export function createPageCache(options: { maxEntriesPerTenant?: number } = {}): PageCache {
  const max = options.maxEntriesPerTenant ?? 500;
  const buckets = new Map<string, Bucket>();

  function bucketFor(tenant: object, tenantId: string): Bucket {
    const bucket = buckets.get(tenantId);
    if (bucket && bucket.tenant === tenant) return bucket;
    const fresh = { tenant, pages: new Map<string, string>() };
    buckets.set(tenantId, fresh);
    return fresh;
  }

  return {
    get: (tenant, tenantId, key) => bucketFor(tenant, tenantId).pages.get(key),
    set(tenant, tenantId, key, html) {
      if (max <= 0) return;
      const { pages } = bucketFor(tenant, tenantId);
      if (pages.size >= max && !pages.has(key)) {
        const oldest = pages.keys().next().value;
        if (oldest !== undefined) pages.delete(oldest);
      }
      pages.set(key, html);
    },
    invalidate: (tenantId) => void buckets.delete(tenantId),
    size: () => [...buckets.values()].reduce((sum, b) => sum + b.pages.size, 0),
  };
}
