import { berlinDateTime } from "#core/dates/berlin.ts";
import { formatBytes, mediaTypeLabel } from "#core/files/index.ts";
import { Layout } from "#core/views/layout.tsx";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { devMailPaths } from "../dev-mail.paths.ts";
import type { DevMailAttachmentSummary } from "../dev-mailbox.repo.ts";
import { devMailMessages } from "../mail.messages.ts";
import type { DevMailRow } from "../mail.schema.ts";
import { LinkifiedText } from "./linkified-text.tsx";

function Header(props: { label: string; value: string; lang?: string }): JSX.Element {
  return (
    <div class="kern-description-list-item">
      <dt class="kern-description-list-item__key" safe>
        {props.label}
      </dt>
      <dd class="kern-description-list-item__value" lang={props.lang} safe>
        {props.value}
      </dd>
    </div>
  );
}

function Attachments(props: {
  mailId: string;
  attachments: DevMailAttachmentSummary[];
  lang: SiteChrome["lang"];
}): JSX.Element {
  return (
    <ul class="kern-list">
      {props.attachments.map((attachment) => (
        <li>
          <a class="kern-link" href={devMailPaths.attachment(props.mailId, attachment.position)} safe>
            {attachment.filename}
          </a>{" "}
          <span safe>
            ({mediaTypeLabel(attachment.content_type)}, {formatBytes(attachment.size, props.lang)})
          </span>
        </li>
      ))}
    </ul>
  );
}

export function DevMailDetailPage(props: {
  chrome: SiteChrome;
  mail: DevMailRow;
  attachments: DevMailAttachmentSummary[];
}): JSX.Element {
  const { chrome, mail, attachments } = props;
  const t = devMailMessages[chrome.lang];
  const mailLang = mail.lang !== chrome.lang ? mail.lang : undefined;
  return (
    <Layout chrome={chrome} page={{ title: mail.subject, path: devMailPaths.one(mail.id) }}>
      <p class="kern-body">
        <a class="kern-link" href={devMailPaths.list()} safe>
          {t.backToList}
        </a>
      </p>
      <h1 class="kern-heading-large" lang={mailLang} safe>
        {mail.subject}
      </h1>
      <h2 class="kern-heading-medium" safe>
        {t.headers}
      </h2>
      <dl class="kern-description-list">
        <Header label={t.from} value={mail.sender} />
        <Header label={t.to} value={mail.recipient} />
        <Header label={t.subject} value={mail.subject} lang={mailLang} />
        <Header label={t.date} value={berlinDateTime(mail.created_at)} />
        <Header label={t.language} value={mail.lang} />
        <Header label={t.messageId} value={mail.message_id} />
      </dl>
      {attachments.length > 0 ? (
        <>
          <h2 class="kern-heading-medium" safe>
            {t.attachments}
          </h2>
          <Attachments mailId={mail.id} attachments={attachments} lang={chrome.lang} />
        </>
      ) : (
        ""
      )}
      <h2 class="kern-heading-medium" safe>
        {t.textVersion}
      </h2>
      <div lang={mailLang}>
        <LinkifiedText text={mail.text_body} />
      </div>
      <h2 class="kern-heading-medium" safe>
        {t.htmlVersion}
      </h2>
      {/* A link, not an iframe: axe cannot look into a sandboxed frame, and the page stays simple. */}
      <p class="kern-body">
        <a class="kern-link" href={devMailPaths.html(mail.id)} safe>
          {t.openHtml}
        </a>
      </p>
    </Layout>
  );
}
