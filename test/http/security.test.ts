import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDrivers } from "../db.ts";
import { rawRequest, rawSocketRequest } from "../raw-request.ts";
import { startTestApp, type TestApp } from "../server.ts";

const bodyLimit = 4096;
const htmlPages = ["/", "/usingen", "/neu-anspach/impressum", "/usingen/datenschutz", "/gibt-es-nicht"];

/** A small seeded generator, so a failing random case can be reproduced from the seed in the message. */
function randomGenerator(seed: number) {
  let state = seed >>> 0;
  return (below: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % below;
  };
}

function directive(csp: string, name: string): string {
  return (
    csp
      .split(";")
      .map((d) => d.trim())
      .find((d) => d.startsWith(`${name} `)) ?? ""
  );
}

function formPost(path: string, body = "name=x") {
  return { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body, path };
}

describe.each(testDrivers())("security baseline on %s", (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(driver, { env: { BODY_LIMIT_BYTES: String(bodyLimit) } });
  });
  afterAll(() => t?.close());

  const get = (path: string, init?: RequestInit) => fetch(`${t.url}${path}`, init);
  const socket = (head: string) => rawSocketRequest(t.url, `${head}\r\nConnection: close\r\n\r\n`);

  describe("headers", () => {
    it.each(htmlPages)("%s has a strict CSP without inline script or style", async (path) => {
      const response = await get(path);
      expect(response.headers.get("content-type")).toMatch(/^text\/html/);
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(directive(csp, "default-src")).toBe("default-src 'self'");
      for (const name of ["script-src", "style-src"]) {
        expect(directive(csp, name), name).not.toBe("");
        expect(directive(csp, name)).not.toContain("'unsafe-inline'");
        expect(directive(csp, name)).not.toContain("'unsafe-eval'");
      }
      expect(directive(csp, "frame-ancestors")).toBe("frame-ancestors 'none'");
      expect(directive(csp, "object-src")).toBe("object-src 'none'");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    });

    it.each(htmlPages)("%s carries no inline script or style the CSP would block", async (path) => {
      const html = await (await get(path)).text();
      expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/i);
      expect(html).not.toMatch(/<style[\s>]/i);
      expect(html).not.toMatch(/\sstyle="/i);
      expect(html).not.toMatch(/\son[a-z]+="/i);
    });

    it("echoes a plain X-Request-Id", async () => {
      const response = await get("/usingen", { headers: { "x-request-id": "req-42.abc:def_1" } });
      expect(response.headers.get("x-request-id")).toBe("req-42.abc:def_1");
    });

    it.each(["has spaces", "<script>alert(1)</script>", "x".repeat(65), "ü-umlaut", "a\tb"])(
      "replaces a garbage X-Request-Id (%s)",
      async (garbage) => {
        const response = await rawRequest(t.url, "/", { headers: { "x-request-id": garbage } });
        expect(response.status).toBe(200);
        const id = response.headers["x-request-id"];
        expect(id).not.toBe(garbage);
        expect(id).toMatch(/^[0-9a-f-]{36}$/);
      },
    );

    it("gives every request its own id", async () => {
      const [a, b] = await Promise.all([get("/"), get("/")]);
      expect(a.headers.get("x-request-id")).toBeTruthy();
      expect(a.headers.get("x-request-id")).not.toBe(b.headers.get("x-request-id"));
    });
  });

  describe("CSRF", () => {
    it("rejects a form POST without token with a 403 page", async () => {
      const post = formPost("/usingen");
      const response = await rawRequest(t.url, post.path, post);
      expect(response.status).toBe(403);
      expect(response.headers["content-type"]).toMatch(/^text\/html/);
      expect(response.body).toContain("Formular abgelaufen");
    });

    it("rejects a POST with a forged token and cookie", async () => {
      const post = formPost("/usingen/impressum", "_csrf=forged");
      const response = await rawRequest(t.url, post.path, {
        ...post,
        headers: { ...post.headers, cookie: "__csrf=forged", "csrf-token": "forged" },
      });
      expect(response.status).toBe(403);
    });

    it.each(["PUT", "PATCH", "DELETE"])("rejects %s without token", async (method) => {
      const response = await rawRequest(t.url, "/usingen", { method });
      expect(response.status).toBe(403);
    });

    it("answers problem+json under /api/", async () => {
      const response = await rawRequest(t.url, "/api/v1/tenants", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ slug: "x" }),
      });
      expect(response.status).toBe(403);
      expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(response.body)).toMatchObject({
        type: "/problems/csrf-token-invalid",
        status: 403,
        instance: "/api/v1/tenants",
      });
    });
  });

  describe("bad input is a 4xx, never a 5xx", () => {
    it.each(["bad host!!", "[::1", "..", "a".repeat(300), "host/with/slash", "%00", "usingen.example:port"])(
      "a malformed Host header is a 400 page (%#)",
      async (host) => {
        const response = await socket(`GET /usingen HTTP/1.1\r\nHost: ${host}`);
        expect(response.status).toBe(400);
        expect(response.text).toMatch(/content-type: text\/html/i);
        expect(response.text).toContain("Ungültige Anfrage");
      },
    );

    it("accepts well-formed hosts", async () => {
      for (const host of ["localhost", "127.0.0.1:3000", "[::1]:8080", "rathaus.example.de", "a_b.example"]) {
        expect((await socket(`GET /usingen HTTP/1.1\r\nHost: ${host}`)).status, host).toBe(200);
      }
    });

    it("answers an over-long path segment with 414", async () => {
      for (const path of [
        `/usingen/${"a".repeat(5000)}`,
        `/${"a".repeat(300)}`,
        `/${"a".repeat(300)}/impressum`,
      ]) {
        const response = await rawRequest(t.url, path);
        expect(response.status, path.slice(0, 20)).toBe(414);
        expect(response.headers["content-type"]).toMatch(/^text\/html/);
        expect(response.body).toContain("Ungültige Anfrage");
      }
    });

    it("answers a long slug within the limit with 404", async () => {
      expect((await rawRequest(t.url, `/${"a".repeat(150)}`)).status).toBe(404);
    });

    it("answers a ~20 KB URL with a 4xx", async () => {
      const response = await rawRequest(t.url, `/usingen?q=${"a".repeat(20_000)}`);
      expect([414, 431]).toContain(response.status);
    });

    it("answers malformed percent-encoding with 400 (page, or problem+json under /api/)", async () => {
      const page = await rawRequest(t.url, "/usingen/%E0%A4%A");
      expect(page.status).toBe(400);
      expect(page.headers["content-type"]).toMatch(/^text\/html/);
      expect(page.headers["content-security-policy"]).toContain("script-src 'self'");
      expect(page.headers["x-content-type-options"]).toBe("nosniff");
      const api = await rawRequest(t.url, "/api/v1/tenants/%");
      expect(api.status).toBe(400);
      expect(api.headers["content-type"]).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(api.body)).toMatchObject({
        type: "/problems/bad-request",
        status: 400,
        instance: "/api/v1/tenants/%",
      });
    });

    it.each([
      "garbage",
      ";;;,,,q=",
      "en;q=abc",
      "*;q=0.1,xx-YY",
      "\u00e4\u00f6\u00fc",
      `en,${"x".repeat(10_000)}`,
    ])("answers a bad Accept-Language in German (%#)", async (value) => {
      const response = await rawRequest(t.url, "/usingen", { headers: { "accept-language": value } });
      expect(response.status).toBe(200);
      expect(response.body).toContain('<html lang="de"');
      expect(response.body).toContain("Digitales Rathaus Usingen");
    });

    it("ignores ?lang=xx and sets no language cookie", async () => {
      const response = await get("/usingen?lang=xx");
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<html lang="de"');
      expect(response.headers.get("set-cookie") ?? "").not.toContain("lang=");
    });

    it("remembers ?lang=en in a harmless cookie", async () => {
      const response = await get("/usingen?lang=en");
      const cookie = response.headers.get("set-cookie") ?? "";
      expect(cookie).toMatch(/^lang=en;/);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      expect(cookie).not.toMatch(/Secure/i); // plain http here; see the https test below
    });

    it("answers a body over the limit with a 413 page", async () => {
      const post = formPost("/usingen", `name=${"x".repeat(bodyLimit * 2)}`);
      const response = await rawRequest(t.url, post.path, post);
      expect(response.status).toBe(413);
      expect(response.headers["content-type"]).toMatch(/^text\/html/);
      expect(response.body).toContain("Anfrage zu groß");
    });

    it("answers a body over the limit under /api/ with problem+json 413", async () => {
      const response = await rawRequest(t.url, "/api/v1/tenants", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: "x".repeat(bodyLimit * 2) }),
      });
      expect(response.status).toBe(413);
      expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(response.body)).toMatchObject({ type: "/problems/payload-too-large", status: 413 });
    });

    it("answers invalid JSON under /api/ with problem+json 400", async () => {
      const response = await rawRequest(t.url, "/api/v1/tenants", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{not json",
      });
      expect(response.status).toBe(400);
      expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
      const body = JSON.parse(response.body);
      expect(body).toMatchObject({ type: "/problems/bad-request", status: 400, instance: "/api/v1/tenants" });
      expect(Object.keys(body)).toEqual(
        expect.arrayContaining(["type", "title", "status", "detail", "instance"]),
      );
    });

    it("answers an unknown content type with a 4xx", async () => {
      const response = await rawRequest(t.url, "/api/v1/tenants", {
        method: "POST",
        headers: { "content-type": "application/x-unknown" },
        body: "x",
      });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    });

    it("never answers random garbage paths with a 5xx", async () => {
      const seed = Date.now() % 1_000_000;
      const next = randomGenerator(seed);
      const prefixes = [
        "/",
        "/usingen/",
        "/neu-anspach/",
        "/api/",
        "/api/v1/tenants/",
        "/assets/",
        "/health/",
      ];
      const special = ["%", "%00", "%ff", "%2e%2e", "..", "//", "?", "#", "&lang=", "%E0%A4%A", "\\"];
      for (let i = 0; i < 200; i++) {
        let path = prefixes[next(prefixes.length)] ?? "/";
        const length = next(40);
        for (let c = 0; c < length; c++) {
          path += next(8) === 0 ? special[next(special.length)] : String.fromCharCode(0x21 + next(0x5e));
        }
        const method = next(5) === 0 ? "POST" : "GET";
        const response = await socket(`${method} ${path} HTTP/1.1\r\nHost: localhost`);
        expect(response.status, `seed ${seed}: ${method} ${path}`).toBeGreaterThanOrEqual(200);
        expect(response.status, `seed ${seed}: ${method} ${path}`).toBeLessThan(500);
      }
    });
  });

  describe("over https", () => {
    let https: TestApp;
    beforeAll(async () => {
      https = await startTestApp(driver, { env: { PUBLIC_URL: "https://rathaus.example.de" } });
    });
    afterAll(() => https?.close());

    it("marks cookies Secure and sends HSTS", async () => {
      const response = await fetch(`${https.url}/usingen?lang=en`);
      expect(response.headers.get("set-cookie")).toMatch(/Secure/i);
      expect(response.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
      expect(response.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    });
  });
});
