import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { CreateKeyCommand, KMSClient } from "@aws-sdk/client-kms";
import * as http from "kms-byok/http";
import { describe, expect, it } from "vitest";
import { moduleGraph } from "./support/moduleGraph.js";
import { packedFile } from "./support/packedPackage.js";

const require = createRequire(import.meta.url);

describe("kms-byok/http of the packed package", () => {
  it("resolves to dist/http/index.js for import and dist/http/index.cjs for require", () => {
    expect(import.meta.resolve("kms-byok/http")).toBe(
      pathToFileURL(packedFile("dist/http/index.js")).href,
    );
    expect(require.resolve("kms-byok/http")).toBe(packedFile("dist/http/index.cjs"));
  });

  it("serves the AWS SDK from either build", async () => {
    const builds = [http.createKmsServer, require("kms-byok/http").createKmsServer];
    const states = [];
    for (const createKmsServer of builds as (typeof http.createKmsServer)[]) {
      const server = createKmsServer();
      const address = (await server.listen({ port: 0 }))._unsafeUnwrap();
      const client = new KMSClient({
        endpoint: address.url,
        region: "us-east-1",
        credentials: { accessKeyId: "local", secretAccessKey: "local" },
        maxAttempts: 1,
      });
      const created = await client.send(new CreateKeyCommand({ Origin: "EXTERNAL" }));
      states.push(created.KeyMetadata?.KeyState);
      client.destroy();
      await server.close();
    }
    expect(states).toEqual(["PendingImport", "PendingImport"]);
  });

  it("loads no @smithy package from any entry: SigV4 is checked by kms-byok's own code, and @smithy/signature-v4 is only a dev dependency", () => {
    const smithyUsers = (entry: string) =>
      moduleGraph(packedFile(entry)).filter((file) =>
        file.specifiers.some((specifier) => specifier.startsWith("@smithy/")),
      );

    for (const entry of [
      "dist/index.js",
      "dist/index.cjs",
      "dist/http/index.js",
      "dist/http/index.cjs",
      "dist/testing/index.js",
      "dist/testing/index.cjs",
    ]) {
      expect(smithyUsers(entry)).toEqual([]);
    }
  });
});
