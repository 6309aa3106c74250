// The form engine: definitions (TypeBox-typed, versioned in the database), evaluation, rendering, summary.
// See README.md for the definition format and how the application flow uses these functions.
export { checkDefinition, type DefinitionCheck } from "./definition/check-definition.ts";
export type { Expr } from "./definition/expressions.ts";
export {
  type Check,
  type Computed,
  type FormDefinition,
  FormDefinitionSchema,
  type GroupField,
  type LeafField,
  type RepeatField,
  type Step,
  type StepField,
  type VerifiedIdentity,
} from "./definition/form-definition.ts";
export type { Condition, DateBound, LocalText, PrefillKey } from "./definition/parts.ts";
export {
  type Answers,
  type EvaluateOptions,
  type Evaluation,
  evaluate,
  type Inputs,
  todayInBerlin,
} from "./engine/evaluate.ts";
export { countName, type FormAction, itemName } from "./engine/form-body.ts";
export { isLocked } from "./engine/locked.ts";
export {
  checkAnswers,
  errorsOnStep,
  type FinalCheck,
  findStep,
  parseStep,
  type StepOptions,
  type StepResult,
  stepHasUpload,
  stepOrder,
  toInputs,
} from "./engine/steps.ts";
export { actionField, localize } from "./fields/field-kind.ts";
export { type FileFieldDef, type FileRef, uploadLimits } from "./fields/file-upload.tsx";
export { createFormsService, type FormsService, type FormVersion } from "./forms.service.ts";
export { type PrefillProfile, prefillAnswers } from "./prefill.ts";
export { renderStep } from "./render.tsx";
export {
  type ComputedRow,
  computedRows,
  formatCents,
  type SummaryRow,
  type SummarySection,
  summaryRows,
} from "./summary.ts";
export { lockedAnswers, verifiableKeys } from "./verified-prefill.ts";
