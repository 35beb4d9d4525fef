import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isRunning, killLeftoverServes, kmsByokIn, startServeIn } from "../cli/kmsByok.js";
import { sdkClient } from "../support/kmsEndpoint.js";
import { sdkKms } from "../support/sdkKms.js";
import { codeBlocks } from "./codeBlocks.js";

afterAll(killLeftoverServes);

/** The arguments of `npx kms-byok …` on a line of the block, without its comment. */
function kmsByokArgs(line: string | undefined): string[] {
  const words = (line ?? "").replace(/#.*$/, "").trim().split(/\s+/);
  expect(words.slice(0, 2)).toEqual(["npx", "kms-byok"]);
  return words.slice(2);
}

describe("docs/storage.md: Keep keys across restarts", () => {
  it("keeps a key across a restart, and prints its trail, when its commands run as written", async () => {
    const [serveLine, eventsLine] = (
      codeBlocks("docs/storage.md", "## Keep keys across restarts", "sh")[0] ?? ""
    )
      .trim()
      .split("\n");
    const serveArgs = kmsByokArgs(serveLine);
    expect(serveArgs).toEqual(["serve", "--data", "./kms-data"]);
    const cwd = mkdtempSync(join(tmpdir(), "kms-byok-readme-data-"));

    const start = async () => {
      const serve = await startServeIn(cwd, ...serveArgs.slice(1), "--port", "0");
      if (!isRunning(serve)) throw new Error(`kms-byok serve did not start: ${serve.stderr}`);
      return serve;
    };
    const first = await start();
    const client = sdkClient(first.url);
    const created = await sdkKms(client).createKey({ Origin: "EXTERNAL" });
    const KeyId = created._unsafeUnwrap().KeyMetadata.KeyId;
    client.destroy();
    first.kill("SIGTERM");
    await first.exited;

    const second = await start();
    const again = sdkClient(second.url);
    const described = await sdkKms(again).describeKey({ KeyId });
    expect(described._unsafeUnwrap().KeyMetadata.KeyState).toBe("PendingImport");
    again.destroy();

    const events = await kmsByokIn(cwd, ...kmsByokArgs(eventsLine));
    expect(events.code).toBe(0);
    expect(events.stdout).toMatch(
      new RegExp(`CreateKey +PendingImport +arn:aws:kms:us-east-1:111122223333:key/${KeyId}\\n$`),
    );
    second.kill("SIGTERM");
    await second.exited;
  }, 60_000);
});
