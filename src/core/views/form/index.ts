// The form kit: every citizen and staff form is built from these. See README.md for the route pattern.
export {
  BackLink,
  Button,
  ButtonGroup,
  ButtonLink,
  type ButtonProps,
  type ButtonVariant,
} from "./buttons.tsx";
export {
  Checkbox,
  CheckboxGroup,
  type CheckboxGroupProps,
  type CheckboxProps,
  type ChoiceOption,
  RadioGroup,
  type RadioGroupProps,
} from "./choice-fields.tsx";
export {
  DateField,
  type DateFieldProps,
  type DatePart,
  type DateParts,
  datePartId,
  datePartName,
  dateParts,
} from "./date-field.tsx";
export { ErrorSummary, errorFor, formPageTitle } from "./error-summary.tsx";
export type { FieldProps } from "./field-parts.tsx";
export { csrfFieldName, Form, type FormProps, HiddenField } from "./form.tsx";
export { FormPage, type FormPageProps } from "./form-page.tsx";
export { describedBy, errorId, fieldId, hintId, optionId } from "./ids.ts";
export { Select, type SelectOption, type SelectProps } from "./select.tsx";
export {
  type InputMode,
  PasswordField,
  type PasswordFieldProps,
  TextArea,
  type TextAreaProps,
  TextField,
  type TextFieldProps,
} from "./text-fields.tsx";
