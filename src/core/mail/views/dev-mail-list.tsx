import { berlinDateTime } from "#core/dates/berlin.ts";
import { Layout } from "#core/views/layout.tsx";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { devMailPaths } from "../dev-mail.paths.ts";
import type { DevMailSummary } from "../dev-mailbox.repo.ts";
import { devMailMessages } from "../mail.messages.ts";

export interface DevMailListModel {
  mails: DevMailSummary[];
  smtpActive: boolean;
}

export function DevMailListPage(props: { chrome: SiteChrome; model: DevMailListModel }): JSX.Element {
  const { chrome, model } = props;
  const t = devMailMessages[chrome.lang];
  return (
    <Layout chrome={chrome} page={{ title: t.listTitle, path: devMailPaths.list() }}>
      <h1 class="kern-heading-large" safe>
        {t.listTitle}
      </h1>
      <p class="kern-body" safe>
        {t.listIntro}
      </p>
      {model.smtpActive ? (
        <p class="kern-body" safe>
          {t.smtpActive}
        </p>
      ) : (
        ""
      )}
      {model.mails.length === 0 ? (
        <p class="kern-body" safe>
          {t.empty}
        </p>
      ) : (
        <div class="kern-table-responsive">
          <table class="kern-table">
            <caption class="kern-title" safe>
              {t.caption}
            </caption>
            <thead class="kern-table__head">
              <tr class="kern-table__row">
                <th scope="col" class="kern-table__header" safe>
                  {t.date}
                </th>
                <th scope="col" class="kern-table__header" safe>
                  {t.to}
                </th>
                <th scope="col" class="kern-table__header" safe>
                  {t.subject}
                </th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {model.mails.map((mail) => (
                <tr class="kern-table__row">
                  <td class="kern-table__cell">
                    <time datetime={mail.created_at.toISOString()} safe>
                      {berlinDateTime(mail.created_at)}
                    </time>
                  </td>
                  <td class="kern-table__cell" safe>
                    {mail.recipient}
                  </td>
                  <td class="kern-table__cell">
                    <a class="kern-link" href={devMailPaths.one(mail.id)} safe>
                      {mail.subject}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
