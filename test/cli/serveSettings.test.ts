import { describe, expect, it } from "vitest";
import { serveCommand } from "../../src/cli/serveCommand.js";
import { serveSettings } from "../../src/cli/serveSettings.js";
import { serveCryptoOptions } from "../../src/cli/wrappingKeyOptions.js";
import { captureIo } from "./captureIo.js";

describe("serveSettings", () => {
  it("defaults to open local mode on 127.0.0.1:4599 for account 111122223333 in us-east-1, the classic profile, keys in memory", () => {
    expect(serveSettings({})._unsafeUnwrap()).toEqual({
      port: 4599,
      host: "127.0.0.1",
      accountId: "111122223333",
      region: "us-east-1",
      behaviour: "classic",
      credentials: [],
      credentialsFile: undefined,
      store: { kind: "memory" },
      wrappingKeys: { warm: ["RSA_2048"], poolSize: 3 },
    });
  });

  it("warms the specs of --warm, separated by commas, each once, with --pool-size pairs", () => {
    expect(
      serveSettings({ warm: "RSA_2048,RSA_4096, RSA_4096", "pool-size": "200" })._unsafeUnwrap()
        .wrappingKeys,
    ).toEqual({ warm: ["RSA_2048", "RSA_4096"], poolSize: 200 });
    expect(serveSettings({ "pool-size": "1" })._unsafeUnwrap().wrappingKeys.poolSize).toBe(1);
    expect(serveSettings({ "pool-size": "1000" })._unsafeUnwrap().wrappingKeys.poolSize).toBe(1000);
  });

  it.each([
    [
      "RSA_1024",
      "--warm RSA_1024: 'RSA_1024' is not a wrapping key spec; list RSA_2048, RSA_3072 or RSA_4096, separated by commas (e.g. --warm RSA_2048,RSA_4096)",
    ],
    [
      "RSA_2048,rsa_4096",
      "--warm RSA_2048,rsa_4096: 'rsa_4096' is not a wrapping key spec; list RSA_2048, RSA_3072 or RSA_4096, separated by commas (e.g. --warm RSA_2048,RSA_4096)",
    ],
    [
      "RSA_2048,",
      "--warm RSA_2048,: an empty name is not a wrapping key spec; list RSA_2048, RSA_3072 or RSA_4096, separated by commas (e.g. --warm RSA_2048,RSA_4096)",
    ],
    [
      "",
      "--warm : an empty name is not a wrapping key spec; list RSA_2048, RSA_3072 or RSA_4096, separated by commas (e.g. --warm RSA_2048,RSA_4096)",
    ],
  ])("refuses --warm %o with the exact reason", (warm, message) => {
    expect(serveSettings({ warm })._unsafeUnwrapErr()).toBe(message);
  });

  it.each(["0", "1001", "-3", "2.5", "many", "", "0x10"])(
    "refuses --pool-size %o with the exact reason",
    (size) => {
      expect(serveSettings({ "pool-size": size })._unsafeUnwrapErr()).toBe(
        `--pool-size ${size}: must be a whole number from 1 to 1000 (the ready wrapping key pairs kept per spec)`,
      );
    },
  );

  it("keeps keys in DIR/kms.sqlite with the root key in DIR/root.key for --data DIR", () => {
    expect(serveSettings({ data: "kms-data" })._unsafeUnwrap().store).toEqual({
      kind: "sqlite",
      dataDir: "kms-data",
      rootKeyFile: "kms-data/root.key",
    });
    expect(
      serveSettings({ data: "kms-data", "root-key-file": "/etc/kms/root.key" })._unsafeUnwrap()
        .store,
    ).toEqual({ kind: "sqlite", dataDir: "kms-data", rootKeyFile: "/etc/kms/root.key" });
  });

  it("keeps keys in PostgreSQL for --database URL with --root-key-file", () => {
    const url = "postgres://kms:secret@db/kms";
    expect(
      serveSettings({ database: url, "root-key-file": "root.key" })._unsafeUnwrap().store,
    ).toEqual({ kind: "postgres", url, rootKeyFile: "root.key" });
  });

  it("takes --behaviour current, and refuses a profile it does not know, naming both", () => {
    expect(serveSettings({ behaviour: "current" })._unsafeUnwrap().behaviour).toBe("current");
    expect(serveSettings({ behaviour: "modern" })._unsafeUnwrapErr()).toBe(
      "--behaviour modern: must be classic (the import-key-material man page) or current (AWS KMS today)",
    );
  });

  it.each([
    [
      { data: "d", database: "postgres://db/kms" },
      "--data keeps keys in a SQLite file, --database in PostgreSQL: give one of them",
    ],
    [{ data: "" }, "--data: must name a directory"],
    [{ database: "postgres://db/kms" }, "--database needs --root-key-file FILE"],
    [{ "root-key-file": "root.key" }, "--root-key-file goes with --data or --database"],
  ])("refuses %o: %s", (values, message) => {
    const settings = serveSettings(values);
    expect(settings.isErr() && settings.error).toContain(message);
  });

  it("takes port 0 and port 65535", () => {
    expect(serveSettings({ port: "0" })._unsafeUnwrap().port).toBe(0);
    expect(serveSettings({ port: "65535" })._unsafeUnwrap().port).toBe(65_535);
  });

  it.each([
    [{ port: "65536" }, "--port 65536: must be a port number from 0 to 65535"],
    [{ port: "http" }, "--port http: must be a port number from 0 to 65535"],
    [{ port: "-1" }, "--port -1: must be a port number from 0 to 65535"],
    [{ port: "" }, "--port : must be a port number from 0 to 65535"],
    [{ host: "" }, "--host: must name an address to bind"],
    [{ account: "12345" }, "--account 12345: must be a 12-digit AWS account ID"],
    [
      { account: "123456789012", credentials: "credentials.json" },
      "--account sets the account of open local mode; with --credentials each credential names its own accountId",
    ],
  ])("refuses %o", (values, message) => {
    expect(serveSettings(values)._unsafeUnwrapErr()).toContain(message);
  });
});

describe("serveCommand", () => {
  it("exits 2 with the problem and the usage on stderr for an unknown option", async () => {
    const { io, stdout, stderr } = captureIo();

    expect(await serveCommand(["--prot", "4599"], io)).toBe(2);
    expect(stderr()).toMatch(/^kms-byok serve: Unknown option '--prot'\n\nUsage: kms-byok serve/);
    expect(stdout()).toBe("");
  });

  it("exits 2 without starting for a bad option value", async () => {
    const { io, stderr } = captureIo();

    expect(await serveCommand(["--account", "42"], io)).toBe(2);
    expect(stderr()).toBe("kms-byok serve: --account 42: must be a 12-digit AWS account ID\n");
  });

  it("exits 2 for a --warm spec it does not know, before starting, saying which", async () => {
    const { io, stdout, stderr } = captureIo();

    expect(await serveCommand(["--warm", "RSA_4096,RSA_8192", "--port", "0"], io)).toBe(2);
    expect(stderr()).toBe(
      "kms-byok serve: --warm RSA_4096,RSA_8192: 'RSA_8192' is not a wrapping key spec; list RSA_2048, RSA_3072 or RSA_4096, separated by commas (e.g. --warm RSA_2048,RSA_4096)\n",
    );
    expect(stdout()).toBe("");
  });

  it("exits 2 for a --pool-size out of range, before starting", async () => {
    const { io, stderr } = captureIo();

    expect(await serveCommand(["--pool-size", "5000", "--port", "0"], io)).toBe(2);
    expect(stderr()).toBe(
      "kms-byok serve: --pool-size 5000: must be a whole number from 1 to 1000 (the ready wrapping key pairs kept per spec)\n",
    );
  });

  it("exits 2 for a malformed Region, before listening", async () => {
    const { io, stderr } = captureIo();

    expect(await serveCommand(["--region", "mars", "--port", "0"], io)).toBe(2);
    expect(stderr()).toBe("kms-byok serve: region must be an AWS Region name such as us-east-1.\n");
  });
});

describe("serveCryptoOptions", () => {
  it("keeps --pool-size pairs per spec, generates one per core at once, and throttles beyond one on-demand generation per core", () => {
    expect(serveCryptoOptions({ warm: ["RSA_4096"], poolSize: 200 }, 4)).toEqual({
      wrappingKeyPoolSize: 200,
      wrappingKeyGenerators: 4,
      maxOnDemandWrappingKeys: 4,
    });
  });
});
