import { type Static, Type } from "@sinclair/typebox";
import { answerableProps } from "../definition/parts.ts";
import { type PartsInput, partsKind, postalCodesSchema } from "./address-parts.tsx";

export const addressFieldSchema = Type.Object(
  { type: Type.Literal("address"), ...answerableProps, postalCodes: postalCodesSchema },
  { additionalProperties: false },
);
export type AddressFieldDef = Static<typeof addressFieldSchema>;
export type AddressValue = PartsInput<"street" | "postalCode" | "town">;

/** A German address: street and house number, postcode, town; stored as `{ street, postalCode, town }`. */
export const addressKind = partsKind<AddressFieldDef, keyof AddressValue>("address", addressFieldSchema, [
  "street",
  "postalCode",
  "town",
]);
