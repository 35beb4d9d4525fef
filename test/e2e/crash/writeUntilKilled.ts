// The crash test's clients: loops that write on keys no other loop is using, until the kill.
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { expect } from "vitest";
import type { KeyArn } from "../../../src/domain/keyArn.js";
import type { KeyId } from "../../../src/domain/keyId.js";
import type { Kms } from "../../../src/service/kms.js";
import { sdkClient } from "../../support/kmsEndpoint.js";
import { sdkKms } from "../../support/sdkKms.js";
import { newTrackedKey, type TrackedKey, type World } from "./crashWorld.js";
import type { ServeProcess } from "./serveProcess.js";
import {
  deleteMaterial,
  getParameters,
  importMaterial,
  NoAnswer,
  newestParameters,
  send,
} from "./write.js";

/** Client loops writing at the same time, each on keys no other loop is using. */
export const clientLoops = 6;
/** How long after the clients start the process is killed: [min, max) milliseconds, seeded. */
const killDelayMs = [20, 300] as const;

/** Runs the client loops against `url` and kills `serve` after a seeded delay. */
export async function writeUntilKilled(world: World, url: string, serve: ServeProcess) {
  let dead = false;
  const killed = () => dead;
  const clients = Array.from({ length: clientLoops }, () => sdkClient(url));
  const failures: unknown[] = [];
  const loops = clients.map((client, loop) =>
    clientLoop(world, sdkKms(client), loop, killed).catch((error: unknown) => {
      if (!(error instanceof NoAnswer)) failures.push(error);
    }),
  );
  const [min, max] = killDelayMs;
  await sleep(min + Math.floor(world.random() * (max - min)));
  dead = true;
  const endedByItself = serve.ended();
  serve.killHard();
  await serve.exited;
  try {
    await Promise.all(loops);
  } finally {
    for (const client of clients) client.destroy();
  }
  if (failures.length > 0) throw failures[0];
  if (endedByItself) throw new Error(`kms-byok serve ended before the kill:\n${serve.output()}`);
}

/** One client: picks a key no other client is using and moves it on, until the kill. */
async function clientLoop(world: World, kms: Kms, loop: number, killed: () => boolean) {
  let sequence = 0;
  while (!killed()) {
    const idle = world.active.filter((key) => !key.busy);
    if (idle.length === 0 || world.random() < 0.12) {
      const Description = `crash test round ${world.round} client ${loop} create ${sequence++}`;
      world.unansweredCreates.add(Description);
      world.stats.unanswered.CreateKey += 1;
      const created = await send(killed, `CreateKey "${Description}"`, () =>
        kms.createKey({ Origin: "EXTERNAL", Description }),
      );
      world.unansweredCreates.delete(Description);
      world.stats.unanswered.CreateKey -= 1;
      world.stats.acknowledged.CreateKey += 1;
      const { KeyId, Arn, KeyState } = created.KeyMetadata;
      expect(KeyState).toBe("PendingImport");
      world.active.push(newTrackedKey(KeyId as KeyId, Arn as KeyArn, ["CreateKey"]));
      continue;
    }
    const key = idle[Math.floor(world.random() * idle.length)] as TrackedKey;
    key.busy = true;
    try {
      const dice = world.random();
      const parameters = newestParameters(key);
      // GetParametersForImport may wait for an RSA key pair to be generated: at most three
      // clients (the size of the server's pool) wait at a time, so that the others keep writing.
      // (A delete of no material is still a write, with its audit event.)
      const fetch = async () => {
        world.fetching += 1;
        try {
          await getParameters(world, killed, kms, key);
        } finally {
          world.fetching -= 1;
        }
      };
      const mayFetch = world.fetching < 3;
      if (key.state === "PendingImport") {
        if (parameters !== undefined && dice < 0.8)
          await importMaterial(world, killed, kms, key, parameters);
        else if (parameters === undefined && mayFetch && dice < 0.8) await fetch();
        else await deleteMaterial(world, killed, kms, key);
      } else if (dice < 0.4) {
        const plaintext = randomBytes(1 + Math.floor(world.random() * 64));
        const { CiphertextBlob } = await send(killed, `Encrypt under ${key.keyId}`, () =>
          kms.encrypt({ KeyId: key.keyId, Plaintext: plaintext }),
        );
        world.stats.acknowledged.Encrypt += 1;
        key.ciphertexts.push({ blob: CiphertextBlob, plaintext });
      } else if (dice < 0.6) {
        await deleteMaterial(world, killed, kms, key);
      } else if (parameters !== undefined && dice < 0.85) {
        await importMaterial(world, killed, kms, key, parameters); // reimport, same material
      } else if (mayFetch) {
        await fetch();
      } else {
        await deleteMaterial(world, killed, kms, key);
      }
    } finally {
      key.busy = false;
    }
  }
}
