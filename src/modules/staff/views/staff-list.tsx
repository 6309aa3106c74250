import { ButtonLink } from "#core/views/form/index.ts";
import { type SignedInFrame, SignedInPage } from "#core/views/signed-in-page.tsx";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { DataTable } from "#core/views/table.tsx";
import type { Role } from "../permissions.ts";
import { staffMessages } from "../staff.messages.ts";
import type { StaffStatus } from "../staff.schema.ts";

export interface StaffListModel {
  inviteHref: string;
  members: {
    name: string;
    email: string;
    roles: Role[];
    departments: string[];
    status: StaffStatus;
    lastLogin: string | undefined;
    editHref: string;
  }[];
}

export function StaffListPage(props: { chrome: SiteChrome; frame: SignedInFrame; model: StaffListModel }) {
  const { chrome, model } = props;
  const t = staffMessages[chrome.lang];
  const header = [
    t.nameColumn,
    t.emailColumn,
    t.rolesColumn,
    t.departmentsColumn,
    t.statusColumn,
    t.lastLoginColumn,
  ];
  return (
    <SignedInPage chrome={chrome} frame={props.frame} title={t.staffTitle}>
      <ButtonLink href={model.inviteHref} label={t.inviteAction} variant="primary" />
      <DataTable caption={t.staffCaption} headers={header}>
        {model.members.map((member) => (
          <tr class="kern-table__row">
            <th scope="row" class="kern-table__cell">
              <a class="kern-link" href={member.editHref}>
                <span safe>{member.name}</span>
                <span class="kern-sr-only" safe>{` – ${t.editAction}`}</span>
              </a>
            </th>
            <td class="kern-table__cell" safe>
              {member.email}
            </td>
            <td class="kern-table__cell" safe>
              {member.roles.map((role) => t[`role.${role}`]).join(", ")}
            </td>
            <td class="kern-table__cell" safe>
              {member.departments.join(", ") || t.none}
            </td>
            <td class="kern-table__cell" safe>
              {t[`status.${member.status}`]}
            </td>
            <td class="kern-table__cell" safe>
              {member.lastLogin ?? t.never}
            </td>
          </tr>
        ))}
      </DataTable>
    </SignedInPage>
  );
}
