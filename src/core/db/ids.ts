import { randomBytes } from "node:crypto";

let lastMs = -1;
let sequence = 0;

/**
 * UUIDv7 (RFC 9562): 48-bit Unix milliseconds, a 12-bit sequence, then random bits. Time-ordered, so B-tree
 * inserts stay local and keyset pagination by id follows creation order, also within one millisecond
 * (RFC 9562 method 1: the sequence starts at a random value below 2048 each millisecond and counts up).
 * PostgreSQL 15 has no uuidv7(), so ids are made here.
 */
export function uuidv7(now: number = Date.now()): string {
  const bytes = randomBytes(16);
  if (now === lastMs && sequence < 0xfff) {
    sequence += 1;
  } else {
    lastMs = now;
    sequence = bytes.readUInt16BE(6) & 0x7ff;
  }
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether a value from outside (a path segment, a cookie) is a UUID as ids are written, in lower case. */
export const isUuid = (value: string) => uuidPattern.test(value);
