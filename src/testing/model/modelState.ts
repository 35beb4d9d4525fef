/**
 * The reference model's state: plain data, written from the rules of docs/decisions and docs/errors.md,
 * never from `src/domain`. Keys, tokens and ciphertexts are named by their position.
 */
export interface ModelState {
  /** The time the target's clock shows. */
  now: Date;
  keys: ModelKey[];
  /** Every import token GetParametersForImport handed out, in order. */
  tokens: ModelToken[];
  /** Every ciphertext Encrypt or GenerateDataKey returned, in order. */
  ciphertexts: ModelCiphertext[];
  /**
   * The aliases, by their position in the run's alias names; one whose key no longer exists is
   * gone with it (docs/decisions/0023-aliases.md), whatever is stored here.
   */
  aliases: (ModelAlias | undefined)[];
}

/** One alias of the model: the key it points at, and its dates. */
export interface ModelAlias {
  readonly key: number;
  readonly creationDate: Date;
  readonly lastUpdatedDate: Date;
}

/** The lifecycle states, as AWS spells them. */
export type ModelKeyState = "PendingImport" | "Enabled" | "Disabled" | "PendingDeletion";

/** Where a key's material comes from: a position in the run's material pool, or KMS itself. */
export type ModelMaterial = number | "generated";

/** One key of the model, at its position in `keys`. */
export interface ModelKey {
  readonly origin: "EXTERNAL" | "AWS_KMS";
  description: string;
  readonly creationDate: Date;
  /** The key's tags in the order they were first set (docs/decisions/0025-tags.md). */
  tags: ModelTag[];
  /** The policy document as last set; AWS's default policy while absent. */
  policy?: string;
  /** Automatic rotation of an AWS_KMS key, while on (docs/decisions/0026-rotation-settings.md). */
  rotation?: { readonly enabledAt: Date; readonly periodInDays: number };
  state: ModelKeyState;
  /** The first material the key ever held; the only one it accepts (docs/decisions/0004-material-bound-forever.md). */
  bound?: ModelMaterial;
  /** Present while the key holds its material; `validTo` when that material expires. */
  material?: { readonly validTo?: Date };
  deletionDate?: Date;
  pendingWindowInDays?: number;
  /** Positions in `tokens` of the live parameter sets, oldest first (at most ten). */
  liveTokens: number[];
  /** The `ValidTo` of each material of the key that expired (docs/decisions/0012-lazy-time-from-a-clock-port.md: one audit event each). */
  expiries: Date[];
}

/** One tag of a model key. */
export interface ModelTag {
  readonly key: string;
  readonly value: string;
}

/** One import token of the model: the parameter set it names. */
export interface ModelToken {
  /** The key it was issued for. */
  readonly key: number;
  readonly validTo: Date;
}

/** One ciphertext of the model: under which key, with which encryption context. */
export interface ModelCiphertext {
  readonly key: number;
  /** Position in `encryptionContexts`. */
  readonly context: number;
}

/** An empty model at `now`. */
export function emptyModel(now: Date): ModelState {
  return { now: new Date(now.getTime()), keys: [], tokens: [], ciphertexts: [], aliases: [] };
}
