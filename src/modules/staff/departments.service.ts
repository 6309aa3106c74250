import { sql } from "kysely";
import { uuidv7 } from "#core/db/ids.ts";
import { tenantScope } from "#core/db/tenant-scope.ts";
import { type Db, inTransaction } from "#core/db/transaction.ts";
import { insertOrTaken } from "#core/db/unique-violation.ts";
import { type FieldError, ValidationFailed } from "#core/http/errors.ts";
import type { Lang } from "#core/i18n/lang.ts";
import { isEmailAddress, normalizeEmail } from "#modules/identity/auth-kit.ts";
import { staffMessages } from "./staff.messages.ts";

export interface Department {
  id: string;
  name: string;
  email: string;
  phone: string;
  members: number;
}

export interface DepartmentInput {
  name: string;
  email: string;
  phone: string;
}

const phonePattern = /^[0-9+\-/() ]{3,40}$/;

export type DepartmentsService = ReturnType<typeof createDepartmentsService>;

/** The departments (Fachbereiche) of a municipality: services and staff are assigned to them. */
export function createDepartmentsService(db: Db) {
  return {
    async list(tenantId: string): Promise<Department[]> {
      const rows = await tenantScope(db, tenantId)
        .selectFrom("departments")
        .leftJoin("staff_departments", (join) =>
          join
            .onRef("staff_departments.tenant_id", "=", "departments.tenant_id")
            .onRef("staff_departments.department_id", "=", "departments.id"),
        )
        .select(["departments.id", "departments.name", "departments.email", "departments.phone"])
        .select(sql<string>`count(staff_departments.staff_id)`.as("members"))
        .groupBy(["departments.id", "departments.name", "departments.email", "departments.phone"])
        .orderBy("departments.name")
        .execute();
      return rows.map((row) => ({ ...row, members: Number(row.members) }));
    },

    /** Creates a department; names are unique within the municipality (case-insensitive). */
    create(tenantId: string, input: DepartmentInput, lang: Lang) {
      const t = staffMessages[lang];
      const name = input.name.trim().replace(/\s+/g, " ");
      const email = normalizeEmail(input.email);
      const phone = input.phone.trim();
      const errors: FieldError[] = [];
      if (!name) errors.push({ field: "name", message: t.departmentNameMissing });
      else if (name.length > 120) errors.push({ field: "name", message: t.departmentNameTooLong });
      if (email && !isEmailAddress(email)) errors.push({ field: "email", message: t.departmentEmailInvalid });
      if (phone && !phonePattern.test(phone))
        errors.push({ field: "phone", message: t.departmentPhoneInvalid });
      if (errors.length) throw ValidationFailed(errors);
      const taken = (): never => {
        throw ValidationFailed([{ field: "name", message: t.departmentNameTaken }]);
      };
      return insertOrTaken(
        () =>
          inTransaction(db, async (tx) => {
            const scope = tenantScope(tx, tenantId);
            const exists = await scope
              .selectFrom("departments")
              .select("id")
              .where(sql`lower(name)`, "=", name.toLowerCase())
              .executeTakeFirst();
            if (exists) taken();
            const id = uuidv7();
            await scope.insertInto("departments", { id, name, email, phone }).execute();
            return { id, name };
          }),
        taken,
      );
    },
  };
}
