import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type KmsEndpoint, startKmsEndpoint } from "../support/kmsEndpoint.js";
import { runBoto3Script } from "./support/boto3Script.js";
import { arnOf } from "./support/sdkImports.js";

// Debian's python3 and boto3 run test/e2e/boto3EverydayCalls.py against the endpoint: aliases,
// tags, the key policy, UpdateKeyDescription, GenerateRandom, ReEncrypt and the rotation
// settings. Debian's botocore is older than some members (RotationPeriodInDays,
// NextRotationDate, the key material IDs of ReEncrypt, GetKeyPolicy's PolicyName) and drops
// them from responses, so only what it models is asserted.

interface ClientErrorSeen {
  readonly Code: string;
  readonly Message: string;
  readonly HTTPStatusCode: number;
  readonly operation: string;
}

interface AliasEntry {
  readonly AliasName: string;
  readonly AliasArn: string;
  readonly TargetKeyId: string;
  readonly CreationDate: string;
  readonly LastUpdatedDate: string;
}

interface AliasList {
  readonly Truncated: boolean;
  readonly Aliases: readonly AliasEntry[];
}

interface Tag {
  readonly TagKey: string;
  readonly TagValue: string;
}

interface Observations {
  readonly keys: { readonly imported: string; readonly awsKms: string };
  readonly createAlias: { readonly HTTPStatusCode: number; readonly again: ClientErrorSeen };
  readonly listAliasesOfImported: AliasList;
  readonly encryptByAliasName: { readonly KeyId: string; readonly decrypted: boolean };
  readonly afterUpdateAlias: {
    readonly ofImported: AliasList;
    readonly ofAwsKms: AliasList;
    readonly encryptKeyId: string;
  };
  readonly reEncrypt: Readonly<Record<string, string | boolean>>;
  readonly afterDeleteAlias: {
    readonly aliasNames: readonly string[];
    readonly encrypt: ClientErrorSeen;
  };
  readonly tagged: readonly Tag[];
  readonly untagged: readonly Tag[];
  readonly reservedTag: ClientErrorSeen;
  readonly defaultPolicy: unknown;
  readonly policyRoundTrip: boolean;
  readonly listKeyPolicies: {
    readonly PolicyNames: readonly string[];
    readonly Truncated: boolean;
  };
  readonly getKeyPolicyByAlias: ClientErrorSeen;
  readonly description: string;
  readonly generateRandom: {
    readonly isBytes: boolean;
    readonly bytes: number;
    readonly differ: boolean;
  };
  readonly rotation: {
    readonly new: boolean;
    readonly enabled: boolean;
    readonly disabled: boolean;
    readonly external: ClientErrorSeen;
  };
}

const appAlias = {
  AliasName: "alias/boto3-app",
  AliasArn: "arn:aws:kms:us-east-1:111122223333:alias/boto3-app",
};
const otherAlias = {
  AliasName: "alias/boto3-other",
  AliasArn: "arn:aws:kms:us-east-1:111122223333:alias/boto3-other",
};

let endpoint: KmsEndpoint | undefined;
let seen: Observations;
let imported: string;
let awsKms: string;

beforeAll(async () => {
  endpoint = await startKmsEndpoint();
  ({ observed: seen } = await runBoto3Script<Observations>("boto3EverydayCalls.py", endpoint.url));
  ({ imported, awsKms } = seen.keys);
}, 60_000);

afterAll(async () => {
  await endpoint?.close();
});

describe("boto3 (Debian's python3-boto3): everyday calls against the local endpoint", () => {
  it("create_alias answers 200; a second create_alias of the name raises AlreadyExistsException (HTTP 400)", () => {
    expect(seen.createAlias).toEqual({
      HTTPStatusCode: 200,
      again: {
        Code: "AlreadyExistsException",
        Message: `An alias with the name ${appAlias.AliasArn} already exists`,
        HTTPStatusCode: 400,
        operation: "CreateAlias",
      },
    });
  });

  it("list_aliases with KeyId lists that key's alias with the bare key ID as TargetKeyId and equal dates", () => {
    const { Aliases, Truncated } = seen.listAliasesOfImported;
    expect(Truncated).toBe(false);
    expect(Aliases).toEqual([expect.objectContaining({ ...appAlias, TargetKeyId: imported })]);
    expect(Aliases[0]?.LastUpdatedDate).toBe(Aliases[0]?.CreationDate);
  });

  it("encrypt with KeyId = the alias name encrypts under its key, and the ciphertext decrypts", () => {
    expect(seen.encryptByAliasName).toEqual({ KeyId: arnOf(imported), decrypted: true });
  });

  it("update_alias moves the alias to another key, keeping its CreationDate; encrypt by alias then uses that key", () => {
    const { ofImported, ofAwsKms, encryptKeyId } = seen.afterUpdateAlias;
    expect(ofImported.Aliases).toEqual([]);
    expect(ofAwsKms.Aliases).toEqual([
      expect.objectContaining({ ...appAlias, TargetKeyId: awsKms }),
      expect.objectContaining({ ...otherAlias, TargetKeyId: awsKms }),
    ]);
    const [moved] = ofAwsKms.Aliases;
    expect(moved?.CreationDate).toBe(seen.listAliasesOfImported.Aliases[0]?.CreationDate);
    expect(Date.parse(moved?.LastUpdatedDate ?? "")).toBeGreaterThanOrEqual(
      Date.parse(moved?.CreationDate ?? ""),
    );
    expect(encryptKeyId).toBe(arnOf(awsKms));
  });

  it("re_encrypt moves a ciphertext of one key to the key the alias names, and the result decrypts under it", () => {
    expect(seen.reEncrypt).toEqual({
      SourceKeyId: arnOf(imported),
      KeyId: arnOf(awsKms),
      SourceEncryptionAlgorithm: "SYMMETRIC_DEFAULT",
      DestinationEncryptionAlgorithm: "SYMMETRIC_DEFAULT",
      decryptedKeyId: arnOf(awsKms),
      decrypted: true,
    });
  });

  it("delete_alias removes the alias; encrypt by its name then raises NotFoundException (HTTP 400)", () => {
    expect(seen.afterDeleteAlias).toEqual({
      aliasNames: [otherAlias.AliasName],
      encrypt: {
        Code: "NotFoundException",
        Message: `Alias ${appAlias.AliasArn} is not found.`,
        HTTPStatusCode: 400,
        operation: "Encrypt",
      },
    });
  });

  it("tag_resource sets tags (a known key's value replaced in place), untag_resource removes them, list_resource_tags lists them", () => {
    expect(seen.tagged).toEqual([
      { TagKey: "team", TagValue: "infra" },
      { TagKey: "env", TagValue: "dev" },
    ]);
    expect(seen.untagged).toEqual([{ TagKey: "team", TagValue: "infra" }]);
    expect(seen.reservedTag).toEqual({
      Code: "TagException",
      Message: "Tags beginning with aws: are reserved",
      HTTPStatusCode: 400,
      operation: "TagResource",
    });
  });

  it("get_key_policy gives AWS's default policy; put_key_policy then get_key_policy round-trips a policy exactly; list_key_policies lists default", () => {
    expect(seen.defaultPolicy).toEqual({
      Version: "2012-10-17",
      Id: "key-default-1",
      Statement: [
        {
          Sid: "Enable IAM User Permissions",
          Effect: "Allow",
          Principal: { AWS: "arn:aws:iam::111122223333:root" },
          Action: "kms:*",
          Resource: "*",
        },
      ],
    });
    expect(seen.policyRoundTrip).toBe(true);
    expect(seen.listKeyPolicies).toEqual({ PolicyNames: ["default"], Truncated: false });
  });

  it("get_key_policy with an alias raises InvalidArnException (HTTP 400)", () => {
    expect(seen.getKeyPolicyByAlias).toEqual({
      Code: "InvalidArnException",
      Message: "Key Aliases are not supported for this operation.",
      HTTPStatusCode: 400,
      operation: "GetKeyPolicy",
    });
  });

  it("update_key_description changes what describe_key shows", () => {
    expect(seen.description).toBe("described by boto3");
  });

  it("generate_random gives the asked number of random bytes", () => {
    expect(seen.generateRandom).toEqual({ isBytes: true, bytes: 32, differ: true });
  });

  it("an AWS_KMS key's rotation reads false, true after enable_key_rotation, false after disable_key_rotation; an EXTERNAL key's raises UnsupportedOperationException", () => {
    expect(seen.rotation).toEqual({
      new: false,
      enabled: true,
      disabled: false,
      external: {
        Code: "UnsupportedOperationException",
        Message: `${arnOf(imported)} origin is EXTERNAL which is not valid for this operation.`,
        HTTPStatusCode: 400,
        operation: "GetKeyRotationStatus",
      },
    });
  });
});
