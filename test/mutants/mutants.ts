// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the mutants quote source code.
// The mutants of test/mutants/runMutants.ts: small, realistic bugs, each planted in src on its own
// to see whether the model run (test/testing/runKmsModel.test.ts) catches it. Each `old` text
// must occur exactly once in its file; when src changes, adapt the text and keep the bug.

/** One planted bug: text replacements in one source file. */
export interface Mutant {
  /** Stable number, used by `--only`. */
  id: number;
  /** Path from the repository root. */
  file: string;
  /** `[old, new]` pairs, applied in order; each `old` must occur exactly once. */
  replacements: readonly (readonly [string, string])[];
  /** The bug, in a few words. */
  description: string;
}

/** The 65 mutants: 1–46 from the first campaign, 47–65 for aliases, tags, policies, rotation and ReEncrypt. */
export const mutants: readonly Mutant[] = [
  {
    id: 1,
    file: "src/domain/observeKey.ts",
    replacements: [
      [
        "(m) => m.validTo !== undefined && m.validTo.getTime() <= now.getTime(),",
        "(m) => m.validTo !== undefined && m.validTo.getTime() < now.getTime(),",
      ],
    ],
    description: "material still present at exactly ValidTo (<= → <)",
  },
  {
    id: 2,
    file: "src/domain/observeKey.ts",
    replacements: [
      [
        "stored.deletionDate.getTime() <= now.getTime()",
        "stored.deletionDate.getTime() < now.getTime()",
      ],
    ],
    description: "key still exists at exactly DeletionDate (<= → <)",
  },
  {
    id: 3,
    file: "src/domain/observeKey.ts",
    replacements: [
      [
        "const materials = keyMaterials(stored);",
        'const materials = stored.keyState === "PendingDeletion" ? [] : keyMaterials(stored);',
      ],
    ],
    description: "material of a PendingDeletion key never expires",
  },
  {
    id: 4,
    file: "src/domain/expiration.ts",
    replacements: [["if (!isAfter(validTo, now)) {", "if (validTo.getTime() < now.getTime()) {"]],
    description: "ValidTo equal to now accepted",
  },
  {
    id: 5,
    file: "src/domain/expiration.ts",
    replacements: [
      [
        "if (isAfter(validTo, daysAfter(now, maxValidToDays))) {",
        "if (validTo.getTime() >= daysAfter(now, maxValidToDays).getTime()) {",
      ],
    ],
    description: "ValidTo exactly 365 days ahead refused",
  },
  {
    id: 6,
    file: "src/domain/expiration.ts",
    replacements: [["export const maxValidToDays = 365;", "export const maxValidToDays = 366;"]],
    description: "max ValidTo 366 days",
  },
  {
    id: 7,
    file: "src/domain/expiration.ts",
    replacements: [
      [
        "  if (validTo === undefined) {\n    return invalid(",
        "  if (validTo === undefined) {\n    return ok(undefined);\n    return invalid(",
      ],
    ],
    description: "missing ValidTo (model absent) treated as DOES_NOT_EXPIRE",
  },
  {
    id: 8,
    file: "src/domain/importPreconditions.ts",
    replacements: [["  if (token.keyArn !== key.arn) return invalidToken();\n", ""]],
    description: "findParameterSet: token key check removed",
  },
  {
    id: 9,
    file: "src/domain/importPreconditions.ts",
    replacements: [
      [
        "if (token.validTo.getTime() <= now.getTime()) {",
        "if (token.validTo.getTime() < now.getTime()) {",
      ],
    ],
    description: "token usable at exactly ParametersValidTo (<= → <)",
  },
  {
    id: 10,
    file: "src/domain/transition.ts",
    replacements: [
      [
        "const unspent = { ...k, parameterSets: k.parameterSets.filter((s) => s !== set) };",
        "const unspent = { ...k, parameterSets: [] as typeof k.parameterSets };",
      ],
    ],
    description: "successful import spends every parameter set of the key",
  },
  {
    id: 11,
    file: "src/domain/importPreconditions.ts",
    replacements: [
      ["export const maxParameterSetsPerKey = 10;", "export const maxParameterSetsPerKey = 11;"],
    ],
    description: "keeps 11 parameter sets instead of 10",
  },
  {
    id: 12,
    file: "src/domain/checkMaterialFacts.ts",
    replacements: [
      [
        'return facts.kind === "bytes" && facts.byteLength !== symmetricKeyMaterialBytes',
        'return facts.kind === "bytes" && facts.byteLength < symmetricKeyMaterialBytes',
      ],
    ],
    description: "size check only refuses short material (>32 bytes accepted)",
  },
  {
    id: 13,
    file: "src/domain/checkImportedMaterial.ts",
    replacements: [
      [
        "if (key.boundMaterialId !== undefined && !sameKeyMaterialId(key.boundMaterialId, material.id)) {",
        "if (false) {",
      ],
    ],
    description: "binding check (decision 4) removed",
  },
  {
    id: 14,
    file: "src/domain/checkImportedMaterial.ts",
    replacements: [
      [
        'if (importType === "NEW_KEY_MATERIAL" && key.boundMaterialId !== undefined) {',
        "if (false) {",
      ],
    ],
    description: "NEW_KEY_MATERIAL on a bound key accepted",
  },
  {
    id: 15,
    file: "src/domain/checkImportedMaterial.ts",
    replacements: [
      [
        'if (importType === "EXISTING_KEY_MATERIAL" && key.boundMaterialId === undefined) {',
        "if (false) {",
      ],
    ],
    description: "EXISTING_KEY_MATERIAL on an unbound key accepted",
  },
  {
    id: 16,
    file: "src/domain/checkImportedMaterial.ts",
    replacements: [
      [
        "if (expectedMaterialId !== undefined && !sameKeyMaterialId(expectedMaterialId, material.id)) {",
        "if (false) {",
      ],
    ],
    description: "ImportKeyMaterial KeyMaterialId check removed",
  },
  {
    id: 17,
    file: "src/domain/transition.ts",
    replacements: [
      [
        'const keyState = key.keyState === "Disabled" ? "Disabled" : "Enabled";',
        'const keyState = "Enabled";',
      ],
    ],
    description: "withMaterial: reimport enables a Disabled key",
  },
  {
    id: 18,
    file: "src/domain/transition.ts",
    replacements: [
      [
        ': { ...rest, keyState: "Disabled", material };',
        ': { ...rest, keyState: "Enabled", material };',
      ],
    ],
    description: "CancelKeyDeletion restores Enabled instead of Disabled",
  },
  {
    id: 19,
    file: "src/domain/transition.ts",
    replacements: [
      [
        '        material === undefined\n          ? { ...rest, keyState: "PendingImport" }',
        '        rest.boundMaterialId === undefined\n          ? { ...rest, keyState: "PendingImport" }',
      ],
    ],
    description: "CancelKeyDeletion decides by boundMaterialId, not present material",
  },
  {
    id: 20,
    file: "src/domain/transition.ts",
    replacements: [
      ['      if (key.keyState === "PendingDeletion") return err(pendingDeletion(key));\n', ""],
    ],
    description: "ScheduleKeyDeletion on a PendingDeletion key reschedules",
  },
  {
    id: 21,
    file: "src/domain/transition.ts",
    replacements: [
      ['  if (key.keyState === "PendingImport") return err(pendingImport(key));\n', ""],
    ],
    description: "Enable/DisableKey allowed on PendingImport",
  },
  {
    id: 22,
    file: "src/domain/transition.ts",
    replacements: [
      [
        'case "DeleteImportedKeyMaterial":\n      return requireExternalOrigin(key)',
        'case "DeleteImportedKeyMaterial":\n      return requireImportable(key)',
      ],
    ],
    description: "DeleteImportedKeyMaterial refuses a PendingDeletion key",
  },
  {
    id: 23,
    file: "src/domain/materialRotation.ts",
    replacements: [
      [
        "const id = command.expectedMaterialId ?? key.boundMaterialId;",
        'const id =\n    command.expectedMaterialId ?? (key.keyState === "PendingImport" ? undefined : key.material?.id);',
      ],
    ],
    description:
      "DeleteImportedKeyMaterial compares KeyMaterialId with present material, not bound",
  },
  {
    id: 24,
    file: "src/domain/transition.ts",
    replacements: [
      [
        "deletionDate: daysAfter(now, command.pendingWindowInDays),",
        "deletionDate: daysAfter(key.creationDate, command.pendingWindowInDays),",
      ],
    ],
    description: "DeletionDate counted from CreationDate",
  },
  {
    id: 25,
    file: "src/domain/requests/scheduleKeyDeletion.ts",
    replacements: [
      [
        "export const defaultPendingWindowInDays = 30;",
        "export const defaultPendingWindowInDays = 7;",
      ],
    ],
    description: "default PendingWindowInDays 7",
  },
  {
    id: 26,
    file: "src/domain/requests/scheduleKeyDeletion.ts",
    replacements: [["{ min: 7, max: 30 }", "{ min: 7, max: 31 }"]],
    description: "PendingWindowInDays 31 accepted",
  },
  {
    id: 27,
    file: "src/domain/resolveKeyReference.ts",
    replacements: [
      [
        "  if (account !== scope.accountId) return accessDenied(reference, scope, operation);\n",
        "",
      ],
    ],
    description: "ARN account not checked",
  },
  {
    id: 28,
    file: "src/domain/resolveKeyReference.ts",
    replacements: [
      [
        '  if (region !== scope.region) return err(kmsError("NotFoundException", `Invalid arn ${region}`));\n',
        "",
      ],
    ],
    description: "ARN Region not checked",
  },
  {
    id: 29,
    file: "src/domain/resolveKeyReference.ts",
    replacements: [
      [
        "  if (multiRegionKeyIdPattern.test(reference)) return multiRegionUnsupported(reference);\n",
        "",
      ],
    ],
    description: "bare mrk- key ID not refused as multi-Region",
  },
  {
    id: 30,
    file: "src/domain/requireEnabledKey.ts",
    replacements: [
      [
        'return err(kmsError("DisabledException", `${key.arn} is disabled.`));',
        'return err(kmsError("KMSInvalidStateException", `${key.arn} is disabled.`));',
      ],
    ],
    description: "Disabled → KMSInvalidStateException",
  },
  {
    id: 31,
    file: "src/domain/requireEnabledKey.ts",
    replacements: [
      [
        '    case "PendingDeletion":\n      return err(pendingDeletion(key));',
        '    case "PendingDeletion":\n      return err(kmsError("DisabledException", `${key.arn} is disabled.`));',
      ],
    ],
    description: "PendingDeletion → DisabledException",
  },
  {
    id: 32,
    file: "src/service/decryptCiphertext.ts",
    replacements: [["if (named !== undefined && named !== arn) return err(incorrectKey());", ""]],
    description: "Decrypt and ReEncrypt: IncorrectKeyException check removed",
  },
  {
    id: 33,
    file: "src/service/decryptCiphertext.ts",
    replacements: [
      [
        "err(named === undefined ? asCiphertextError(used.error) : used.error)",
        "err(asCiphertextError(used.error))",
      ],
    ],
    description: "NotFound→InvalidCiphertext also when KeyId given",
  },
  {
    id: 34,
    file: "src/service/ciphertextBlob.ts",
    replacements: [["  if (keys.length > 1) keys.sort(compareUtf8);\n", ""]],
    description: "encryption context pairs not sorted (order-sensitive AAD)",
  },
  {
    id: 35,
    file: "src/service/ciphertextBlob.ts",
    replacements: [
      [
        "for (const key of keys) length += 8 + utf8Length(key)",
        "for (const key of keys) length += utf8Length(key)",
      ],
      ["  const start = offset + 4;", "  const start = offset;"],
      ["  putUint32(out, offset, end - start);\n  return end;", "  return end;"],
    ],
    description: "encryption context not length-prefixed (naive concatenation)",
  },
  {
    id: 36,
    file: "src/adapters/memoryKeyStore.ts",
    replacements: [
      [
        "listed.length > page.limit && last !== undefined\n          ? { records,",
        "listed.length >= page.limit && last !== undefined\n          ? { records,",
      ],
    ],
    description: "NextMarker also when the page is exactly the rest (empty last page)",
  },
  {
    id: 37,
    file: "src/adapters/sortedKeyIndex.ts",
    replacements: [
      ['if ((sorted[middle] ?? "") <= bound) low', 'if ((sorted[middle] ?? "") < bound) low'],
    ],
    description: "page after marker includes the marker key again",
  },
  {
    id: 38,
    file: "src/service/operations/listKeys.ts",
    replacements: [
      [".filter((record) => observeKey(record, now).key !== undefined)", ".filter(() => true)"],
    ],
    description: "ListKeys lists keys past their deletion date",
  },
  {
    id: 39,
    file: "src/domain/keyMetadata.ts",
    replacements: [
      ['Enabled: key.keyState === "Enabled",', 'Enabled: key.keyState !== "Disabled",'],
    ],
    description: "Enabled true for PendingImport/PendingDeletion",
  },
  {
    id: 40,
    file: "src/domain/keyMetadata.ts",
    replacements: [
      [
        '...(key.boundMaterialId === undefined || spec !== "SYMMETRIC_DEFAULT"\n      ? {}\n      : { CurrentKeyMaterialId: key.boundMaterialId }),',
        '...(material === undefined || spec !== "SYMMETRIC_DEFAULT"\n      ? {}\n      : { CurrentKeyMaterialId: material.id }),',
      ],
    ],
    description: "CurrentKeyMaterialId only while material present",
  },
  {
    id: 41,
    file: "src/domain/keyMetadata.ts",
    replacements: [["Description: key.description,", 'Description: "",']],
    description: "Description dropped from KeyMetadata",
  },
  {
    id: 42,
    file: "src/service/retryWriteConflicts.ts",
    replacements: [
      [
        "if (attemptNumber < maxAttempts) return run(attemptNumber + 1);",
        "if (attemptNumber < 1) return run(attemptNumber + 1);",
      ],
    ],
    description: "no retry after a WriteConflict",
  },
  {
    id: 43,
    file: "src/service/commitKeyCommand.ts",
    replacements: [
      [
        "if (next.value.events.length === 0) return next;",
        'if (next.value.events.length === 0 || command.value.type === "ReadKey") return next;',
      ],
    ],
    description: "reads do not persist/audit an observed expiry (decision 12)",
  },
  {
    id: 44,
    file: "src/service/commitKeyCommand.ts",
    replacements: [
      [
        "  return retryWriteConflicts(ports.maxWriteAttempts, arn, async () => {",
        "  let first: ReturnType<typeof transition> | undefined;\n  return retryWriteConflicts(ports.maxWriteAttempts, arn, async () => {",
      ],
      [
        "    const next = transition(before, command.value, now);",
        "    const next = (first ??= transition(before, command.value, now));",
      ],
    ],
    description: "retry re-puts the stale transition at the fresh version (lost update)",
  },
  {
    id: 45,
    file: "src/adapters/rsaCryptoProvider.ts",
    replacements: [
      [
        "id: deriveKeyMaterialId(keyId, material),",
        'id: deriveKeyMaterialId("" as KeyId, material),',
      ],
    ],
    description: "KeyMaterialId ignores the key ID",
  },
  {
    id: 46,
    file: "src/adapters/rsaCryptoProvider.ts",
    replacements: [
      [
        "aesGcmEncrypt(key, plaintext, additionalData)",
        "aesGcmEncrypt(key, plaintext, new Uint8Array(0))",
      ],
      [
        "aesGcmDecrypt(key, ciphertext, additionalData)",
        "aesGcmDecrypt(key, ciphertext, new Uint8Array(0))",
      ],
    ],
    description: "AES-GCM ignores additional data (context/header unauthenticated)",
  },
  {
    id: 47,
    file: "src/service/aliasTarget.ts",
    replacements: [
      [
        'key.keyState === "PendingDeletion" ? errAsync(pendingDeletion(key)) : okAsync(key),',
        "okAsync(key),",
      ],
    ],
    description: "an alias may point at a key pending deletion",
  },
  {
    id: 48,
    file: "src/service/operations/createAlias.ts",
    replacements: [
      [
        "if (found.value?.live === true) {",
        "if (found.value?.live === true && found.value.alias.targetKeyId === keyIdOf(targetArn)) {",
      ],
    ],
    description: "CreateAlias of a name in use replaces it when the target differs",
  },
  {
    id: 49,
    file: "src/service/findAlias.ts",
    replacements: [
      [
        "live: key !== undefined && observeKey(key.record, now).key !== undefined,",
        "live: key !== undefined,",
      ],
    ],
    description: "an alias outlives its key's deletion date",
  },
  {
    id: 50,
    file: "src/service/operations/updateAlias.ts",
    replacements: [
      [
        "targetKeyId: keyIdOf(targetArn), lastUpdatedDate: now };",
        "targetKeyId: keyIdOf(targetArn) };",
      ],
    ],
    description: "UpdateAlias keeps the old LastUpdatedDate",
  },
  {
    id: 51,
    file: "src/service/operations/deleteAlias.ts",
    replacements: [
      [
        "if (found.value?.live !== true) return err(aliasNotFound(arn));",
        "if (found.value === undefined) return err(aliasNotFound(arn));",
      ],
    ],
    description: "DeleteAlias deletes an alias whose key was deleted",
  },
  {
    id: 52,
    file: "src/domain/keyTags.ts",
    replacements: [["values.get(tag.key) ?? tag.value", "tag.value"]],
    description: "TagResource does not replace the value of a tag key the key has",
  },
  {
    id: 53,
    file: "src/domain/keyTags.ts",
    replacements: [['key.toLowerCase().startsWith("aws:")', 'key.startsWith("aws:")']],
    description: "the aws: prefix check is case-sensitive",
  },
  {
    id: 54,
    file: "src/domain/keyTags.ts",
    replacements: [
      [
        "return existing.filter((tag) => !gone.has(tag.key));",
        "return existing.filter((tag) => !gone.has(tag.key.toLowerCase()));",
      ],
    ],
    description: "UntagResource matches tag keys case-insensitively",
  },
  {
    id: 55,
    file: "src/domain/transition.ts",
    replacements: [
      [
        '    case "TagResource":\n      return notPendingDeletion(key).andThen((k) =>',
        '    case "TagResource":\n      return ok(key).andThen((k) =>',
      ],
    ],
    description: "TagResource allowed on a key pending deletion",
  },
  {
    id: 56,
    file: "src/domain/transition.ts",
    replacements: [
      [
        '    case "UpdateKeyDescription":\n      return notPendingDeletion(key).map((k) =>',
        '    case "UpdateKeyDescription":\n      return ok(key).map((k) =>',
      ],
    ],
    description: "UpdateKeyDescription allowed on a key pending deletion",
  },
  {
    id: 57,
    file: "src/domain/keyRotationStatus.ts",
    replacements: [["/ periodMs) + 1;", "/ periodMs);"]],
    description: "NextRotationDate one period early once a period has passed",
  },
  {
    id: 58,
    file: "src/domain/keyRotationStatus.ts",
    replacements: [
      [
        'if (rotation === undefined || key.keyState === "PendingDeletion") {',
        "if (rotation === undefined) {",
      ],
    ],
    description: "rotation reads on while the key is pending deletion",
  },
  {
    id: 59,
    file: "src/domain/keyRotationPreconditions.ts",
    replacements: [['if (key.keyState === "Disabled")', 'if (key.keyState === "PendingImport")']],
    description: "rotation settings change on a Disabled key",
  },
  {
    id: 60,
    file: "src/domain/transition.ts",
    replacements: [["...(command.policy === undefined ? {} : { policy: command.policy }),", ""]],
    description: "CreateKey drops its Policy",
  },
  {
    id: 61,
    file: "src/service/operations/reEncrypt.ts",
    replacements: [["request.destinationEncryptionContext,", "request.sourceEncryptionContext,"]],
    description: "ReEncrypt encrypts under the source encryption context",
  },
  {
    id: 62,
    file: "src/service/operations/reEncrypt.ts",
    replacements: [["key: request.source,", "key: undefined,"]],
    description: "ReEncrypt ignores SourceKeyId",
  },
  {
    id: 63,
    file: "src/service/operations/tagOperations.ts",
    replacements: [
      ["const end = start + limit;", "const end = start + limit - (start > 0 ? 1 : 0);"],
    ],
    description: "ListResourceTags repeats a tag on each page after the first",
  },
  {
    id: 64,
    file: "src/domain/resolveKeyReference.ts",
    replacements: [
      [
        'if (resourceType === "alias") return alias(`alias/${resource}`, scope);',
        'if (resourceType === "alias") return alias(resource, scope);',
      ],
    ],
    description: "an alias ARN is read without its alias/ prefix",
  },
  {
    id: 65,
    file: "src/adapters/memoryKeyStore.ts",
    replacements: [
      [
        "(page.targetKeyId === undefined || alias.targetKeyId === page.targetKeyId)",
        '(page.targetKeyId === undefined || alias.targetKeyId !== "")',
      ],
    ],
    description: "ListAliases ignores its KeyId filter",
  },
];
