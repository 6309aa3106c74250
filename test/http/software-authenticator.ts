import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from "node:crypto";
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { isoBase64URL, isoCBOR } from "@simplewebauthn/server/helpers";

/**
 * A passkey authenticator in software, for tests without a browser: ECDSA P-256 keys, "none" attestation,
 * discoverable credentials with user verification, as a platform authenticator answers. Every answer is a
 * real, correctly signed response; `Lie` makes it claim another origin, RP ID, user handle or counter.
 */
export interface SoftwareCredential {
  id: string;
  rpId: string;
  userHandle: string;
  privateKey: KeyObject;
  signCount: number;
}

export interface Lie {
  origin?: string;
  rpId?: string;
  userHandle?: string;
  signCount?: number;
  userVerified?: boolean;
}

const flags = { userPresent: 0x01, userVerified: 0x04, attestedCredentialData: 0x40 };
const sha256 = (data: Uint8Array | string) => new Uint8Array(createHash("sha256").update(data).digest());
const toJson = (bytes: Uint8Array) => isoBase64URL.fromBuffer(new Uint8Array(bytes));

function counterBytes(count: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, count);
  return bytes;
}

/** The COSE form (RFC 9053) of an EC2 P-256 public key, as authenticators put it into the attested data. */
function coseKey(publicKey: KeyObject): Uint8Array {
  const jwk = publicKey.export({ format: "jwk" });
  return isoCBOR.encode(
    new Map<number, number | Uint8Array>([
      [1, 2], // kty: EC2
      [3, -7], // alg: ES256
      [-1, 1], // crv: P-256
      [-2, isoBase64URL.toBuffer(jwk.x ?? "")],
      [-3, isoBase64URL.toBuffer(jwk.y ?? "")],
    ]),
  );
}

export class SoftwareAuthenticator {
  readonly credentials: SoftwareCredential[] = [];

  constructor(private readonly origin: string) {}

  private clientData(type: string, challenge: string, lie: Lie): Uint8Array {
    const json = JSON.stringify({ type, challenge, origin: lie.origin ?? this.origin, crossOrigin: false });
    return new TextEncoder().encode(json);
  }

  private authData(rpId: string, flagBits: number, signCount: number, attested?: Uint8Array): Uint8Array {
    const parts = [
      sha256(rpId),
      new Uint8Array([flagBits]),
      counterBytes(signCount),
      attested ?? new Uint8Array(),
    ];
    return new Uint8Array(Buffer.concat(parts));
  }

  private userFlags(lie: Lie): number {
    return flags.userPresent | (lie.userVerified === false ? 0 : flags.userVerified);
  }

  /** navigator.credentials.create(): a new key pair for the site and user in the options. */
  register(options: PublicKeyCredentialCreationOptionsJSON, lie: Lie = {}): RegistrationResponseJSON {
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const rawId = new Uint8Array(randomBytes(32));
    const rpId = lie.rpId ?? options.rp.id ?? "";
    const credential = { id: toJson(rawId), rpId, userHandle: options.user.id, privateKey, signCount: 0 };
    const idLength = new Uint8Array([rawId.length >> 8, rawId.length & 0xff]);
    const attested = Buffer.concat([new Uint8Array(16), idLength, rawId, coseKey(publicKey)]);
    const authData = this.authData(
      rpId,
      this.userFlags(lie) | flags.attestedCredentialData,
      0,
      new Uint8Array(attested),
    );
    const attestationObject = isoCBOR.encode(
      new Map<string, string | Uint8Array | Map<string, string>>([
        ["fmt", "none"],
        ["attStmt", new Map<string, string>()],
        ["authData", authData],
      ]),
    );
    this.credentials.push(credential);
    return {
      id: credential.id,
      rawId: credential.id,
      type: "public-key",
      response: {
        clientDataJSON: toJson(this.clientData("webauthn.create", options.challenge, lie)),
        attestationObject: toJson(attestationObject),
        transports: ["internal"],
      },
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
    };
  }

  /** navigator.credentials.get() with a discoverable credential: signs the challenge, counting up. */
  signIn(
    options: PublicKeyCredentialRequestOptionsJSON,
    credential: SoftwareCredential | undefined = this.credentials.at(-1),
    lie: Lie = {},
  ): AuthenticationResponseJSON {
    if (!credential) throw new Error("no credential registered");
    credential.signCount = lie.signCount ?? credential.signCount + 1;
    const authData = this.authData(lie.rpId ?? credential.rpId, this.userFlags(lie), credential.signCount);
    const clientData = this.clientData("webauthn.get", options.challenge, lie);
    const signature = sign("sha256", Buffer.concat([authData, sha256(clientData)]), credential.privateKey);
    return {
      id: credential.id,
      rawId: credential.id,
      type: "public-key",
      response: {
        clientDataJSON: toJson(clientData),
        authenticatorData: toJson(authData),
        signature: toJson(new Uint8Array(signature)),
        userHandle: lie.userHandle ?? credential.userHandle,
      },
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
    };
  }
}
