let clients = 0;

/**
 * A browser for pages that call the server with JSON, as public/passkeys.js does (test/form-client.ts sends
 * only forms): cookies, the CSRF token of the last page (its form or a `data-csrf` attribute), form posts, and
 * JSON posts with the token in the X-CSRF-Token header. Each browser has a client address of its own (for an
 * app started with TRUST_PROXY), so rate limits and waiting times of one do not hit the others.
 */
export class JsonBrowser {
  readonly jar = new Map<string, string>();
  readonly ip = `10.0.0.${++clients}`;
  private csrf = "";

  constructor(private readonly baseUrl: string) {}

  async send(path: string, init: { form?: Record<string, string>; json?: unknown; csrf?: string } = {}) {
    const cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
    const headers = new Headers({ cookie, "x-forwarded-for": this.ip });
    let body: string | undefined;
    if (init.form) {
      headers.set("content-type", "application/x-www-form-urlencoded");
      body = new URLSearchParams({ _csrf: this.csrf, ...init.form }).toString();
    } else if (init.json !== undefined) {
      headers.set("content-type", "application/json");
      headers.set("x-csrf-token", init.csrf ?? this.csrf);
      body = JSON.stringify(init.json);
    }
    const method = body === undefined ? "GET" : "POST";
    const response = await fetch(new URL(path, this.baseUrl), { method, headers, body, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const [name = "", value = ""] = pair.split(/=(.*)/s);
      if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    const text = await response.text();
    const token = /(?:name="_csrf" value|data-csrf)="([^"]+)"/.exec(text)?.[1];
    if (token) this.csrf = token.replaceAll("&amp;", "&");
    const type = response.headers.get("content-type") ?? "";
    const parsed = type.includes("json") ? (JSON.parse(text) as Record<string, unknown>) : {};
    return { status: response.status, location: response.headers.get("location"), type, text, body: parsed };
  }

  get = (path: string) => this.send(path);
  form = (path: string, fields: Record<string, string>) => this.send(path, { form: fields });
  json = (path: string, json: unknown, csrf?: string) => this.send(path, { json, csrf });
}
