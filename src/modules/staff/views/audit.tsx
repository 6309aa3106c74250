import { type SignedInFrame, SignedInPage } from "#core/views/signed-in-page.tsx";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { DataTable } from "#core/views/table.tsx";
import { staffMessages } from "../staff.messages.ts";

export interface AuditEntry {
  when: string;
  actor: string;
  action: string;
  target: string;
  ip: string;
}

export function AuditPage(props: {
  chrome: SiteChrome;
  frame: SignedInFrame;
  model: { entries: AuditEntry[]; olderHref?: string };
}) {
  const { chrome, model } = props;
  const t = staffMessages[chrome.lang];
  const header = [t.whenColumn, t.actorColumn, t.actionColumn, t.targetColumn, t.ipColumn];
  return (
    <SignedInPage chrome={chrome} frame={props.frame} title={t.auditTitle}>
      {model.entries.length === 0 ? (
        <p class="kern-body" safe>
          {t.auditEmpty}
        </p>
      ) : (
        <DataTable caption={t.auditCaption} headers={header}>
          {model.entries.map((entry) => (
            <tr class="kern-table__row">
              <td class="kern-table__cell" safe>
                {entry.when}
              </td>
              <td class="kern-table__cell" safe>
                {entry.actor}
              </td>
              <td class="kern-table__cell">
                <code safe>{entry.action}</code>
              </td>
              <td class="kern-table__cell" safe>
                {entry.target}
              </td>
              <td class="kern-table__cell" safe>
                {entry.ip}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {model.olderHref ? (
        <p class="kern-body">
          <a class="kern-link" href={model.olderHref} safe>
            {t.olderEntries}
          </a>
        </p>
      ) : (
        ""
      )}
    </SignedInPage>
  );
}
