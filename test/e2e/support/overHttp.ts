import { KMSClient } from "@aws-sdk/client-kms";
import { createKmsServer, type KmsServer } from "../../../src/http/index.js";
import type { Kms } from "../../../src/service/kms.js";
import type { KmsModelEnvironment, KmsTarget } from "../../../src/testing/runKmsModel.js";
import { testCrypto } from "../../../src/testing/testCrypto.js";
import { sdkKms } from "../../support/sdkKms.js";
import { signAtClockTime } from "./signAtClockTime.js";

/** The one caller of the differential servers. */
export const differentialCredential = {
  accessKeyId: "AKIADIFFERENTIAL01",
  secretAccessKey: "differential/run/secret/key/000000000000",
} as const;

/** A Kms over HTTP, and how to stop it. */
export interface KmsOverHttp {
  readonly kms: Kms;
  /** The endpoint URL. */
  readonly url: string;
  /** Destroys the SDK client (its keep-alive sockets), then closes the server. */
  close(): Promise<void>;
}

/**
 * Starts a fresh endpoint in verified SigV4 mode on the environment's clock, account, Region,
 * audit sink, behaviour profile and rotation limit, on a free loopback port, and talks to it
 * through `@aws-sdk/client-kms`, signing at the clock's time. `wrap` can stand between the caller and the SDK.
 */
export async function startOverHttp(
  { clock, accountId, region, audit, behaviour, onDemandRotationLimit }: KmsModelEnvironment,
  wrap: (kms: Kms) => Kms = (kms) => kms,
): Promise<KmsOverHttp> {
  const server = createKmsServer({
    clock,
    audit,
    region,
    behaviour,
    onDemandRotationLimit,
    crypto: testCrypto(),
    credentials: [{ ...differentialCredential, accountId }],
  });
  const { url, client } = await listenSigned(server, { clock, region });
  return {
    kms: wrap(sdkKms(client)),
    url,
    close: async () => {
      client.destroy();
      await server.close();
    },
  };
}

/**
 * Starts `server` on a free loopback port, and an SDK client for it that signs as
 * {@link differentialCredential} in `region` at the clock's time, trying each call once.
 */
export async function listenSigned(
  server: KmsServer,
  { clock, region }: Pick<KmsModelEnvironment, "clock" | "region">,
): Promise<{ readonly url: string; readonly client: KMSClient }> {
  const address = await server.listen({ port: 0 });
  if (address.isErr()) throw new Error(address.error.message);
  const client = new KMSClient({
    endpoint: address.value.url,
    region,
    credentials: differentialCredential,
    maxAttempts: 1,
  });
  signAtClockTime(client, clock);
  return { url: address.value.url, client };
}

/** A model target that runs each sequence against its own {@link startOverHttp} endpoint. */
export function overHttp(wrap?: (kms: Kms) => Kms): KmsTarget {
  return (environment) => startOverHttp(environment, wrap);
}
