import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buffer } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "#core/db/connect.ts";
import { uuidv7 } from "#core/db/ids.ts";
import { createFileServices, type FileServices } from "#core/files/index.ts";
import { freshDatabase, testDrivers } from "#test/db.ts";
import { closedPort, eicar, startFakeClamd } from "#test/fake-clamd.ts";
import { textOf } from "#test/form-client.ts";
import { rawRequest } from "#test/raw-request.ts";
import { insertTenantRow } from "#test/tenant-rows.ts";
import { startUploadApp } from "#test/upload-app.tsx";

const pdf = (bytes = 200) => Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(bytes - 9, 32)]);
const png = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000049454e44ae426082",
  "hex",
);
const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(300)]);

type Part = [name: string, value: string] | [name: string, content: Buffer, fileName: string];

/** A browser-like client: it keeps the cookies and the token of the form page and posts multipart forms. */
async function formSession(url: string, lang = "de") {
  const page = await fetch(`${url}/formular?lang=${lang}`);
  const cookie = page.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  const html = await page.text();
  expect(html).toMatch(/^<form[^>]* enctype="multipart\/form-data"[^>]*><input type="hidden" name="_csrf"/);
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";
  const post = async (parts: Part[], options: { path?: string; headers?: Record<string, string> } = {}) => {
    const body = new FormData();
    for (const [name, value, fileName] of parts) {
      if (typeof value === "string") body.append(name, value);
      else body.append(name, new Blob([value], { type: "application/pdf" }), fileName);
    }
    const response = await fetch(`${url}${options.path ?? "/formular"}`, {
      method: "POST",
      headers: { cookie, ...options.headers },
      body,
    });
    const raw = await response.text();
    const json = response.headers.get("content-type")?.includes("json") ? JSON.parse(raw) : undefined;
    return { status: response.status, json, text: textOf(raw) };
  };
  return { token, cookie, post };
}

describe.each(testDrivers())("multipart uploads through readUploadForm on %s", (driver) => {
  let database: DatabaseHandle;
  let root: string;
  let tenant: string;
  const draft = uuidv7();
  const apps: Awaited<ReturnType<typeof startUploadApp>>[] = [];
  let url: string;
  let files: FileServices;

  async function appWith(options: { clamd?: { host: string; port: number } }) {
    const started = await startUploadApp(
      createFileServices(database.db, { root, ...options }),
      tenant,
      draft,
    );
    apps.push(started);
    return started.url;
  }

  beforeAll(async () => {
    database = await freshDatabase(driver);
    root = await mkdtemp(join(tmpdir(), "rathaus-uploads-"));
    tenant = await insertTenantRow(database.db, "usingen");
    files = createFileServices(database.db, { root });
    const started = await startUploadApp(files, tenant, draft);
    apps.push(started);
    url = started.url;
  });
  afterAll(async () => {
    for (const { app } of apps) await app.close();
    await database?.close();
    await rm(root, { recursive: true, force: true });
  });

  it("stores the accepted files with their type detected from the content, and keeps the text fields", async () => {
    const { token, post } = await formSession(url);
    const response = await post([
      ["_csrf", token],
      ["name", "Jürgen Müller"],
      ["tiere", "Hund"],
      ["tiere", "Katze"],
      ["ausweis", pdf(), "Ausweis.PDF"],
      ["fotos", png, "C:\\Users\\jm\\Bild 1.jpg"],
      ["fotos", Buffer.alloc(0), ""], // the empty "add another" input a browser sends as well
    ]);
    expect(response.status).toBe(200);
    expect(response.json.fields).toEqual({ name: "Jürgen Müller", tiere: ["Hund", "Katze"] });
    expect(
      response.json.saved.map((f: Record<string, unknown>) => [
        f.originalName,
        f.mediaType,
        f.documentType,
        f.size,
      ]),
    ).toEqual([
      ["Ausweis.PDF", "application/pdf", "ausweis", 200],
      ["Bild 1.jpg", "image/png", "fotos", png.length],
    ]);
    const stored = await files.store.open(tenant, response.json.saved[1].id, {
      kind: "application_draft",
      id: draft,
    });
    expect(stored && (await buffer(stored.stream)).equals(png)).toBe(true);
    // Nothing is left behind in the incoming folder once the answer is sent.
    await vi.waitFor(async () => expect(await readdir(join(root, "incoming"))).toEqual([]));
  });

  it("refuses an .exe renamed .pdf, a file too large, too many files and unknown types at their fields", async () => {
    const { token, post } = await formSession(url);
    const response = await post([
      ["_csrf", token],
      ["name", "Erika"],
      ["ausweis", exe, "Ausweis.pdf"],
      ["fotos", pdf(4_001), "gross.pdf"],
      ["fotos", Buffer.from("just some text"), "notiz.txt"],
      ["fotos", png, "a.png"],
      ["fotos", png, "b.png"],
    ]);
    expect(response.status).toBe(422);
    expect(response.json.fields).toEqual({ name: "Erika" });
    expect(response.json.errors).toEqual([
      {
        field: "ausweis",
        message:
          "Die Datei „Ausweis.pdf“ ist dem Inhalt nach keine PDF-Datei: Laden Sie eine echte Datei in einem dieser Formate hoch: PDF",
      },
      {
        field: "fotos",
        message: "Die Datei „gross.pdf“ ist größer als 3,9 KB: Laden Sie eine kleinere Datei hoch",
      },
      {
        field: "fotos",
        message: "Laden Sie die Datei „notiz.txt“ in einem dieser Formate hoch: PDF, JPEG oder PNG",
      },
      { field: "fotos", message: "Laden Sie hier höchstens 3 Dateien hoch" },
    ]);
    await vi.waitFor(async () => expect(await readdir(join(root, "incoming"))).toEqual([]));
  });

  it("words the problems in English on English pages and counts the total of all files", async () => {
    const { token, post } = await formSession(url, "en");
    const response = await post([
      ["_csrf", token],
      ["ausweis", pdf(1_900), "id.pdf"],
      ["fotos", pdf(3_000), "one.pdf"],
      ["fotos", pdf(3_000), "two.pdf"],
    ]);
    expect(response.status).toBe(422);
    expect(response.json.errors).toEqual([
      {
        field: "fotos",
        message: "The file “two.pdf” was not accepted: all files together may be at most 5.9 KB",
      },
    ]);
  });

  it("answers 413 for more file parts, fields or longer values than allowed, never a 500", async () => {
    const { token, post } = await formSession(url);
    const many = Array.from({ length: 7 }, (_, i): Part => ["fotos", png, `${i}.png`]);
    const tooMany = await post([["_csrf", token], ...many]);
    expect(tooMany.status).toBe(413);
    expect(tooMany.text).toContain("Anfrage zu groß");
    const problem = await post([["_csrf", token], ...many], { path: "/api/formular" });
    expect(problem.json).toMatchObject({ type: "/problems/payload-too-large", status: 413 });
    expect(
      (
        await post([
          ["_csrf", token],
          ["name", "x".repeat(1_001)],
        ])
      ).status,
    ).toBe(413);
  });

  it("refuses the request when the CSRF token is missing, wrong or comes after a file", async () => {
    const { token, post } = await formSession(url);
    const missing = await post([["ausweis", pdf(), "a.pdf"]]);
    expect(missing.status).toBe(403);
    expect(missing.text).toContain("Formular abgelaufen");
    expect(
      (
        await post([
          ["_csrf", "forged"],
          ["ausweis", pdf(), "a.pdf"],
        ])
      ).status,
    ).toBe(403);
    expect(
      (
        await post([
          ["ausweis", pdf(), "a.pdf"],
          ["_csrf", token],
        ])
      ).status,
    ).toBe(403);
    expect((await post([])).status).toBe(403);
    const other = await formSession(url); // a token of another browser does not fit this one's cookie
    expect((await post([["_csrf", other.token]])).status).toBe(403);
    // Scripts may send the token as a header instead.
    expect((await post([["name", "per Header"]], { headers: { "x-csrf-token": token } })).status).toBe(200);
    expect((await post([["name", "x"]], { headers: { "x-csrf-token": "forged" } })).status).toBe(403);
    expect(await files.store.list(tenant, { kind: "application_draft", id: draft })).toHaveLength(2);
  });

  it("answers a url-encoded post with its fields and checks its token the usual way", async () => {
    const { token, cookie } = await formSession(url);
    const post = (body: string) =>
      fetch(`${url}/formular`, {
        method: "POST",
        headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
        body,
      });
    const ok = await post(`_csrf=${encodeURIComponent(token)}&name=Ohne+Datei`);
    expect(await ok.json()).toEqual({ fields: { name: "Ohne Datei" }, saved: [] });
    expect((await post("name=x")).status).toBe(403);
  });

  it("answers 415 to a multipart post to a route that reads no uploads, whatever its token", async () => {
    const { token, post } = await formSession(url);
    expect((await post([["_csrf", token]], { path: "/ohne-dateien" })).status).toBe(415);
    const header = { "x-csrf-token": token };
    expect((await post([["name", "x"]], { path: "/ohne-dateien", headers: header })).status).toBe(415);
  });

  it("answers malformed and tampered bodies with 400", async () => {
    const { token, cookie, post } = await formSession(url);
    expect(
      (
        await post([
          ["_csrf", token],
          ["lebenslauf", pdf(), "cv.pdf"],
        ])
      ).status,
    ).toBe(400);
    expect(
      (
        await post([
          ["_csrf", token],
          ["name", "a\u0000b"],
        ])
      ).status,
    ).toBe(400);
    const boundary = "----x";
    const truncated = `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n--${boundary}\r\nContent-Disposition: form-data; name="ausweis"; filename="a.pdf"\r\n\r\n%PDF-1.7 and then the body stops`;
    const response = await rawRequest(url, "/formular", {
      method: "POST",
      headers: { cookie, "content-type": `multipart/form-data; boundary=${boundary}` },
      body: truncated,
    });
    expect(response.status).toBe(400);
    const garbage = await rawRequest(url, "/formular", {
      method: "POST",
      headers: { cookie, "content-type": "multipart/form-data; boundary=zzz" },
      body: "this is not multipart at all",
    });
    expect(garbage.status).toBe(400);
  });

  it("scans with clamd when configured and refuses infected files and files it could not check", async () => {
    const clamd = await startFakeClamd();
    try {
      const scanned = await appWith({ clamd: { host: clamd.host, port: clamd.port } });
      const session = await formSession(scanned);
      const infected = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.from(eicar)]);
      const refused = await session.post([
        ["_csrf", session.token],
        ["ausweis", infected, "scan.pdf"],
      ]);
      expect(refused.status).toBe(422);
      expect(refused.json.errors).toEqual([
        {
          field: "ausweis",
          message: "Die Datei „scan.pdf“ enthält Schadsoftware und wurde nicht angenommen",
        },
      ]);
      expect(
        (
          await session.post([
            ["_csrf", session.token],
            ["ausweis", pdf(), "ok.pdf"],
          ])
        ).status,
      ).toBe(200);
      expect(clamd.received).toHaveLength(2);
    } finally {
      await clamd.close();
    }
    const unreachable = await appWith({ clamd: { host: "127.0.0.1", port: await closedPort() } });
    const session = await formSession(unreachable);
    const response = await session.post([
      ["_csrf", session.token],
      ["ausweis", pdf(), "ok.pdf"],
    ]);
    expect(response.status).toBe(422);
    expect(response.json.errors[0].message).toContain("konnte gerade nicht auf Schadsoftware geprüft werden");
  });
});
