import { describe, expect, it } from "vitest";
import {
  asCliPrintsIt,
  aws,
  type KeyMetadata,
  noOutput,
  serviceError,
  shellSession,
  useAwsCliEndpoint,
  validToIn30Days,
} from "./support/awsCliSession.js";

// What a Terraform-style provisioner does with the AWS CLI v2 against `kms-byok serve`: an
// external key with an alias, tags and a policy, material imported, used by alias, material
// reimported with a new expiry, the alias renamed, and everything deleted.

useAwsCliEndpoint();

const policy = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "Admins",
      Effect: "Allow",
      Principal: { AWS: "arn:aws:iam::111122223333:root" },
      Action: "kms:*",
      Resource: "*",
    },
  ],
});

describe("the AWS CLI v2 provisioning an external key", { timeout: 120_000 }, () => {
  it("creates an external key with tags, an alias and a policy, imports material, encrypts by alias, reimports with a new ValidTo, renames the alias and deletes it all", async () => {
    const sh = await shellSession();
    const created = JSON.parse(
      await sh.succeed(
        `${aws()} kms create-key --origin EXTERNAL --description "payments key" --tags TagKey=team,TagValue=payments TagKey=env,TagValue=dev`,
      ),
    ) as { KeyMetadata: KeyMetadata };
    const { KeyId, Arn } = created.KeyMetadata;

    expect(
      await sh.run(
        `${aws()} kms create-alias --alias-name alias/payments --target-key-id ${KeyId}`,
      ),
    ).toEqual(noOutput);
    expect(
      await sh.run(`${aws()} kms tag-resource --key-id ${Arn} --tags TagKey=owner,TagValue=sre`),
    ).toEqual(noOutput);
    await sh.succeed(`printf '%s' '${policy}' > policy.json`);
    expect(
      await sh.run(
        `${aws()} kms put-key-policy --key-id ${KeyId} --policy-name default --policy file://policy.json`,
      ),
    ).toEqual(noOutput);

    expect(
      JSON.parse(await sh.succeed(`${aws()} kms list-resource-tags --key-id ${KeyId}`)),
    ).toMatchObject({
      Tags: [
        { TagKey: "team", TagValue: "payments" },
        { TagKey: "env", TagValue: "dev" },
        { TagKey: "owner", TagValue: "sre" },
      ],
    });
    const got = JSON.parse(
      await sh.succeed(`${aws()} kms get-key-policy --key-id ${KeyId} --policy-name default`),
    ) as { Policy: string };
    expect(got.Policy).toBe(policy);
    const aliases = JSON.parse(await sh.succeed(`${aws()} kms list-aliases --key-id ${KeyId}`)) as {
      Aliases: unknown[];
    };
    expect(aliases.Aliases).toEqual([
      expect.objectContaining({
        AliasName: "alias/payments",
        AliasArn: "arn:aws:kms:us-east-1:111122223333:alias/payments",
        TargetKeyId: KeyId,
      }),
    ]);

    await sh.downloadImportParameters(KeyId);
    await sh.wrapNewMaterial();
    expect(await sh.importKeyMaterial(KeyId, validToIn30Days())).toEqual(noOutput);

    const encrypted = await sh.succeed(String.raw`printf 'card data' > Plaintext.txt
${aws()} kms encrypt --key-id alias/payments --plaintext fileb://Plaintext.txt \
  --query CiphertextBlob --output text | base64 --decode > Ciphertext.bin
${aws()} kms decrypt --key-id alias/payments --ciphertext-blob fileb://Ciphertext.bin \
  --query Plaintext --output text | base64 --decode`);
    expect(encrypted).toBe("card data");

    // Reimport of the same material, with a later ValidTo, into the Enabled key.
    const later = new Date(Date.now() + 90 * 24 * 3600 * 1000)
      .toISOString()
      .replace(/\.\d{3}Z$/, "Z");
    await sh.downloadImportParameters(KeyId);
    await sh.wrapWithOaepSha256();
    expect(await sh.importKeyMaterial(KeyId, later)).toEqual(noOutput);
    expect(await sh.describeKey("alias/payments")).toMatchObject({
      KeyId,
      KeyState: "Enabled",
      ValidTo: asCliPrintsIt(later),
    });

    // Rename: a new alias for the key, then the old one removed; UpdateAlias moves one to another key.
    const other = await sh.createExternalKey();
    expect(
      await sh.run(
        `${aws()} kms create-alias --alias-name alias/payments-v2 --target-key-id ${KeyId}`,
      ),
    ).toEqual(noOutput);
    expect(
      await sh.run(
        `${aws()} kms update-alias --alias-name alias/payments --target-key-id ${other.KeyId}`,
      ),
    ).toEqual(noOutput);
    expect((await sh.describeKey("alias/payments")).KeyId).toBe(other.KeyId);
    expect(await sh.run(`${aws()} kms delete-alias --alias-name alias/payments`)).toEqual(noOutput);
    const refused = await sh.run(
      `${aws()} kms encrypt --key-id alias/payments --plaintext fileb://Plaintext.txt`,
    );
    expect(refused.exitCode).toBe(254);
    expect(refused.stderr).toMatch(serviceError("NotFoundException", "Encrypt"));

    await sh.succeed(
      `${aws()} kms schedule-key-deletion --key-id ${KeyId} --pending-window-in-days 7`,
    );
    const lateTag = await sh.run(
      `${aws()} kms tag-resource --key-id ${KeyId} --tags TagKey=late,TagValue=x`,
    );
    expect(lateTag.stderr).toMatch(serviceError("KMSInvalidStateException", "TagResource"));
  });

  it("answers the everyday calls: update-key-description, generate-random, re-encrypt and the rotation settings", async () => {
    const sh = await shellSession();
    const source = await sh.enabledKey();
    const created = JSON.parse(await sh.succeed(`${aws()} kms create-key`)) as {
      KeyMetadata: KeyMetadata;
    };
    const managed = created.KeyMetadata.KeyId;

    expect(
      await sh.run(
        `${aws()} kms update-key-description --key-id ${source.KeyId} --description renamed`,
      ),
    ).toEqual(noOutput);
    expect(await sh.describeKey(source.KeyId)).toMatchObject({ Description: "renamed" });

    const random = await sh.succeed(
      `${aws()} kms generate-random --number-of-bytes 32 --query Plaintext --output text | base64 --decode | wc -c`,
    );
    expect(random.trim()).toBe("32");

    const moved = await sh.succeed(String.raw`printf 'moving' > Plaintext.txt
${aws()} kms encrypt --key-id ${source.KeyId} --plaintext fileb://Plaintext.txt \
  --query CiphertextBlob --output text | base64 --decode > Old.bin
${aws()} kms re-encrypt --ciphertext-blob fileb://Old.bin --destination-key-id ${managed} \
  --query CiphertextBlob --output text | base64 --decode > New.bin
${aws()} kms decrypt --ciphertext-blob fileb://New.bin --query Plaintext --output text | base64 --decode`);
    expect(moved).toBe("moving");

    // Debian's AWS CLI (2.9) predates rotation periods: it sends none and shows none.
    expect(await sh.run(`${aws()} kms enable-key-rotation --key-id ${managed}`)).toEqual(noOutput);
    expect(
      JSON.parse(await sh.succeed(`${aws()} kms get-key-rotation-status --key-id ${managed}`)),
    ).toEqual({ KeyRotationEnabled: true });
    const external = await sh.run(`${aws()} kms get-key-rotation-status --key-id ${source.KeyId}`);
    expect(external.stderr).toMatch(
      serviceError("UnsupportedOperationException", "GetKeyRotationStatus"),
    );
    const alias = await sh.run(
      `${aws()} kms get-key-policy --key-id alias/none --policy-name default`,
    );
    expect(alias.stderr).toMatch(serviceError("InvalidArnException", "GetKeyPolicy"));
  });
});
