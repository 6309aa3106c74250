import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./catalog.markdown.ts";
import { createPageCache } from "./catalog.page-cache.ts";
import { toPrefixQuery } from "./catalog.service.ts";
import { formatLeikaKey, isLeikaKey, normalizeLeikaKey, parseLeikaKey } from "./leika.ts";

describe("LeiKa keys", () => {
  it("are 14 digits in five parts", () => {
    expect(parseLeikaKey("99102013104000")).toEqual({
      catalogue: "99",
      group: "102",
      subject: "013",
      action: "104",
      detail: "000",
    });
    expect(formatLeikaKey("99102013104000")).toBe("99 102 013 104 000");
    expect(normalizeLeikaKey(" 99 102 013 104 000 ")).toBe("99102013104000");
    for (const bad of ["", "9910201310400", "991020131040000", "9910201310400a", "99-102-013-104-000"]) {
      expect(isLeikaKey(bad), bad).toBe(false);
    }
  });
});

describe("search words to tsquery", () => {
  it("matches every word as a prefix, and nothing else reaches PostgreSQL", () => {
    expect(toPrefixQuery("Hund anmelden")).toBe("Hund:* & anmelden:*");
    expect(toPrefixQuery("  !&|():* ")).toBeUndefined();
    fc.assert(
      fc.property(fc.string(), (text) => {
        const query = toPrefixQuery(text);
        if (query !== undefined) expect(query).toMatch(/^[\p{L}\p{N}]+:\*( & [\p{L}\p{N}]+:\*)*$/u);
      }),
    );
  });
});

describe("Markdown descriptions", () => {
  it("escape HTML, refuse script links and images, and start headings below the page's h2", () => {
    const html = renderMarkdown(
      '# Ablauf\n\n<script>alert(1)</script> [x](javascript:alert(1)) ![bild](https://evil.example/a.png) <img src=x onerror="y">',
    );
    expect(html).toContain("<h3>Ablauf</h3>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).not.toContain("<script");
    expect(html).not.toContain('href="javascript:');
    expect(html).not.toContain("<img");
  });
});

describe("rendered-page cache", () => {
  it("keeps pages per municipality until invalidated or the municipality's data was reloaded", () => {
    const cache = createPageCache({ maxEntriesPerTenant: 2 });
    const tenant = {};
    cache.set(tenant, "t1", "a", "A");
    cache.set(tenant, "t1", "b", "B");
    cache.set(tenant, "t1", "c", "C");
    expect([cache.get(tenant, "t1", "a"), cache.get(tenant, "t1", "c")]).toEqual([undefined, "C"]);
    expect(cache.get({}, "t1", "c"), "a reloaded tenant object drops its pages").toBeUndefined();
    cache.set(tenant, "t1", "a", "A");
    cache.invalidate("t1");
    expect(cache.size()).toBe(0);
  });
});
