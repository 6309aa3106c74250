import type { Lang } from "#core/i18n/lang.ts";
import { mailLayoutMessages } from "./mail.messages.ts";

export interface MailContent {
  lang: Lang;
  /** Sender shown above the heading and in the signature; without it the installation signs. */
  municipality?: { officialName: string; addressLines: string[] };
  heading: string;
  paragraphs: string[];
  /** One button, e.g. the verification link; the URL is shown as text as well. */
  action?: { label: string; url: string };
  /** A last line, e.g. why the recipient gets this mail. */
  footer?: string;
}

export interface RenderedMail {
  text: string;
  html: string;
}

/**
 * Mail clients ignore stylesheets and strip <style> often enough, so the HTML carries inline styles: this is
 * a mail, not a page of the app (whose CSP forbids them). Colours reach 4.5:1 contrast.
 */
const styles = {
  body: "margin:0;padding:0;background-color:#f3f4f7;color:#1b1b1b;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5",
  card: "max-width:600px;margin:0 auto;padding:24px;background-color:#ffffff",
  sender: "margin:0 0 16px;font-size:14px;color:#4a4a4a",
  heading: "margin:0 0 16px;font-size:24px;line-height:1.25;color:#1b1b1b",
  paragraph: "margin:0 0 16px",
  button:
    "display:inline-block;padding:12px 20px;background-color:#0b5394;color:#ffffff;text-decoration:underline;font-weight:bold;border-radius:4px",
  small: "margin:0 0 16px;font-size:14px;color:#4a4a4a",
  link: "color:#0b5394;word-break:break-all",
  rule: "border:0;border-top:1px solid #d0d4dc;margin:24px 0",
};

function checkedUrl(url: string): string {
  // Only web links: a javascript: or data: URL would be a script in the recipient's mail client.
  if (!/^https?:\/\/[^\s]+$/i.test(url) || !URL.canParse(url))
    throw new Error(`Mail action URL must be http(s): ${url}`);
  return url;
}

function MailHtml({ content }: { content: MailContent }): JSX.Element {
  const t = mailLayoutMessages[content.lang];
  const { municipality, action } = content;
  const url = action ? checkedUrl(action.url) : "";
  return (
    <>
      {"<!doctype html>"}
      <html lang={content.lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>{content.heading}</title>
        </head>
        <body style={styles.body}>
          <main style={styles.card}>
            <p style={styles.sender} safe>
              {municipality?.officialName ?? t.installationName}
            </p>
            <h1 style={styles.heading} safe>
              {content.heading}
            </h1>
            {content.paragraphs.map((paragraph) => (
              <p style={styles.paragraph} safe>
                {paragraph}
              </p>
            ))}
            {action ? (
              <>
                <p style={styles.paragraph}>
                  <a href={url} style={styles.button} safe>
                    {action.label}
                  </a>
                </p>
                <p style={styles.small}>
                  <span safe>{t.actionFallback}</span>
                  <br />
                  <a href={url} style={styles.link} safe>
                    {url}
                  </a>
                </p>
              </>
            ) : (
              ""
            )}
            <hr style={styles.rule} />
            {municipality ? (
              <p style={styles.small}>
                {[municipality.officialName, ...municipality.addressLines].map((line, index) => (
                  <>
                    {index > 0 ? <br /> : ""}
                    <span safe>{line}</span>
                  </>
                ))}
              </p>
            ) : (
              ""
            )}
            {content.footer ? (
              <p style={styles.small} safe>
                {content.footer}
              </p>
            ) : (
              ""
            )}
            <p style={styles.small} safe>
              {t.automatic}
            </p>
          </main>
        </body>
      </html>
    </>
  );
}

function mailText(content: MailContent): string {
  const t = mailLayoutMessages[content.lang];
  const { municipality, action } = content;
  const blocks = [
    municipality?.officialName ?? t.installationName,
    `${content.heading}\n${"=".repeat(Math.min(content.heading.length, 72))}`,
    ...content.paragraphs,
  ];
  if (action) blocks.push(`${action.label}:\n${checkedUrl(action.url)}`);
  // "-- " (with the space) is the signature separator mail clients recognise.
  if (municipality)
    blocks.push(`-- \n${[municipality.officialName, ...municipality.addressLines].join("\n")}`);
  if (content.footer) blocks.push(content.footer);
  blocks.push(t.automatic);
  return `${blocks.join("\n\n")}\n`;
}

/** A mail in the platform's layout, as plain text and HTML; every value is escaped in the HTML. */
export function renderMail(content: MailContent): RenderedMail {
  const html = <MailHtml content={content} />;
  if (typeof html !== "string") throw new Error("The mail layout must render synchronously");
  return { text: mailText(content), html };
}
