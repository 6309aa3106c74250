import type { ColumnType, Generated, Selectable } from "kysely";

export type FormStatus = "draft" | "published";

export interface FormDefinitionsTable {
  tenant_id: string;
  form_key: string;
  version: number;
  status: FormStatus;
  /** The definition JSON (checked by `checkDefinition` before it is stored); written as a JSON string. */
  definition: ColumnType<unknown, string, string>;
  created_at: Generated<Date>;
  published_at: Date | null;
}

export interface FormsTables {
  form_definitions: FormDefinitionsTable;
}

export type FormDefinitionRow = Selectable<FormDefinitionsTable>;
