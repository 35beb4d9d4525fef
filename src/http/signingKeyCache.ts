import { createHmac } from "node:crypto";

/** A configured secret, and the access key it belongs to. */
export interface SigningSecret {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/**
 * SigV4 signing keys, each derived once from a configured secret and then reused, as the AWS
 * SDKs cache them: at most `limit` of them. Beyond that, the oldest key not used since it was
 * last passed over is dropped (second chance, an approximation of the least recently used).
 */
export interface SigningKeyCache {
  /**
   * The signing key of `secret` for `scopeDate` (`YYYYMMDD`), `region` and `service`: the
   * HMAC-SHA-256 chain kDate → kRegion → kService → kSigning, from the cache when it holds the
   * key for this access key, date, Region and service.
   */
  signingKey(secret: SigningSecret, scopeDate: string, region: string, service: string): Buffer;
  /** How many keys it holds. */
  readonly size: number;
}

/** An empty {@link SigningKeyCache} that holds at most `limit` (at least 1) keys. */
export function signingKeyCache(limit: number): SigningKeyCache {
  if (!Number.isSafeInteger(limit) || limit < 1)
    throw new TypeError(`A signing key cache holds at least one key, not ${limit}.`);
  // A Map iterates in insertion order, oldest first. A hit only marks its entry: moving it to
  // the end (delete, then set) on every request lengthens V8's hash chain for that name until
  // the Map is next compacted, so a lookup would cost more the more keys are held.
  const keys = new Map<string, { readonly key: Buffer; used: boolean }>();
  const dropOne = () => {
    for (const [name, entry] of keys) {
      keys.delete(name);
      if (!entry.used) return;
      entry.used = false;
      keys.set(name, entry);
    }
  };
  return {
    signingKey: (secret, scopeDate, region, service) => {
      // Access key IDs in a credential scope hold no '/', and the other parts are checked forms.
      const name = `${secret.accessKeyId}/${scopeDate}/${region}/${service}`;
      const cached = keys.get(name);
      if (cached !== undefined) {
        cached.used = true;
        return cached.key;
      }
      const key = deriveSigningKey(secret.secretAccessKey, scopeDate, region, service);
      if (keys.size >= limit) dropOne();
      keys.set(name, { key, used: false });
      return key;
    },
    get size() {
      return keys.size;
    },
  };
}

function deriveSigningKey(
  secretAccessKey: string,
  scopeDate: string,
  region: string,
  service: string,
): Buffer {
  const kDate = hmac(`AWS4${secretAccessKey}`, scopeDate);
  return hmac(hmac(hmac(kDate, region), service), "aws4_request");
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac("sha256", key).update(data).digest();
}
