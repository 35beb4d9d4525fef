import { err, ok, type Result } from "neverthrow";
import { type KeyArn, keyArn } from "../domain/keyArn.js";
import { isKeyId } from "../domain/keyId.js";
import { isKeyMaterialId, type KeyMaterialId } from "../domain/keyMaterialId.js";
import type { KeyMaterial, KeyRecord, KeyRecordBase, ParameterSet } from "../domain/keyRecord.js";
import { wrappingKeyBits, wrappingSchemes } from "../domain/wrappingTable.js";
import { type JsonReader, jsonReader } from "./jsonReader.js";

/** The layout of a stored record; a record of another layout is refused, not guessed at. */
const layout = 1;

/**
 * A key record as the JSON text of one row: Dates as ISO-8601 strings, bytes as base64. The
 * layout number goes first, so a later layout can be told apart.
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
    boundMaterialId: record.boundMaterialId,
    parameterSets: record.parameterSets.map((set) => ({
      id: set.id,
      wrappingAlgorithm: set.wrappingAlgorithm,
      wrappingKeySpec: set.wrappingKeySpec,
      sealedPrivateKey: base64(set.sealedPrivateKey),
      validTo: set.validTo.toISOString(),
    })),
    keyState: record.keyState,
    material:
      record.keyState === "PendingImport" || record.material === undefined
        ? undefined
        : {
            id: record.material.id,
            sealed: base64(record.material.sealed),
            validTo: record.material.validTo?.toISOString(),
          },
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
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return err("its JSON does not parse");
  }
  const row = jsonReader(parsed);
  if (row.number("layout") !== layout) return err(`its layout is not ${layout}`);
  const keyId = row.string("keyId");
  const accountId = row.string("accountId");
  const region = row.string("region");
  if (keyId === undefined || !isKeyId(keyId)) return err("keyId is not a key ID");
  if (accountId === undefined || region === undefined) return err("accountId or region is missing");
  if (row.string("arn") !== arn || keyArn({ accountId, region }, keyId) !== arn)
    return err("arn, keyId, accountId and region do not name this key");
  const creationDate = row.date("creationDate");
  const description = row.string("description");
  const origin = row.string("origin");
  const boundMaterialId = row.optionalString("boundMaterialId");
  const parameterSets = row.array("parameterSets")?.map(decodeParameterSet);
  if (creationDate === undefined) return err("creationDate is not a date");
  if (description === undefined) return err("description is not a string");
  if (origin !== "EXTERNAL" && origin !== "AWS_KMS")
    return err("origin is not EXTERNAL or AWS_KMS");
  if (
    boundMaterialId === null ||
    (boundMaterialId !== undefined && !isKeyMaterialId(boundMaterialId))
  )
    return err("boundMaterialId is not a key material ID");
  if (parameterSets === undefined || parameterSets.some((set) => set === undefined))
    return err("parameterSets holds something that is not a parameter set");
  const base: KeyRecordBase = {
    arn,
    keyId,
    accountId,
    region,
    creationDate,
    description,
    origin,
    ...(boundMaterialId === undefined ? {} : { boundMaterialId }),
    parameterSets: parameterSets as ParameterSet[],
  };
  const material = row.has("material") ? decodeMaterial(row.object("material")) : undefined;
  if (material === null) return err("material is not key material");
  switch (row.string("keyState")) {
    case "PendingImport":
      return material === undefined
        ? ok({ ...base, keyState: "PendingImport" })
        : err("a PendingImport key holds material");
    case "Enabled":
    case "Disabled": {
      const keyState = row.string("keyState") as "Enabled" | "Disabled";
      return material === undefined
        ? err(`an ${keyState} key has no material`)
        : ok({ ...base, keyState, material });
    }
    case "PendingDeletion": {
      const deletionDate = row.date("deletionDate");
      const pendingWindowInDays = row.number("pendingWindowInDays");
      if (deletionDate === undefined) return err("deletionDate is not a date");
      if (pendingWindowInDays === undefined || !Number.isInteger(pendingWindowInDays))
        return err("pendingWindowInDays is not a whole number");
      return ok({
        ...base,
        keyState: "PendingDeletion",
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

function decodeParameterSet(value: unknown): ParameterSet | undefined {
  const set = jsonReader(value);
  const id = set.string("id");
  const wrappingAlgorithm = set.string("wrappingAlgorithm");
  const wrappingKeySpec = set.string("wrappingKeySpec");
  const sealedPrivateKey = set.bytes("sealedPrivateKey");
  const validTo = set.date("validTo");
  if (
    id === undefined ||
    wrappingAlgorithm === undefined ||
    !Object.hasOwn(wrappingSchemes, wrappingAlgorithm) ||
    wrappingKeySpec === undefined ||
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

/** The material in `reader`, or `null` when it is not material. */
function decodeMaterial(reader: JsonReader | undefined): KeyMaterial | null {
  const id = reader?.string("id");
  const sealed = reader?.bytes("sealed");
  const validTo = reader?.has("validTo") === true ? reader.date("validTo") : null;
  if (id === undefined || !isKeyMaterialId(id) || sealed === undefined || validTo === undefined)
    return null;
  return validTo === null
    ? { id: id as KeyMaterialId, sealed }
    : { id: id as KeyMaterialId, sealed, validTo };
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
}
