import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * Encrypts secrets the server must read again (TOTP seeds) with AES-256-GCM under a key derived from
 * SESSION_SECRET, so a copy of the database alone does not yield them. Changing SESSION_SECRET makes the
 * stored seeds unreadable: citizens would then sign in with a recovery code and set up their app again.
 */
export function createSecretBox(masterSecret: string, purpose: string) {
  const key = Buffer.from(hkdfSync("sha256", masterSecret, "digitales-rathaus", purpose, 32));
  return {
    seal(plain: string): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return [iv, cipher.getAuthTag(), data].map((part) => part.toString("base64url")).join(".");
    },
    open(sealed: string): string | undefined {
      const [iv, tag, data] = sealed.split(".").map((part) => Buffer.from(part, "base64url"));
      if (!iv || !tag || !data) return undefined;
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, iv);
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
      } catch {
        return undefined;
      }
    },
  };
}

export type SecretBox = ReturnType<typeof createSecretBox>;
