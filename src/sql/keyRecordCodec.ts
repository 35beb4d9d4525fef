import { err, ok, type Result } from "neverthrow";
import { type KeyArn, keyArn } from "../domain/keyArn.js";
import { isKeyId } from "../domain/keyId.js";
import { isKeyMaterialId } from "../domain/keyMaterialId.js";
import type {
  KeyMaterial,
  KeyRecord,
  KeyRecordBase,
  KeyRotation,
  KeyTag,
  OtherMaterial,
  ParameterSet,
} from "../domain/keyRecord.js";
import {
  isEccKeySpec,
  isHmacKeySpec,
  isRsaKeySpec,
  type KeyUsage,
  keyUsagesOf,
} from "../domain/keySpec.js";
import { wrappingKeyBits, wrappingSchemes } from "../domain/wrappingTable.js";
import {
  bytesMember,
  dateMember,
  type JsonObject,
  jsonObject,
  numberMember,
  parseJsonObject,
  stringMember,
} from "./jsonMembers.js";

/** The layout of a stored record; a record of another layout is refused, not guessed at. */
const layout = 1;

/**
 * A key record as the JSON text of one row: Dates as ISO-8601 strings, bytes as base64. The
 * layout number goes first, so a later layout can be told apart. The optional members (key spec,
 * usage and public key, tags, policy, rotation, other materials) are written only when present, so a record without them reads the same as
 * one written before they existed.
 */
export function encodeKeyRecord(record: KeyRecord): string {
  return JSON.stringify({
    layout,
    arn: record.arn,
    keyId: record.keyId,
    accountId: record.accountId,
    region: record.region,
    creationDate: record.creationDate.toISOString(),
    description: record.description,
    origin: record.origin,
    keySpec: record.keySpec,
    keyUsage: record.keyUsage,
    publicKey: record.publicKey === undefined ? undefined : base64(record.publicKey),
    boundMaterialId: record.boundMaterialId,
    parameterSets: record.parameterSets.map((set) => ({
      id: set.id,
      wrappingAlgorithm: set.wrappingAlgorithm,
      wrappingKeySpec: set.wrappingKeySpec,
      sealedPrivateKey: base64(set.sealedPrivateKey),
      validTo: set.validTo.toISOString(),
    })),
    tags: record.tags?.map(({ key, value }) => ({ key, value })),
    policy: record.policy,
    rotation:
      record.rotation === undefined
        ? undefined
        : {
            enabledAt: record.rotation.enabledAt.toISOString(),
            periodInDays: record.rotation.periodInDays,
          },
    keyState: record.keyState,
    otherMaterials: record.otherMaterials?.map(encodeMaterial),
    material:
      record.keyState === "PendingImport" || record.material === undefined
        ? undefined
        : encodeMaterial(record.material),
    ...(record.keyState === "PendingDeletion"
      ? {
          deletionDate: record.deletionDate.toISOString(),
          pendingWindowInDays: record.pendingWindowInDays,
        }
      : {}),
  });
}

/**
 * The key record in `text`, checked member by member, including the rules of its state (an
 * `Enabled` or `Disabled` key has material, a `PendingImport` key has none) and that it is the
 * record of `arn`.
 *
 * Errors: a sentence naming the first member that is missing or wrong.
 */
export function decodeKeyRecord(text: string, arn: KeyArn): Result<KeyRecord, string> {
  const parsed = parseJsonObject(text);
  if (parsed.isErr()) return err(parsed.error);
  const row = parsed.value;
  if (row["layout"] !== layout) return err(`its layout is not ${layout}`);
  const keyId = stringMember(row, "keyId");
  const accountId = stringMember(row, "accountId");
  const region = stringMember(row, "region");
  if (keyId === undefined || !isKeyId(keyId)) return err("keyId is not a key ID");
  if (accountId === undefined || region === undefined) return err("accountId or region is missing");
  if (row["arn"] !== arn || keyArn({ accountId, region }, keyId) !== arn)
    return err("arn, keyId, accountId and region do not name this key");
  const creationDate = dateMember(row, "creationDate");
  const description = stringMember(row, "description");
  const origin = row["origin"];
  const boundMaterialId = row["boundMaterialId"];
  const storedSets = row["parameterSets"];
  if (creationDate === undefined) return err("creationDate is not a date");
  if (description === undefined) return err("description is not a string");
  if (origin !== "EXTERNAL" && origin !== "AWS_KMS")
    return err("origin is not EXTERNAL or AWS_KMS");
  const kind = decodeKeyKind(row);
  if (kind === null) return err("keySpec, keyUsage and publicKey do not describe a key");
  if (
    boundMaterialId !== undefined &&
    (typeof boundMaterialId !== "string" || !isKeyMaterialId(boundMaterialId))
  )
    return err("boundMaterialId is not a key material ID");
  const parameterSets: ParameterSet[] = [];
  for (const stored of Array.isArray(storedSets) ? storedSets : [undefined]) {
    const set = decodeParameterSet(stored);
    if (set === undefined) return err("parameterSets holds something that is not a parameter set");
    parameterSets.push(set);
  }
  const tags = row["tags"] === undefined ? undefined : decodeTags(row["tags"]);
  if (tags === null) return err("tags is not a list of tags with keys used once");
  const policy = row["policy"];
  if (policy !== undefined && typeof policy !== "string") return err("policy is not a string");
  const rotation = row["rotation"] === undefined ? undefined : decodeRotation(row["rotation"]);
  if (rotation === null) return err("rotation is not a rotation setting");
  const storedOthers = row["otherMaterials"];
  const otherMaterials: OtherMaterial[] = [];
  for (const stored of storedOthers === undefined
    ? []
    : Array.isArray(storedOthers)
      ? storedOthers
      : [null]) {
    const other = decodeMaterialFields(stored);
    if (other === null || !isMaterialState(other.state))
      return err("otherMaterials holds something that is not a material of the key");
    otherMaterials.push({ ...other, state: other.state });
  }
  const base: KeyRecordBase = {
    arn,
    keyId,
    accountId,
    region,
    creationDate,
    description,
    origin,
    ...kind,
    ...(boundMaterialId === undefined ? {} : { boundMaterialId }),
    parameterSets,
    ...(tags === undefined ? {} : { tags }),
    ...(policy === undefined ? {} : { policy }),
    ...(rotation === undefined ? {} : { rotation }),
    ...(storedOthers === undefined ? {} : { otherMaterials }),
  };
  const material = row["material"] === undefined ? undefined : decodeMaterial(row["material"]);
  if (material === null) return err("material is not key material");
  const keyState = row["keyState"];
  switch (keyState) {
    case "PendingImport":
      return material === undefined
        ? ok({ ...base, keyState })
        : err("a PendingImport key holds material");
    case "Enabled":
    case "Disabled":
      return material === undefined
        ? err(`an ${keyState} key has no material`)
        : ok({ ...base, keyState, material });
    case "PendingDeletion": {
      const deletionDate = dateMember(row, "deletionDate");
      const pendingWindowInDays = numberMember(row, "pendingWindowInDays");
      if (deletionDate === undefined) return err("deletionDate is not a date");
      if (pendingWindowInDays === undefined || !Number.isInteger(pendingWindowInDays))
        return err("pendingWindowInDays is not a whole number");
      return ok({
        ...base,
        keyState,
        deletionDate,
        pendingWindowInDays,
        ...(material === undefined ? {} : { material }),
      });
    }
    default:
      return err("keyState is not a key state");
  }
}

/** The deletion date of a record, as the ISO-8601 text a row keeps for removing due keys. */
export function deletionDateOf(record: KeyRecord): string | null {
  return record.keyState === "PendingDeletion" ? record.deletionDate.toISOString() : null;
}

/**
 * The key spec, usage and public key of an HMAC or asymmetric key (none for a symmetric one):
 * a spec other than `SYMMETRIC_DEFAULT` with a usage it allows, and a public key only for RSA and
 * ECC; `null` for anything else.
 */
function decodeKeyKind(
  row: JsonObject,
): Pick<KeyRecordBase, "keySpec" | "keyUsage" | "publicKey"> | null {
  const { keySpec, keyUsage } = row;
  const publicKey = row["publicKey"] === undefined ? undefined : bytesMember(row, "publicKey");
  if (keySpec === undefined)
    return keyUsage === undefined && row["publicKey"] === undefined ? {} : null;
  if (
    typeof keySpec !== "string" ||
    !(isHmacKeySpec(keySpec) || isRsaKeySpec(keySpec) || isEccKeySpec(keySpec)) ||
    typeof keyUsage !== "string" ||
    !(keyUsagesOf(keySpec) as readonly string[]).includes(keyUsage) ||
    (row["publicKey"] !== undefined && (publicKey === undefined || isHmacKeySpec(keySpec)))
  )
    return null;
  return {
    keySpec,
    keyUsage: keyUsage as KeyUsage,
    ...(publicKey === undefined ? {} : { publicKey }),
  };
}

function decodeParameterSet(value: unknown): ParameterSet | undefined {
  const set = jsonObject(value);
  if (set === undefined) return undefined;
  const id = stringMember(set, "id");
  const wrappingAlgorithm = set["wrappingAlgorithm"];
  const wrappingKeySpec = set["wrappingKeySpec"];
  const sealedPrivateKey = bytesMember(set, "sealedPrivateKey");
  const validTo = dateMember(set, "validTo");
  if (
    id === undefined ||
    typeof wrappingAlgorithm !== "string" ||
    !Object.hasOwn(wrappingSchemes, wrappingAlgorithm) ||
    typeof wrappingKeySpec !== "string" ||
    !Object.hasOwn(wrappingKeyBits, wrappingKeySpec) ||
    sealedPrivateKey === undefined ||
    validTo === undefined
  )
    return undefined;
  return {
    id,
    wrappingAlgorithm: wrappingAlgorithm as ParameterSet["wrappingAlgorithm"],
    wrappingKeySpec: wrappingKeySpec as ParameterSet["wrappingKeySpec"],
    sealedPrivateKey,
    validTo,
  };
}

/** A material as a record keeps it: bytes as base64, Dates as ISO-8601. */
function encodeMaterial(material: KeyMaterial | OtherMaterial) {
  const { sealed, validTo, rotationDate, ...rest } = material;
  return {
    ...rest,
    sealed: sealed === undefined ? undefined : base64(sealed),
    validTo: validTo?.toISOString(),
    rotationDate: rotationDate?.toISOString(),
  };
}

/** The held material in `value`, or `null` when it is not material with its bytes. */
function decodeMaterial(value: unknown): KeyMaterial | null {
  const fields = decodeMaterialFields(value);
  if (fields === null || fields.sealed === undefined || fields.state !== undefined) return null;
  const { state: _state, sealed, ...rest } = fields;
  return { ...rest, sealed };
}

const materialStates: readonly unknown[] = ["CURRENT", "NON_CURRENT", "PENDING_ROTATION"];

function isMaterialState(value: unknown): value is OtherMaterial["state"] {
  return materialStates.includes(value);
}

/** The members of a material in `value`, each checked, or `null` when one is wrong. */
function decodeMaterialFields(
  value: unknown,
): (Omit<OtherMaterial, "state"> & { readonly state?: unknown }) | null {
  const material = jsonObject(value);
  if (material === undefined) return null;
  const id = material["id"];
  const optional = <T>(name: string, read: (o: JsonObject, n: string) => T | undefined) =>
    material[name] === undefined ? null : (read(material, name) ?? undefined);
  const sealed = optional("sealed", bytesMember);
  const validTo = optional("validTo", dateMember);
  const rotationDate = optional("rotationDate", dateMember);
  const description = optional("description", stringMember);
  if (
    typeof id !== "string" ||
    !isKeyMaterialId(id) ||
    sealed === undefined ||
    validTo === undefined ||
    rotationDate === undefined ||
    description === undefined
  )
    return null;
  return {
    id,
    ...(material["state"] === undefined ? {} : { state: material["state"] }),
    ...(sealed === null ? {} : { sealed }),
    ...(validTo === null ? {} : { validTo }),
    ...(description === null ? {} : { description }),
    ...(rotationDate === null ? {} : { rotationDate }),
  };
}

/** The tags in `value`, or `null` when it is not a list of `{ key, value }` with distinct keys. */
function decodeTags(value: unknown): KeyTag[] | null {
  if (!Array.isArray(value)) return null;
  const tags: KeyTag[] = [];
  const keys = new Set<string>();
  for (const item of value) {
    const tag = jsonObject(item);
    const key = tag === undefined ? undefined : stringMember(tag, "key");
    const text = tag === undefined ? undefined : stringMember(tag, "value");
    if (key === undefined || text === undefined || keys.has(key)) return null;
    keys.add(key);
    tags.push({ key, value: text });
  }
  return tags;
}

/** The rotation setting in `value`, or `null` when it is not one. */
function decodeRotation(value: unknown): KeyRotation | null {
  const rotation = jsonObject(value);
  if (rotation === undefined) return null;
  const enabledAt = dateMember(rotation, "enabledAt");
  const periodInDays = numberMember(rotation, "periodInDays");
  if (enabledAt === undefined || periodInDays === undefined || !Number.isInteger(periodInDays))
    return null;
  return { enabledAt, periodInDays };
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
}
