import { type SignedInFrame, SignedInPage } from "#core/views/signed-in-page.tsx";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import type { Permission, Role } from "../permissions.ts";
import { staffMessages } from "../staff.messages.ts";

export interface DashboardModel {
  roles: Role[];
  departments: string[];
  permissions: Permission[];
}

/** The back office start page: the member's roles, departments and what they may do. */
export function DashboardPage(props: { chrome: SiteChrome; frame: SignedInFrame; model: DashboardModel }) {
  const { chrome, model } = props;
  const t = staffMessages[chrome.lang];
  const list = (items: string[]) =>
    items.length ? (
      <ul class="kern-list">
        {items.map((item) => (
          <li safe>{item}</li>
        ))}
      </ul>
    ) : (
      <p class="kern-body" safe>
        {t.none}
      </p>
    );
  return (
    <SignedInPage chrome={chrome} frame={props.frame} title={t.backOffice}>
      <h2 class="kern-heading-medium" safe>
        {t.rolesHeading}
      </h2>
      {list(model.roles.map((role) => t[`role.${role}`]))}
      <h2 class="kern-heading-medium" safe>
        {t.departmentsHeading}
      </h2>
      {list(model.departments)}
      <h2 class="kern-heading-medium" safe>
        {t.permissionsHeading}
      </h2>
      {list(model.permissions.map((permission) => t[`permission.${permission}`]))}
    </SignedInPage>
  );
}
