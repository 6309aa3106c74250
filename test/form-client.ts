/**
 * A browser-like HTTP client for form journeys without a browser: it keeps cookies, reads the CSRF token
 * from the last page and posts url-encoded forms, without following redirects (tests check them).
 */
export interface Page {
  status: number;
  html: string;
  location: string | null;
  headers: Headers;
}

export class FormClient {
  private readonly cookies = new Map<string, string>();
  private csrf = "";

  constructor(readonly baseUrl: string) {}

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  private remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(a));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private async request(path: string, init: RequestInit = {}): Promise<Page> {
    const headers = new Headers(init.headers);
    headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const response = await fetch(new URL(path, this.baseUrl), { ...init, headers, redirect: "manual" });
    this.remember(response);
    const html = await response.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (token) this.csrf = token.replaceAll("&amp;", "&");
    return {
      status: response.status,
      html,
      location: response.headers.get("location"),
      headers: response.headers,
    };
  }

  get(path: string): Promise<Page> {
    return this.request(path);
  }

  /**
   * Posts the fields with the CSRF token of the last page seen (unless `_csrf` is given); a list sends the
   * name once per value, as ticked checkboxes do.
   */
  post(path: string, fields: Record<string, string | readonly string[]>): Promise<Page> {
    const body = new URLSearchParams({ _csrf: this.csrf });
    for (const [name, value] of Object.entries(fields)) {
      if (name === "_csrf") body.delete(name);
      for (const item of typeof value === "string" ? [value] : value) body.append(name, item);
    }
    return this.request(path, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: body.toString(),
    });
  }

  /** Posts a multipart form as a browser does: the CSRF token first, then the fields, then the files. */
  upload(
    path: string,
    fields: Record<string, string>,
    files: { field: string; name: string; type: string; bytes: Uint8Array }[],
  ): Promise<Page> {
    const body = new FormData();
    body.append("_csrf", this.csrf);
    for (const [name, value] of Object.entries(fields)) body.append(name, value);
    for (const file of files) body.append(file.field, new Blob([file.bytes], { type: file.type }), file.name);
    return this.request(path, { method: "POST", body });
  }
}

/** Visible text of an HTML fragment, whitespace collapsed, for readable assertions. */
export function textOf(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replaceAll("&amp;", "&")
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replace(/\s+/g, " ")
    .trim();
}
