import { describe, expect, it } from "vitest";
import { renderMail } from "./mail-layout.tsx";

const usingen = { officialName: "Stadt Usingen", addressLines: ["Wilhelmjstraße 1", "61250 Usingen"] };

describe("renderMail", () => {
  it("lays out a German mail as text and HTML", () => {
    const { text, html } = renderMail({
      lang: "de",
      municipality: usingen,
      heading: "Passwort zurücksetzen",
      paragraphs: ["Sie haben ein neues Passwort angefordert.", "Der Link gilt eine Stunde."],
      action: { label: "Neues Passwort festlegen", url: "https://rathaus.example/usingen/passwort?t=abc" },
      footer: "Sie erhalten diese E-Mail, weil Sie ein Konto im Digitalen Rathaus haben.",
    });
    expect(text).toBe(
      [
        "Stadt Usingen",
        "Passwort zurücksetzen\n=====================",
        "Sie haben ein neues Passwort angefordert.",
        "Der Link gilt eine Stunde.",
        "Neues Passwort festlegen:\nhttps://rathaus.example/usingen/passwort?t=abc",
        "-- \nStadt Usingen\nWilhelmjstraße 1\n61250 Usingen",
        "Sie erhalten diese E-Mail, weil Sie ein Konto im Digitalen Rathaus haben.",
        "Diese E-Mail wurde automatisch erstellt. Bitte antworten Sie nicht darauf.\n",
      ].join("\n\n"),
    );
    expect(html).toMatch(/^<!doctype html><html lang="de">/);
    expect(html).toContain("<title>Passwort zurücksetzen</title>");
    expect(html).toContain(">Passwort zurücksetzen</h1>");
    expect(html).toContain(">Der Link gilt eine Stunde.</p>");
    expect(html.match(/href="https:\/\/rathaus\.example\/usingen\/passwort\?t=abc"/g)).toHaveLength(2);
    expect(html).toContain("<span>Wilhelmjstraße 1</span><br/><span>61250 Usingen</span>");
    expect(html).toContain("Falls die Schaltfläche nicht funktioniert");
  });

  it("signs as the installation, in English, without municipality, action or footer", () => {
    const { text, html } = renderMail({ lang: "en", heading: "Welcome", paragraphs: ["Hello."] });
    expect(text).toBe(
      "Digital Town Hall\n\nWelcome\n=======\n\nHello.\n\nThis email was generated automatically. Please do not reply to it.\n",
    );
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(">Digital Town Hall</p>");
    expect(html).not.toContain("<a ");
    expect(html).not.toContain("-- ");
  });

  it("escapes every value in the HTML", () => {
    const evil = `<script>alert("x")</script> & <img src=x onerror=alert(1)>`;
    const { html, text } = renderMail({
      lang: "de",
      municipality: { officialName: evil, addressLines: [evil] },
      heading: evil,
      paragraphs: [evil],
      action: { label: evil, url: 'https://example.org/"><script>alert(1)</script>' },
      footer: evil,
    });
    // Quoted attribute values cannot hold a raw quote (it is escaped), so this removes exactly the values.
    const markup = html.replace(/"[^"]*"/g, '""');
    expect(markup).not.toMatch(/<(script|img)\b|<[^>]*\bonerror/i);
    expect(markup.match(/<a /g)).toHaveLength(2);
    expect(html).toContain(
      ">&lt;script>alert(&#34;x&#34;)&lt;/script> &amp; &lt;img src=x onerror=alert(1)></h1>",
    );
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]?.replaceAll("&#34;", '"'));
    expect(hrefs).toEqual(Array(2).fill('https://example.org/"><script>alert(1)</script>'));
    // Plain text is not HTML: it carries the values as they are.
    expect(text).toContain(evil);
  });

  it("refuses action links that are not web addresses", () => {
    for (const url of [
      "javascript:alert(1)",
      "data:text/html,<b>x</b>",
      "/relative",
      "https://",
      "https://a b",
    ]) {
      expect(
        () => renderMail({ lang: "de", heading: "x", paragraphs: [], action: { label: "x", url } }),
        url,
      ).toThrow("must be http(s)");
    }
  });
});
