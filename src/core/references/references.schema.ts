export interface ReferenceCountersTable {
  tenant_id: string;
  /** What is numbered, e.g. `application` (Aktenzeichen) or `payment` (Kassenzeichen). */
  scope: string;
  year: number;
  last_value: number;
}

export interface ReferencesTables {
  reference_counters: ReferenceCountersTable;
}
