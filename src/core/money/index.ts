export { decimalComma, formatCents, maxAmountCents, parseEuroCents } from "./money.ts";
