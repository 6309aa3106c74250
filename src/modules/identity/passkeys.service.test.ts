import { describe, expect, it } from "vitest";
import { SoftwareAuthenticator } from "#test/http/software-authenticator.ts";
import {
  createPasskeyService,
  maxPasskeysPerAccount,
  type PasskeyChallengeStore,
  type PasskeyStore,
  type RelyingParty,
  type StoredPasskey,
} from "./passkeys.service.ts";

/**
 * The WebAuthn rules of the passkey service, over stores in memory (any kind of account plugs in a store
 * like this one) and a software authenticator that signs real responses.
 */

function memoryStore(kind = "citizen"): PasskeyStore & { rows: Map<string, StoredPasskey> } {
  const rows = new Map<string, StoredPasskey>();
  const key = (owner: string, id: string) => `${owner}/${id}`;
  return {
    kind,
    rows,
    list: async (owner) => [...rows].filter(([k]) => k.startsWith(`${owner}/`)).map(([, p]) => p),
    find: async (owner, id) => rows.get(key(owner, id)),
    async insert(owner, passkey) {
      if (rows.has(key(owner, passkey.credentialId))) return false;
      rows.set(key(owner, passkey.credentialId), { ...passkey, createdAt: new Date(), lastUsedAt: null });
      return true;
    },
    async recordUse(owner, id, use) {
      const row = rows.get(key(owner, id));
      if (row) rows.set(key(owner, id), { ...row, ...use, lastUsedAt: new Date() });
    },
    remove: async (owner, id) => rows.delete(key(owner, id)),
  };
}

function memoryChallenges(): PasskeyChallengeStore & { expireAll(): void } {
  const issued = new Map<string, { purpose: string; expiresAt: Date }>();
  return {
    issue: async (hash, purpose, expiresAt) => void issued.set(hash, { purpose, expiresAt }),
    async consume(hash, purpose) {
      const row = issued.get(hash);
      issued.delete(hash);
      return row?.purpose === purpose && row.expiresAt > new Date();
    },
    expireAll: () => {
      for (const row of issued.values()) row.expiresAt = new Date(0);
    },
  };
}

const rp: RelyingParty = {
  id: "rathaus.example.de",
  name: "Digitales Rathaus",
  origin: "https://rathaus.example.de",
};
const anna = { id: "0190a8e4-0000-7000-8000-00000000000a", name: "anna@example.de", displayName: "Anna" };
const ben = { id: "0190a8e4-0000-7000-8000-00000000000b", name: "ben@example.de", displayName: "Ben" };

function setup() {
  const store = memoryStore();
  const challenges = memoryChallenges();
  const service = createPasskeyService(store, challenges);
  const device = new SoftwareAuthenticator(rp.origin);

  async function register(account = anna, lie = {}) {
    const options = await service.registrationOptions(rp, account);
    if (!options.ok) throw new Error(options.refusal);
    const response = device.register(options.value, lie);
    const result = await service.register(rp, account.id, {
      response,
      challenge: options.value.challenge,
      name: "Laptop",
    });
    return { options: options.value, response, result };
  }

  async function signIn(lie = {}, credential = device.credentials.at(-1)) {
    const options = await service.authenticationOptions(rp);
    const response = device.signIn(options, credential, lie);
    const result = await service.authenticate(rp, { response, challenge: options.challenge });
    return { options, response, result };
  }

  return { store, challenges, service, device, register, signIn };
}

describe("passkey service", () => {
  it("registers a discoverable passkey with user verification and signs in with it alone", async () => {
    const { store, register, signIn } = setup();
    const { options, result } = await register();
    expect(options.rp).toEqual({ id: rp.id, name: rp.name });
    expect(options.authenticatorSelection).toMatchObject({
      residentKey: "required",
      userVerification: "required",
    });
    expect(result).toMatchObject({
      ok: true,
      value: { name: "Laptop", counter: 0, transports: ["internal"] },
    });
    expect(store.rows.size).toBe(1);

    const first = await signIn();
    expect(first.options.userVerification).toBe("required");
    expect(first.options.allowCredentials ?? []).toEqual([]);
    expect(first.result).toEqual({
      ok: true,
      value: { ownerId: anna.id, credentialId: first.response.id },
    });
    const stored = [...store.rows.values()][0];
    expect(stored?.counter).toBe(1);
    expect(stored?.lastUsedAt).toBeInstanceOf(Date);
  });

  it("uses every challenge once: a replayed response is refused", async () => {
    const { service, store, register, signIn } = setup();
    const first = await register();
    const again = await service.register(rp, anna.id, {
      response: first.response,
      challenge: first.options.challenge,
      name: "Laptop",
    });
    expect(again).toMatchObject({ ok: false, refusal: "challenge" });
    expect(store.rows.size).toBe(1);

    const login = await signIn();
    expect(login.result.ok).toBe(true);
    const replay = await service.authenticate(rp, {
      response: login.response,
      challenge: login.options.challenge,
    });
    expect(replay).toMatchObject({ ok: false, refusal: "challenge", claimedOwnerId: anna.id });
  });

  it("refuses a response to a challenge this browser was not given, or none, or an expired one", async () => {
    const { service, challenges, device, register } = setup();
    await register();
    const mine = await service.authenticationOptions(rp);
    const forged = device.signIn({ ...mine, challenge: "Zm9yZ2VkLWNoYWxsZW5nZS1mcm9tLWF0dGFja2Vy" });
    const refused = await service.authenticate(rp, { response: forged, challenge: mine.challenge });
    expect(refused).toMatchObject({ ok: false, refusal: "verification" });
    if (!refused.ok) expect(refused.detail).toMatch(/challenge/i);

    const other = await service.authenticationOptions(rp);
    const noCookie = await service.authenticate(rp, { response: device.signIn(other), challenge: undefined });
    expect(noCookie).toMatchObject({ ok: false, refusal: "challenge" });

    const late = await service.authenticationOptions(rp);
    challenges.expireAll();
    const expired = await service.authenticate(rp, {
      response: device.signIn(late),
      challenge: late.challenge,
    });
    expect(expired).toMatchObject({ ok: false, refusal: "challenge" });
  });

  it("keeps ceremonies and accounts apart: a registration challenge neither signs in nor serves another account", async () => {
    const { service, store, device, register } = setup();
    await register();
    const forAnna = await service.registrationOptions(rp, anna);
    if (!forAnna.ok) throw new Error("no options");
    const asBen = await service.register(rp, ben.id, {
      response: device.register(forAnna.value),
      challenge: forAnna.value.challenge,
      name: "Fremd",
    });
    expect(asBen).toMatchObject({ ok: false, refusal: "challenge" });

    const again = await service.registrationOptions(rp, anna);
    if (!again.ok) throw new Error("no options");
    const signInWithIt = await service.authenticate(rp, {
      response: device.signIn({ challenge: again.value.challenge, rpId: rp.id }, device.credentials[0]),
      challenge: again.value.challenge,
    });
    expect(signInWithIt).toMatchObject({ ok: false, refusal: "challenge" });
    expect(await store.list(ben.id)).toEqual([]);
  });

  it("refuses another origin, another RP ID and a missing user verification, storing nothing", async () => {
    const { store, register } = setup();
    for (const [lie, message] of [
      [{ origin: "https://rathaus.example.de.evil.example" }, /origin/i],
      [{ rpId: "evil.example" }, /RP ID/i],
      [{ userVerified: false }, /verif/i],
    ] as const) {
      const { result } = await register(anna, lie);
      expect(result).toMatchObject({ ok: false, refusal: "verification" });
      if (!result.ok) expect(result.detail).toMatch(message);
    }
    expect(store.rows.size).toBe(0);
  });

  it("refuses sign-in from another origin or RP ID, without user verification, and leaves the counter", async () => {
    const { store, register, signIn } = setup();
    await register();
    for (const lie of [
      { origin: "https://evil.example" },
      { rpId: "evil.example" },
      { userVerified: false },
    ]) {
      expect((await signIn(lie)).result).toMatchObject({ ok: false, refusal: "verification" });
    }
    expect([...store.rows.values()][0]?.lastUsedAt).toBeNull();
  });

  it("refuses an unknown credential and another account's credential claimed for this one", async () => {
    const { service, device, register, signIn } = setup();
    await register(anna);
    await register(ben);
    const [annasKey, bensKey] = device.credentials;
    const annaHandle = annasKey?.userHandle ?? "";
    const swapped = await signIn({ userHandle: annaHandle }, bensKey);
    expect(swapped.result).toMatchObject({
      ok: false,
      refusal: "unknown-credential",
      claimedOwnerId: anna.id,
    });

    const stranger = new SoftwareAuthenticator(rp.origin);
    const options = await service.registrationOptions(rp, anna);
    if (!options.ok) throw new Error("no options");
    stranger.register(options.value); // made, never sent to the server
    const unknown = await signIn({}, stranger.credentials[0]);
    expect(unknown.result).toMatchObject({ ok: false, refusal: "unknown-credential" });

    const garbage = await service.authenticate(rp, {
      response: { id: 42, response: { userHandle: "!!" } },
      challenge: (await service.authenticationOptions(rp)).challenge,
    });
    expect(garbage).toMatchObject({ ok: false, refusal: "unknown-credential", claimedOwnerId: undefined });
  });

  it("refuses a counter that did not go up (a cloned authenticator) and accepts those that keep none", async () => {
    const { store, register, signIn } = setup();
    await register();
    expect((await signIn({ signCount: 5 })).result.ok).toBe(true);
    const cloned = await signIn({ signCount: 5 });
    expect(cloned.result).toMatchObject({ ok: false, refusal: "verification" });
    if (!cloned.result.ok) expect(cloned.result.detail).toMatch(/counter/i);
    expect([...store.rows.values()][0]?.counter).toBe(5);
    expect((await signIn({ signCount: 6 })).result.ok).toBe(true);

    const { register: registerZero, signIn: signInZero } = setup();
    await registerZero();
    expect((await signInZero({ signCount: 0 })).result.ok).toBe(true);
    expect((await signInZero({ signCount: 0 })).result.ok).toBe(true);
  });

  it("refuses the same credential twice for one account and a garbage registration", async () => {
    const { service, store, register } = setup();
    const first = await register();
    const options = await service.registrationOptions(rp, anna);
    if (!options.ok) throw new Error("no options");
    expect(options.value.excludeCredentials?.map((c) => c.id)).toEqual([first.response.id]);
    const clientData = JSON.parse(
      Buffer.from(first.response.response.clientDataJSON, "base64url").toString(),
    );
    const repeated = {
      ...first.response,
      response: {
        ...first.response.response,
        clientDataJSON: Buffer.from(
          JSON.stringify({ ...clientData, challenge: options.value.challenge }),
        ).toString("base64url"),
      },
    };
    const twice = await service.register(rp, anna.id, {
      response: repeated,
      challenge: options.value.challenge,
      name: "Nochmal",
    });
    expect(twice).toMatchObject({ ok: false, refusal: "already-registered" });

    for (const response of [undefined, "x", {}, { id: "a", rawId: "a", response: {} }]) {
      const fresh = await service.registrationOptions(rp, anna);
      if (!fresh.ok) throw new Error("no options");
      const result = await service.register(rp, anna.id, {
        response,
        challenge: fresh.value.challenge,
        name: "x",
      });
      expect(result).toMatchObject({ ok: false, refusal: "verification" });
    }
    expect(store.rows.size).toBe(1);
  });

  it(`stops at ${maxPasskeysPerAccount} passkeys per account`, async () => {
    const { service, register } = setup();
    for (let i = 0; i < maxPasskeysPerAccount; i++) expect((await register()).result.ok).toBe(true);
    expect(await service.registrationOptions(rp, anna)).toMatchObject({ ok: false, refusal: "limit" });
  });

  it("removes only the owner's passkey", async () => {
    const { service, store, device, register } = setup();
    await register(anna);
    const id = device.credentials[0]?.id ?? "";
    expect(await service.remove(ben.id, id)).toBeUndefined();
    expect(store.rows.size).toBe(1);
    expect((await service.remove(anna.id, id))?.name).toBe("Laptop");
    expect(store.rows.size).toBe(0);
  });
});
