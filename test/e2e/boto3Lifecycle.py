"""A smaller key lifecycle through boto3 against a local kms-byok endpoint.

Usage: python3 boto3Lifecycle.py <endpoint-url>

Prints one JSON object of observations on stdout; test/e2e/boto3.test.ts asserts on it.
An unexpected exception ends the script with a traceback and a non-zero exit code.
"""

import base64
import datetime
import json
import os
import subprocess
import sys
import tempfile

import boto3
import botocore
from botocore.config import Config
from botocore.exceptions import ClientError

PLAINTEXT = b"Hello from boto3"


def iso(timestamp):
    """A timezone-aware datetime as an ISO 8601 UTC string ending in Z."""
    return timestamp.astimezone(datetime.timezone.utc).isoformat().replace("+00:00", "Z")


def wrap_with_cryptography(public_key_der, material):
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import padding

    public_key = serialization.load_der_public_key(public_key_der)
    return public_key.encrypt(
        material,
        padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(), label=None),
    )


def wrap_with_openssl(public_key_der, material):
    with tempfile.TemporaryDirectory() as work:
        paths = {
            name: os.path.join(work, name)
            for name in ("PublicKey.bin", "PlaintextKeyMaterial.bin", "EncryptedKeyMaterial.bin")
        }
        with open(paths["PublicKey.bin"], "wb") as f:
            f.write(public_key_der)
        with open(paths["PlaintextKeyMaterial.bin"], "wb") as f:
            f.write(material)
        subprocess.run(
            [
                "openssl", "pkeyutl", "-encrypt",
                "-in", paths["PlaintextKeyMaterial.bin"],
                "-out", paths["EncryptedKeyMaterial.bin"],
                "-inkey", paths["PublicKey.bin"], "-keyform", "DER", "-pubin",
                "-pkeyopt", "rsa_padding_mode:oaep",
                "-pkeyopt", "rsa_oaep_md:sha256",
                "-pkeyopt", "rsa_mgf1_md:sha256",
            ],
            check=True,
            capture_output=True,
        )
        with open(paths["EncryptedKeyMaterial.bin"], "rb") as f:
            return f.read()


def wrapper():
    """RSAES_OAEP_SHA_256 in Python with `cryptography` when Debian has it, else openssl."""
    try:
        import cryptography  # noqa: F401
    except ImportError:
        return "openssl", wrap_with_openssl
    return "cryptography", wrap_with_cryptography


def client_error(call):
    """Runs `call`, which must raise a ClientError, and returns what boto3 reports about it."""
    try:
        call()
    except ClientError as error:
        return {
            "Code": error.response["Error"]["Code"],
            "HTTPStatusCode": error.response["ResponseMetadata"]["HTTPStatusCode"],
            "operation": error.operation_name,
        }
    raise AssertionError("expected a ClientError")


def main(endpoint_url):
    kms = boto3.client(
        "kms",
        endpoint_url=endpoint_url,
        region_name="us-east-1",
        aws_access_key_id="local",
        aws_secret_access_key="local",
        # One attempt: a retried 5xx would hide a server error from the test.
        config=Config(retries={"mode": "standard", "total_max_attempts": 1}),
    )
    observed = {"boto3": boto3.__version__, "botocore": botocore.__version__}

    created = kms.create_key(Origin="EXTERNAL")["KeyMetadata"]
    key_id = created["KeyId"]
    observed["createKey"] = {
        name: created[name] for name in ("KeyId", "Arn", "KeyState", "Enabled", "Origin")
    }

    parameters = kms.get_parameters_for_import(
        KeyId=key_id, WrappingAlgorithm="RSAES_OAEP_SHA_256", WrappingKeySpec="RSA_2048"
    )
    observed["getParametersForImport"] = {
        "KeyId": parameters["KeyId"],
        "publicKeyBytes": len(parameters["PublicKey"]),
        "importTokenIsBytes": isinstance(parameters["ImportToken"], bytes),
        "parametersValidToIsAware": parameters["ParametersValidTo"].tzinfo is not None,
    }

    wrapped_with, wrap = wrapper()
    material = os.urandom(32)
    encrypted_key_material = wrap(parameters["PublicKey"], material)
    observed["wrap"] = {"with": wrapped_with, "bytes": len(encrypted_key_material)}

    valid_to = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=30)).replace(
        microsecond=0
    )
    imported = kms.import_key_material(
        KeyId=key_id,
        ImportToken=parameters["ImportToken"],
        EncryptedKeyMaterial=encrypted_key_material,
        ExpirationModel="KEY_MATERIAL_EXPIRES",
        ValidTo=valid_to,
    )
    observed["importKeyMaterial"] = {
        "HTTPStatusCode": imported["ResponseMetadata"]["HTTPStatusCode"],
        "validToSent": iso(valid_to),
    }

    described = kms.describe_key(KeyId=key_id)["KeyMetadata"]
    observed["afterImport"] = {
        "KeyState": described["KeyState"],
        "Enabled": described["Enabled"],
        "ExpirationModel": described["ExpirationModel"],
        "ValidTo": iso(described["ValidTo"]),
    }

    observed["replayedToken"] = client_error(
        lambda: kms.import_key_material(
            KeyId=key_id,
            ImportToken=parameters["ImportToken"],
            EncryptedKeyMaterial=encrypted_key_material,
            ExpirationModel="KEY_MATERIAL_EXPIRES",
            ValidTo=valid_to,
        )
    )

    encrypted = kms.encrypt(KeyId=key_id, Plaintext=PLAINTEXT)
    decrypted = kms.decrypt(CiphertextBlob=encrypted["CiphertextBlob"])
    observed["encrypt"] = {
        "KeyId": encrypted["KeyId"],
        "EncryptionAlgorithm": encrypted["EncryptionAlgorithm"],
        "ciphertextContainsPlaintext": PLAINTEXT in encrypted["CiphertextBlob"],
    }
    observed["decrypt"] = {
        "KeyId": decrypted["KeyId"],
        "EncryptionAlgorithm": decrypted["EncryptionAlgorithm"],
        "Plaintext": base64.b64encode(decrypted["Plaintext"]).decode("ascii"),
    }

    kms.disable_key(KeyId=key_id)
    observed["afterDisable"] = {
        "KeyState": kms.describe_key(KeyId=key_id)["KeyMetadata"]["KeyState"],
        "encrypt": client_error(lambda: kms.encrypt(KeyId=key_id, Plaintext=PLAINTEXT)),
    }
    kms.enable_key(KeyId=key_id)
    observed["afterEnable"] = {
        "KeyState": kms.describe_key(KeyId=key_id)["KeyMetadata"]["KeyState"],
        "decryptedAgain": kms.decrypt(CiphertextBlob=encrypted["CiphertextBlob"])["Plaintext"]
        == PLAINTEXT,
    }

    scheduled = kms.schedule_key_deletion(KeyId=key_id, PendingWindowInDays=7)
    described = kms.describe_key(KeyId=key_id)["KeyMetadata"]
    observed["scheduleKeyDeletion"] = {
        "KeyId": scheduled["KeyId"],
        "KeyState": scheduled["KeyState"],
        "PendingWindowInDays": scheduled["PendingWindowInDays"],
        "DeletionDate": iso(scheduled["DeletionDate"]),
    }
    observed["afterScheduling"] = {
        "KeyState": described["KeyState"],
        "DeletionDate": iso(described["DeletionDate"]),
    }

    json.dump(observed, sys.stdout)
    print()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: boto3Lifecycle.py <endpoint-url>")
    main(sys.argv[1])
