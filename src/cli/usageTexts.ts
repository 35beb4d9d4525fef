/** The usage text of `kms-byok` and of each of its commands, as `--help` prints it. */
export const usageTexts = {
  "kms-byok": `Usage: kms-byok <command> [options]

Commands:
  serve     Run a local AWS KMS endpoint that the AWS CLI and SDKs talk to with
            --endpoint-url (open local mode, or SigV4-verified with --credentials).
  wrap      Wrap key material with the public key from get-parameters-for-import and
            write EncryptedKeyMaterial.bin (the customer side of an import).
  events    Print the audit trail a server kept with --data or --database.
  copy      Copy the keys of one such store into another (SQLite to PostgreSQL).
  demo      Walk the import-key-material workflow in process, on a simulated clock,
            and print a transcript (create, import, expiry, refusal, restore).
  help      Show this help; \`kms-byok help <command>\` shows a command's options.

Run \`kms-byok <command> --help\` for the options of a command.
`,

  serve: `Usage: kms-byok serve [options]

Runs a local AWS KMS endpoint (AWS JSON 1.1 over HTTP, SigV4) for the AWS CLI and SDKs.
Keys live in memory and are gone when it stops, unless --data or --database keeps them.

Options:
  --port PORT          TCP port to listen on; 0 picks a free one (default 4599)
  --host HOST          Address to bind (default 127.0.0.1); without --credentials only
                       a loopback address is allowed
  --account ID         The 12-digit account every caller acts for in open local mode
                       (default 111122223333)
  --region REGION      The Region the endpoint serves; requests must be signed for it
                       (default us-east-1)
  --behaviour PROFILE  classic: the import-key-material man page, symmetric keys with one
                       material each (default); current: AWS KMS today, with rotation of
                       imported material and HMAC and asymmetric imports. A store keeps
                       the profile each account and Region was first served with
  --credentials FILE   A JSON array of {"accessKeyId", "secretAccessKey", "accountId"}:
                       verify every request's SigV4 signature, each access key acting
                       for its own account
  --data DIR           Keep keys in the SQLite file DIR/kms.sqlite (DIR is created,
                       mode 0700), with the root key in DIR/root.key
  --database URL       Keep keys in PostgreSQL (postgres://user:password@host/db), shared
                       by every server given the same URL; needs --root-key-file
  --root-key-file FILE
                       The 32-byte root key that seals every key's material; created
                       with mode 0600 on first start. A file others may read, or a key
                       that does not open the stored keys, stops the server at start
  --warm SPECS         The wrapping key specs whose pools are full before the server says
                       it is ready, separated by commas: RSA_2048, RSA_3072, RSA_4096
                       (default RSA_2048)
  --pool-size N        Ready wrapping key pairs kept per spec, 1 to 1000 (default 3);
                       a spec not in --warm fills to N after its first use
  -h, --help           Show this help

Without --credentials the endpoint runs in open local mode: it does NOT check request
signatures (any well-formed SigV4 request is accepted and acts for --account), and it
binds loopback addresses only.

GetParametersForImport takes a ready wrapping key pair and refills the pool in the
background. With none ready, a request waits for one generated on demand, at most as many
at once per spec as the machine has cores; beyond that it gets ThrottlingException, which
the AWS CLI and SDKs retry. For bursts, warm the spec: --warm RSA_4096 --pool-size 200
answers 200 requests at once (each RSA_4096 pair takes about 2 s of one core to make).

Stop it with Ctrl+C (SIGINT) or SIGTERM: requests in flight finish first.

Keys past their deletion date are removed at start and every minute.

Examples:
  kms-byok serve --data ./kms-data
  kms-byok serve --behaviour current
  kms-byok serve --warm RSA_2048,RSA_4096 --pool-size 200
  kms-byok serve --database postgres://kms@db.internal/kms --root-key-file /etc/kms/root.key
  kms-byok serve
  export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_DEFAULT_REGION=us-east-1
  aws --endpoint-url http://127.0.0.1:4599 kms create-key --origin EXTERNAL
`,

  wrap: `Usage: kms-byok wrap --public-key FILE [options]

The customer side of an import: wraps key material with the public key that
get-parameters-for-import returned and writes the EncryptedKeyMaterial that
import-key-material takes. The material is 32 bytes for a symmetric key, raw bytes for an
HMAC key, and for an RSA or ECC key only its private key, as PKCS#8 DER.

Options:
  --public-key FILE          The wrapping public key (required): DER bytes as written by
                             \`base64 -d > PublicKey.bin\`, or the base64 text of it (the
                             PublicKey of the JSON output), or PEM
  --wrapping-algorithm ALG   The algorithm get-parameters-for-import was called with
                             (default RSAES_OAEP_SHA_256): RSAES_OAEP_SHA_1,
                             RSAES_OAEP_SHA_256, RSA_AES_KEY_WRAP_SHA_1 or
                             RSA_AES_KEY_WRAP_SHA_256. An RSA private key needs
                             RSA_AES_KEY_WRAP_*; so does ECC_NIST_P521 with an RSA_2048
                             wrapping key
  --key-spec SPEC            The KeySpec of the KMS key (default SYMMETRIC_DEFAULT):
                             SYMMETRIC_DEFAULT, HMAC_224, HMAC_256, HMAC_384, HMAC_512,
                             RSA_2048, RSA_3072, RSA_4096, ECC_NIST_P256, ECC_NIST_P384,
                             ECC_NIST_P521 or ECC_SECG_P256K1
  --key-material FILE        Read the key material from FILE and check it against
                             --key-spec: raw bytes (exactly 32 for SYMMETRIC_DEFAULT; for
                             HMAC the spec's range, e.g. 32 to 64 for HMAC_256), or for RSA
                             and ECC the private key as PKCS#8 DER or PEM (BEGIN RSA or EC
                             PRIVATE KEY is converted). Without it, fresh material is
                             generated: random bytes (32, or the HMAC spec's shortest
                             length) or a new private key
  --save-key-material FILE   Also write the plaintext key material to FILE (mode 0600,
                             never over an existing file): raw bytes, or the private key
                             as PKCS#8 PEM. Reimporting after expiry or deletion needs the
                             same material
  --out FILE                 Where to write the wrapped key material
                             (default EncryptedKeyMaterial.bin)
  -h, --help                 Show this help

Files are written whole or not at all; on any error nothing is written.

Examples:
  aws kms get-parameters-for-import --key-id "$KEY_ID" \\
      --wrapping-algorithm RSAES_OAEP_SHA_256 --wrapping-key-spec RSA_2048 \\
      --query '[PublicKey, ImportToken]' --output text > params.txt
  cut -f1 params.txt | base64 -d > PublicKey.bin
  cut -f2 params.txt | base64 -d > ImportToken.bin
  kms-byok wrap --public-key PublicKey.bin --save-key-material PlaintextKeyMaterial.bin
  aws kms import-key-material --key-id "$KEY_ID" \\
      --encrypted-key-material fileb://EncryptedKeyMaterial.bin \\
      --import-token fileb://ImportToken.bin \\
      --expiration-model KEY_MATERIAL_EXPIRES --valid-to "$(date -u -d +30days +%FT%TZ)"
  # An ECC key: its parameters requested with --wrapping-algorithm RSA_AES_KEY_WRAP_SHA_256
  kms-byok wrap --public-key PublicKey.bin --key-spec ECC_NIST_P256 \\
      --wrapping-algorithm RSA_AES_KEY_WRAP_SHA_256 --key-material ec-private-key.pem
`,

  events: `Usage: kms-byok events (--data DIR | --database URL) [options]

Prints the audit trail of a store that kms-byok serve kept keys in, oldest first: each
committed change of a key (operation, time, resulting key state, key ARN, material ID),
written in the same transaction as the change. Events hold no secrets; no root key needed.

Options:
  --data DIR       The data directory of kms-byok serve --data DIR
  --database URL   The PostgreSQL URL of kms-byok serve --database URL
  --key-id ID      Only the events of this key (key ID or key ARN)
  --json           One JSON object a line instead of columns
  -h, --help       Show this help

Example:
  kms-byok events --data ./kms-data --key-id 1234abcd-12ab-34cd-56ef-1234567890ab
`,

  copy: `Usage: kms-byok copy (--from-data DIR | --from-database URL)
                     (--to-data DIR | --to-database URL) [--root-key-file FILE]

Copies every key and audit event of the store of one kms-byok serve into a store that holds
no key yet: all of it, or nothing. Records stay sealed, so both stores use one root key: the
source's. Stop the servers of the source first, so that no change is missed.

Options:
  --from-data DIR        Copy from the SQLite store of kms-byok serve --data DIR
  --from-database URL    Copy from the PostgreSQL store of kms-byok serve --database URL
  --to-data DIR          Copy into DIR/kms.sqlite (created); without --root-key-file the
                         root key is copied to DIR/root.key too (mode 0600)
  --to-database URL      Copy into a PostgreSQL database (its tables are created)
  --root-key-file FILE   The root key of the source (default: DIR/root.key of --from-data)
  -h, --help             Show this help

Example:
  kms-byok copy --from-data ./kms-data --to-database postgres://kms@db.internal/kms \
      --root-key-file ./kms-data/root.key
`,

  demo: `Usage: kms-byok demo

Runs the import-key-material workflow in process, on a simulated clock, and prints a
transcript: create an EXTERNAL key, import material that expires, let it expire, see
different material refused, and restore the key with the same material.

Options:
  -h, --help   Show this help
`,

  help: `Usage: kms-byok help [command]

Shows the commands of kms-byok, or the options of one command
(serve, wrap, events, copy, demo, help).
`,
} as const;

/** A command of `kms-byok`. */
export type CommandName = Exclude<keyof typeof usageTexts, "kms-byok">;

/** Whether `name` is a command of `kms-byok`. */
export function isCommandName(name: string): name is CommandName {
  return name !== "kms-byok" && Object.hasOwn(usageTexts, name);
}
