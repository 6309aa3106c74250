export { decimalComma, formatCents, parseEuroCents } from "./money.ts";
