import { isUuid, uuidv7 } from "#core/db/ids.ts";
import { tenantScope } from "#core/db/tenant-scope.ts";
import { type Db, inTransaction, type Tx } from "#core/db/transaction.ts";
import { insertOrTaken } from "#core/db/unique-violation.ts";
import { type FieldError, NotFound, ValidationFailed } from "#core/http/errors.ts";
import type { Lang } from "#core/i18n/lang.ts";
import { hashSecret, newSecret } from "#core/secrets.ts";
import {
  hashPassword,
  isEmailAddress,
  normalizeEmail,
  passwordError,
  spendPasswordCheckTime,
  verifyPassword,
} from "#modules/identity/auth-kit.ts";
import { roles as allRoles, isRole, type Role } from "./permissions.ts";
import { staffMessages } from "./staff.messages.ts";
import * as repo from "./staff.repo.ts";

export type { StaffMember } from "./staff.repo.ts";

export interface StaffInput {
  displayName: string;
  email: string;
  roles: string[];
  departmentIds: string[];
}

/** Sends the invitation mail inside the transaction that created it; `link` is absolute. */
export type InvitationMailer = (
  executor: Db | Tx,
  mail: { kind: "invite" | "reset"; tenantId: string; to: string; lang: Lang; link: string },
) => Promise<void>;

const invitationDays = 7;

/** "<staff id>.<secret>": the id addresses the invitation rows, the secret proves the mail was received. */
function parseInvitationToken(token: string) {
  const [staffId = "", secret = "", ...rest] = token.split(".");
  return rest.length === 0 && isUuid(staffId) && /^[A-Za-z0-9_-]{43}$/.test(secret)
    ? { staffId, tokenHash: hashSecret(secret) }
    : undefined;
}

export type StaffService = ReturnType<typeof createStaffService>;

/** Staff accounts of a municipality: invitations, roles and departments, and the password step of signing in. */
export function createStaffService(db: Db, sendMail: InvitationMailer) {
  async function validate(tx: Tx, tenantId: string, input: StaffInput, lang: Lang, staffId?: string) {
    const t = staffMessages[lang];
    const errors: FieldError[] = [];
    const name = input.displayName.trim();
    if (!name) errors.push({ field: "displayName", message: t.nameMissing });
    else if (name.length > 120) errors.push({ field: "displayName", message: t.nameTooLong });
    const email = normalizeEmail(input.email);
    if (!staffId) {
      if (!email) errors.push({ field: "email", message: t.staffEmailMissing });
      else if (!isEmailAddress(email)) errors.push({ field: "email", message: t.staffEmailInvalid });
      else if (await repo.findByEmail(tx, tenantId, email))
        errors.push({ field: "email", message: t.emailTaken });
    }
    const roles = [...new Set(input.roles)];
    if (roles.length === 0 || !roles.every(isRole)) errors.push({ field: "roles", message: t.rolesMissing });
    const departmentIds = [...new Set(input.departmentIds)];
    const known = new Set(
      (await tenantScope(tx, tenantId).selectFrom("departments").select("id").execute()).map((d) => d.id),
    );
    if (!departmentIds.every((id) => known.has(id)))
      errors.push({ field: "departments", message: t.departmentUnknown });
    if (errors.length) throw ValidationFailed(errors);
    return { name, email, roles: roles as Role[], departmentIds };
  }

  async function issueInvitation(tx: Tx, tenantId: string, staffId: string) {
    const secret = newSecret();
    await repo.insertInvitation(tenantScope(tx, tenantId), staffId, hashSecret(secret), invitationDays);
    return `${staffId}.${secret}`;
  }

  async function guardLastAdmin(tx: Tx, tenantId: string, staffId: string, lang: Lang, field: string) {
    const member = (await repo.listMembers(tenantScope(tx, tenantId), staffId))[0];
    if (
      member?.roles.includes("admin") &&
      (await repo.otherActiveAdmins(tenantScope(tx, tenantId), staffId)) === 0
    )
      throw ValidationFailed([{ field, message: staffMessages[lang].lastAdmin }]);
  }

  return {
    list: (tenantId: string) => repo.listMembers(tenantScope(db, tenantId)),

    async find(tenantId: string, staffId: string) {
      return isUuid(staffId) ? (await repo.listMembers(tenantScope(db, tenantId), staffId))[0] : undefined;
    },

    /** Creates the account (status "invited") and mails the link to set a password; returns its id. */
    invite(tenantId: string, input: StaffInput, lang: Lang, link: (token: string) => string) {
      const taken = (): never => {
        throw ValidationFailed([{ field: "email", message: staffMessages[lang].emailTaken }]);
      };
      return insertOrTaken(
        () =>
          inTransaction(db, async (tx) => {
            const valid = await validate(tx, tenantId, input, lang);
            const id = uuidv7();
            const scope = tenantScope(tx, tenantId);
            await scope
              .insertInto("staff_members", { id, email: valid.email, display_name: valid.name })
              .execute();
            await repo.replaceAssignments(scope, id, valid.roles, valid.departmentIds);
            const token = await issueInvitation(tx, tenantId, id);
            await sendMail(tx, { kind: "invite", tenantId, to: valid.email, lang, link: link(token) });
            return { id, email: valid.email };
          }),
        taken,
      );
    },

    /**
     * An active account with a password (given as its hash) and no second factor yet, which is set up at the
     * first sign-in: for the demo seed, where nobody receives invitation mails. Undefined if the address exists.
     */
    createActive(tenantId: string, input: StaffInput, passwordHash: string) {
      return inTransaction(db, async (tx) => {
        if (await repo.findByEmail(tx, tenantId, normalizeEmail(input.email))) return undefined;
        const valid = await validate(tx, tenantId, input, "de");
        const id = uuidv7();
        const scope = tenantScope(tx, tenantId);
        await scope
          .insertInto("staff_members", {
            id,
            email: valid.email,
            display_name: valid.name,
            password_hash: passwordHash,
            status: "active",
          })
          .execute();
        await repo.replaceAssignments(scope, id, valid.roles, valid.departmentIds);
        return id;
      });
    },

    /** Changes name, roles and departments; returns the roles before and after (for the audit log). */
    update(tenantId: string, staffId: string, input: StaffInput, lang: Lang) {
      return inTransaction(db, async (tx) => {
        const before = (await repo.listMembers(tenantScope(tx, tenantId), staffId))[0];
        if (!before) throw NotFound();
        const valid = await validate(tx, tenantId, input, lang, staffId);
        if (!valid.roles.includes("admin")) await guardLastAdmin(tx, tenantId, staffId, lang, "roles");
        const scope = tenantScope(tx, tenantId);
        await scope
          .updateTable("staff_members")
          .set({ display_name: valid.name, updated_at: new Date() })
          .where("id", "=", staffId)
          .execute();
        await repo.replaceAssignments(scope, staffId, valid.roles, valid.departmentIds);
        // Both in the matrix's order: the stored roles come back sorted by name, the form sends its own order.
        const inOrder = (held: readonly Role[]) => allRoles.filter((role) => held.includes(role));
        return { rolesBefore: inOrder(before.roles), rolesAfter: inOrder(valid.roles) };
      });
    },

    /** Disables (sessions end) or re-enables an account; the last active administrator stays. */
    setDisabled(tenantId: string, staffId: string, disabled: boolean, lang: Lang) {
      return inTransaction(db, async (tx) => {
        if (disabled) await guardLastAdmin(tx, tenantId, staffId, lang, "status");
        const scope = tenantScope(tx, tenantId);
        const member = await scope
          .selectFrom("staff_members")
          .select("password_hash")
          .where("id", "=", staffId)
          .executeTakeFirst();
        if (!member) throw NotFound();
        const status = disabled ? "disabled" : member.password_hash ? "active" : "invited";
        await scope
          .updateTable("staff_members")
          .set({ status, updated_at: new Date() })
          .where("id", "=", staffId)
          .execute();
        if (disabled) await revokeSessions(tx, tenantId, staffId);
      });
    },

    /** Deletes password and second factor, ends the sessions and mails a new invitation. */
    resetAccess(tenantId: string, staffId: string, lang: Lang, link: (token: string) => string) {
      return inTransaction(db, async (tx) => {
        const scope = tenantScope(tx, tenantId);
        const member = await scope
          .updateTable("staff_members")
          .set({
            password_hash: null,
            status: "invited",
            totp_secret_enc: null,
            totp_pending_enc: null,
            totp_enabled_at: null,
            totp_last_step: null,
            updated_at: new Date(),
          })
          .where("id", "=", staffId)
          .where("status", "!=", "disabled")
          .returning("email")
          .executeTakeFirst();
        if (!member) throw NotFound();
        await scope.deleteFrom("staff_recovery_codes").where("staff_id", "=", staffId).execute();
        await scope.deleteFrom("staff_passkeys").where("staff_id", "=", staffId).execute();
        await revokeSessions(tx, tenantId, staffId);
        const token = await issueInvitation(tx, tenantId, staffId);
        await sendMail(tx, { kind: "reset", tenantId, to: member.email, lang, link: link(token) });
        return { email: member.email };
      });
    },

    /** The person an invitation link is for, while it is valid. */
    async invitation(tenantId: string, token: string) {
      const parsed = parseInvitationToken(token);
      if (
        !parsed ||
        !(await repo.liveInvitation(tenantScope(db, tenantId), parsed.staffId, parsed.tokenHash))
      )
        return undefined;
      const member = await this.find(tenantId, parsed.staffId);
      // A disabled account cannot accept (acceptInvitation refuses it), so its link must not offer the form.
      return member?.status === "disabled" ? undefined : member;
    },

    /** Sets the password from an invitation link (once); returns the staff id, undefined for a dead link. */
    acceptInvitation(
      tenantId: string,
      input: { token: string; password: string; confirm: string },
      lang: Lang,
    ) {
      return inTransaction(db, async (tx) => {
        const parsed = parseInvitationToken(input.token);
        const scope = tenantScope(tx, tenantId);
        const member = parsed
          ? await scope
              .selectFrom("staff_members")
              .select(["email", "status"])
              .where("id", "=", parsed.staffId)
              .executeTakeFirst()
          : undefined;
        if (!parsed || !member || member.status === "disabled") return undefined;
        const problem = passwordError(input.password, member.email, lang);
        const mismatch = !problem && input.password !== input.confirm;
        if (problem || mismatch) {
          const t = staffMessages[lang];
          throw ValidationFailed(problem ? [problem] : [{ field: "confirm", message: t.passwordMismatch }]);
        }
        if (!(await repo.useInvitation(scope, parsed.staffId, parsed.tokenHash))) return undefined;
        await scope
          .updateTable("staff_members")
          .set({
            password_hash: await hashPassword(input.password),
            status: "active",
            updated_at: new Date(),
          })
          .where("id", "=", parsed.staffId)
          .execute();
        return parsed.staffId;
      });
    },

    /** Changes one's own password after checking the current one; the errors name the fields. */
    async changePassword(
      tenantId: string,
      staffId: string,
      input: { current: string; password: string; confirm: string },
      lang: Lang,
    ): Promise<FieldError[]> {
      const t = staffMessages[lang];
      const scope = tenantScope(db, tenantId);
      const member = await scope
        .selectFrom("staff_members")
        .select(["email", "password_hash"])
        .where("id", "=", staffId)
        .executeTakeFirst();
      if (!member?.password_hash || !(await verifyPassword(member.password_hash, input.current)))
        return [{ field: "current", message: t.currentPasswordWrong }];
      const problem = passwordError(input.password, member.email, lang);
      if (problem) return [problem];
      if (input.password !== input.confirm) return [{ field: "confirm", message: t.passwordMismatch }];
      await scope
        .updateTable("staff_members")
        .set({ password_hash: await hashPassword(input.password), updated_at: new Date() })
        .where("id", "=", staffId)
        .execute();
      return [];
    },

    /** The password step: the same answer, in about the same time, whether or not the address has an account. */
    async checkPassword(tenantId: string, email: string, password: string) {
      const member = await repo.findByEmail(db, tenantId, normalizeEmail(email));
      if (!member?.password_hash || member.status !== "active") {
        await spendPasswordCheckTime(password);
        return undefined;
      }
      if (!(await verifyPassword(member.password_hash, password))) return undefined;
      return { staffId: member.id, totpEnabled: member.totp_enabled_at !== null };
    },

    /** An account that may sign in: active (not invited, not disabled). */
    async isActive(tenantId: string, staffId: string): Promise<boolean> {
      const row = await repo.statusOf(db, tenantId, staffId);
      return row?.status === "active";
    },

    async recordLogin(tenantId: string, staffId: string): Promise<void> {
      await tenantScope(db, tenantId)
        .updateTable("staff_members")
        .set({ last_login_at: new Date() })
        .where("id", "=", staffId)
        .execute();
    },
  };
}

async function revokeSessions(tx: Tx, tenantId: string, staffId: string): Promise<void> {
  await tenantScope(tx, tenantId)
    .updateTable("staff_sessions")
    .set({ revoked_at: new Date() })
    .where("staff_id", "=", staffId)
    .where("revoked_at", "is", null)
    .execute();
}
