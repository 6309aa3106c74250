export type { ReferencesTables } from "./references.schema.ts";
export {
  derivedReferencePrefix,
  formatReference,
  nextReference,
  type ReferenceRequest,
} from "./references.ts";
