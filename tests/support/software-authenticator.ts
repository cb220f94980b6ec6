import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { isoCBOR } from "@simplewebauthn/server/helpers";

/**
 * A passkey authenticator in software (ES256 on node:crypto), for tests that need real WebAuthn
 * answers checked by the real library: what a phone or a password manager would send back to
 * the browser's startRegistration and startAuthentication. Each instance holds one passkey.
 */

type CreationOptions = { challenge: string; user: { id: string }; rp: { id?: string } };
type RequestOptions = { challenge: string; rpId?: string };

export type Origin = { rpId: string; origin: string };

const UP = 0x01;
const UV = 0x04;
const AT = 0x40;

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");
const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest();

export class SoftwareAuthenticator {
  readonly credentialId = randomBytes(32);
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  private userHandle = "";
  counter = 0;
  /** Whether the authenticator says it checked the person (a PIN, a fingerprint). */
  verifiesUser = true;

  constructor() {
    const pair = generateKeyPairSync("ec", { namedCurve: "P-256" });
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey;
  }

  get id(): string {
    return b64(this.credentialId);
  }

  private authenticatorData(rpId: string, attested: Uint8Array | null): Buffer {
    const flags = UP | (this.verifiesUser ? UV : 0) | (attested ? AT : 0);
    const count = Buffer.alloc(4);
    count.writeUInt32BE(this.counter);
    return Buffer.concat([sha256(rpId), Buffer.from([flags]), count, ...(attested ? [attested] : [])]);
  }

  private cosePublicKey(): Uint8Array {
    const jwk = this.publicKey.export({ format: "jwk" });
    const coordinate = (value: string | undefined) => new Uint8Array(Buffer.from(value ?? "", "base64url"));
    return isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2], // kty: EC2
        [3, -7], // alg: ES256
        [-1, 1], // crv: P-256
        [-2, coordinate(jwk.x)],
        [-3, coordinate(jwk.y)],
      ]),
    );
  }

  private clientData(type: string, challenge: string, origin: string): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  /** What startRegistration resolves to, for these options at this origin. */
  register(options: CreationOptions, at: Origin) {
    this.userHandle = options.user.id;
    const length = Buffer.alloc(2);
    length.writeUInt16BE(this.credentialId.length);
    const attested = Buffer.concat([Buffer.alloc(16), length, this.credentialId, this.cosePublicKey()]);
    const authData = this.authenticatorData(options.rp.id ?? at.rpId, attested);
    const attestationObject = isoCBOR.encode(
      new Map<string, string | Uint8Array | Map<string, string>>([
        ["fmt", "none"],
        ["attStmt", new Map<string, string>()],
        ["authData", new Uint8Array(authData)],
      ]),
    );
    return this.credential({
      clientDataJSON: b64(this.clientData("webauthn.create", options.challenge, at.origin)),
      attestationObject: b64(attestationObject),
      transports: ["internal"],
    });
  }

  /** What startAuthentication resolves to: a signature over the challenge, the counter one up. */
  authenticate(options: RequestOptions, at: Origin) {
    this.counter += 1;
    const authData = this.authenticatorData(options.rpId ?? at.rpId, null);
    const clientData = this.clientData("webauthn.get", options.challenge, at.origin);
    const signature = sign("sha256", Buffer.concat([authData, sha256(clientData)]), this.privateKey);
    return this.credential({
      clientDataJSON: b64(clientData),
      authenticatorData: b64(authData),
      signature: b64(signature),
      userHandle: this.userHandle || undefined,
    });
  }

  /** The JSON the browser's library makes of a credential, around the authenticator's answer. */
  private credential<Response>(response: Response) {
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key" as const,
      clientExtensionResults: {},
      authenticatorAttachment: "platform" as const,
      response,
    };
  }
}
