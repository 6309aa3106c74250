import { type Static, Type } from "@sinclair/typebox";
import { answerableProps } from "../definition/parts.ts";
import { type PartsInput, partsKind, postalCodesSchema } from "./address-parts.tsx";

export const postalTownFieldSchema = Type.Object(
  { type: Type.Literal("postalTown"), ...answerableProps, postalCodes: postalCodesSchema },
  { additionalProperties: false },
);
export type PostalTownFieldDef = Static<typeof postalTownFieldSchema>;
export type PostalTownValue = PartsInput<"postalCode" | "town">;

/** Postleitzahl und Ort, stored as `{ postalCode, town }`. */
export const postalTownKind = partsKind<PostalTownFieldDef, keyof PostalTownValue>(
  "postalTown",
  postalTownFieldSchema,
  ["postalCode", "town"],
);
