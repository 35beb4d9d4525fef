"""The everyday KMS calls beyond the key lifecycle, through boto3, against a local kms-byok endpoint:
aliases, tags, the key policy, UpdateKeyDescription, GenerateRandom, ReEncrypt and the rotation
settings.

Usage: python3 boto3EverydayCalls.py <endpoint-url>

Prints one JSON object of observations on stdout; test/e2e/boto3EverydayCalls.test.ts asserts on
it. An unexpected exception ends the script with a traceback and a non-zero exit code. Only members
Debian's (older) botocore models are observed: it drops the others from responses.
"""

import json
import os
import sys

import boto3
import botocore
from botocore.config import Config
from botocore.exceptions import ClientError

from boto3Lifecycle import iso, wrapper

PLAINTEXT = b"Hello from boto3, by alias"
APP = "alias/boto3-app"
OTHER = "alias/boto3-other"
POLICY = json.dumps(
    {
        "Version": "2012-10-17",
        "Id": "boto3-policy",
        "Statement": [
            {
                "Sid": "Root",
                "Effect": "Allow",
                "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
                "Action": "kms:*",
                "Resource": "*",
            }
        ],
    },
    indent=2,
)


def client_error(call):
    """Runs `call`, which must raise a ClientError, and returns what boto3 reports about it."""
    try:
        call()
    except ClientError as error:
        return {
            "Code": error.response["Error"]["Code"],
            "Message": error.response["Error"]["Message"],
            "HTTPStatusCode": error.response["ResponseMetadata"]["HTTPStatusCode"],
            "operation": error.operation_name,
        }
    raise AssertionError("expected a ClientError")


def imported_key(kms):
    """A new EXTERNAL key with 32 random bytes of material imported; its key ID."""
    key_id = kms.create_key(Origin="EXTERNAL")["KeyMetadata"]["KeyId"]
    parameters = kms.get_parameters_for_import(
        KeyId=key_id, WrappingAlgorithm="RSAES_OAEP_SHA_256", WrappingKeySpec="RSA_2048"
    )
    _, wrap = wrapper()
    kms.import_key_material(
        KeyId=key_id,
        ImportToken=parameters["ImportToken"],
        EncryptedKeyMaterial=wrap(parameters["PublicKey"], os.urandom(32)),
        ExpirationModel="KEY_MATERIAL_DOES_NOT_EXPIRE",
    )
    return key_id


def aliases_of(kms, key_id):
    """list_aliases(KeyId=...) with the dates as ISO strings."""
    listed = kms.list_aliases(KeyId=key_id)
    return {
        "Truncated": listed["Truncated"],
        "Aliases": [
            {
                **entry,
                "CreationDate": iso(entry["CreationDate"]),
                "LastUpdatedDate": iso(entry["LastUpdatedDate"]),
            }
            for entry in listed["Aliases"]
        ],
    }


def main(endpoint_url):
    kms = boto3.client(
        "kms",
        endpoint_url=endpoint_url,
        region_name="us-east-1",
        aws_access_key_id="local",
        aws_secret_access_key="local",
        config=Config(retries={"mode": "standard", "total_max_attempts": 1}),
    )
    observed = {"boto3": boto3.__version__, "botocore": botocore.__version__}
    imported = imported_key(kms)
    aws_kms = kms.create_key()["KeyMetadata"]["KeyId"]
    observed["keys"] = {"imported": imported, "awsKms": aws_kms}

    # Aliases
    created = kms.create_alias(AliasName=APP, TargetKeyId=imported)
    kms.create_alias(AliasName=OTHER, TargetKeyId=aws_kms)
    observed["createAlias"] = {
        "HTTPStatusCode": created["ResponseMetadata"]["HTTPStatusCode"],
        "again": client_error(lambda: kms.create_alias(AliasName=APP, TargetKeyId=aws_kms)),
    }
    observed["listAliasesOfImported"] = aliases_of(kms, imported)
    encrypted = kms.encrypt(KeyId=APP, Plaintext=PLAINTEXT)
    observed["encryptByAliasName"] = {
        "KeyId": encrypted["KeyId"],
        "decrypted": kms.decrypt(CiphertextBlob=encrypted["CiphertextBlob"])["Plaintext"]
        == PLAINTEXT,
    }

    kms.update_alias(AliasName=APP, TargetKeyId=aws_kms)
    observed["afterUpdateAlias"] = {
        "ofImported": aliases_of(kms, imported),
        "ofAwsKms": aliases_of(kms, aws_kms),
        "encryptKeyId": kms.encrypt(KeyId=APP, Plaintext=PLAINTEXT)["KeyId"],
    }

    # ReEncrypt: from the imported key (by its ciphertext) to whatever the alias names now.
    reencrypted = kms.re_encrypt(
        CiphertextBlob=encrypted["CiphertextBlob"], DestinationKeyId=APP
    )
    decrypted = kms.decrypt(CiphertextBlob=reencrypted["CiphertextBlob"])
    observed["reEncrypt"] = {
        name: reencrypted[name]
        for name in (
            "SourceKeyId",
            "KeyId",
            "SourceEncryptionAlgorithm",
            "DestinationEncryptionAlgorithm",
        )
    }
    observed["reEncrypt"]["decryptedKeyId"] = decrypted["KeyId"]
    observed["reEncrypt"]["decrypted"] = decrypted["Plaintext"] == PLAINTEXT

    kms.delete_alias(AliasName=APP)
    observed["afterDeleteAlias"] = {
        "aliasNames": [entry["AliasName"] for entry in kms.list_aliases()["Aliases"]],
        "encrypt": client_error(lambda: kms.encrypt(KeyId=APP, Plaintext=PLAINTEXT)),
    }

    # Tags
    kms.tag_resource(
        KeyId=imported,
        Tags=[{"TagKey": "team", "TagValue": "core"}, {"TagKey": "env", "TagValue": "dev"}],
    )
    kms.tag_resource(KeyId=imported, Tags=[{"TagKey": "team", "TagValue": "infra"}])
    observed["tagged"] = kms.list_resource_tags(KeyId=imported)["Tags"]
    kms.untag_resource(KeyId=imported, TagKeys=["env"])
    observed["untagged"] = kms.list_resource_tags(KeyId=imported)["Tags"]
    observed["reservedTag"] = client_error(
        lambda: kms.tag_resource(KeyId=imported, Tags=[{"TagKey": "aws:x", "TagValue": ""}])
    )

    # The key policy
    observed["defaultPolicy"] = json.loads(
        kms.get_key_policy(KeyId=imported, PolicyName="default")["Policy"]
    )
    kms.put_key_policy(KeyId=imported, PolicyName="default", Policy=POLICY)
    observed["policyRoundTrip"] = (
        kms.get_key_policy(KeyId=imported, PolicyName="default")["Policy"] == POLICY
    )
    listed = kms.list_key_policies(KeyId=imported)
    observed["listKeyPolicies"] = {
        "PolicyNames": listed["PolicyNames"],
        "Truncated": listed["Truncated"],
    }
    observed["getKeyPolicyByAlias"] = client_error(
        lambda: kms.get_key_policy(KeyId=OTHER, PolicyName="default")
    )

    # Description, random bytes
    kms.update_key_description(KeyId=imported, Description="described by boto3")
    observed["description"] = kms.describe_key(KeyId=imported)["KeyMetadata"]["Description"]
    first = kms.generate_random(NumberOfBytes=32)["Plaintext"]
    second = kms.generate_random(NumberOfBytes=32)["Plaintext"]
    observed["generateRandom"] = {
        "isBytes": isinstance(first, bytes),
        "bytes": len(first),
        "differ": first != second,
    }

    # Rotation settings: an AWS_KMS key has them, an EXTERNAL key does not.
    observed["rotation"] = {
        "new": kms.get_key_rotation_status(KeyId=aws_kms)["KeyRotationEnabled"],
    }
    kms.enable_key_rotation(KeyId=aws_kms)
    observed["rotation"]["enabled"] = kms.get_key_rotation_status(KeyId=aws_kms)[
        "KeyRotationEnabled"
    ]
    kms.disable_key_rotation(KeyId=aws_kms)
    observed["rotation"]["disabled"] = kms.get_key_rotation_status(KeyId=aws_kms)[
        "KeyRotationEnabled"
    ]
    observed["rotation"]["external"] = client_error(
        lambda: kms.get_key_rotation_status(KeyId=imported)
    )

    json.dump(observed, sys.stdout)
    print()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: boto3EverydayCalls.py <endpoint-url>")
    main(sys.argv[1])
