import type { LeafField, LeafType } from "../definition/form-definition.ts";
import { addressKind } from "./address.tsx";
import { checkboxesKind } from "./checkboxes.tsx";
import { dateKind } from "./date.tsx";
import { declarationKind } from "./declaration.tsx";
import { emailKind } from "./email.tsx";
import type { AnyFieldKind } from "./field-kind.ts";
import { fileKind } from "./file-upload.tsx";
import { ibanKind } from "./iban.tsx";
import { infoKind } from "./info.tsx";
import { numberKind } from "./number.tsx";
import { phoneKind } from "./phone.tsx";
import { postalTownKind } from "./postal-town.tsx";
import { radiosKind } from "./radios.tsx";
import { selectKind } from "./select.tsx";
import { textKind } from "./text.tsx";
import { textareaKind } from "./textarea.tsx";
import { yesNoKind } from "./yes-no.tsx";

/** Every leaf field type, by its `type`. A new type: one file in this folder, one line here and in the union. */
const kinds: Record<LeafType, AnyFieldKind> = {
  text: textKind,
  textarea: textareaKind,
  number: numberKind,
  date: dateKind,
  email: emailKind,
  phone: phoneKind,
  iban: ibanKind,
  postalTown: postalTownKind,
  address: addressKind,
  select: selectKind,
  radios: radiosKind,
  checkboxes: checkboxesKind,
  yesNo: yesNoKind,
  file: fileKind,
  info: infoKind,
  declaration: declarationKind,
};

export const kindOf = (field: LeafField): AnyFieldKind => kinds[field.type];

/** Fields that carry an answer (all but info texts). */
export const isAnswerable = (field: LeafField): boolean => field.type !== "info";
