/**
 * The lockbox: a fixed 20% of the training documents that no choice ever looks at. Every setting,
 * rule floor and calibration is chosen on cross-validation over the other 80% (the development
 * documents); the lockbox is scored once per shipped change, by a model trained on the development
 * documents only, so its score says what the choices are worth on text they were not made on.
 *
 * Membership depends only on a document's id and the seed: each id is hashed with the seed and the
 * lowest 20% of hashes (ties broken by id) form the lockbox. The same corpus always gives the same
 * split, whatever the order of its records.
 */
import { fmix, fnvUpdate, FNV_SEED } from '../model/hash.js';

/** Fixed once; changing it would spend the lockbox (every choice so far saw the other documents). */
export const LOCKBOX_SEED = 0x10cb0c5;
export const LOCKBOX_SHARE = 0.2;

function rank(id: string, seed: number): number {
  return fmix(fnvUpdate(fnvUpdate(FNV_SEED, String(seed)), `\u0000${id}`));
}

/** Ids of the lockbox documents among `ids` (round(share x n) of them). */
export function lockboxIds(ids: readonly string[], seed = LOCKBOX_SEED, share = LOCKBOX_SHARE): Set<string> {
  const ranked = [...new Set(ids)].map((id) => ({ id, h: rank(id, seed) })).sort((a, b) => a.h - b.h || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return new Set(ranked.slice(0, Math.round(share * ranked.length)).map((r) => r.id));
}

export interface LockboxSplit<T> {
  /** Development documents: cross-validation, every choice. */
  dev: T[];
  /** Held out from every choice; scored once per shipped change. */
  lockbox: T[];
}

/** Splits documents (in their given order) into development and lockbox sets. */
export function splitLockbox<T extends { id: string }>(docs: readonly T[], seed = LOCKBOX_SEED, share = LOCKBOX_SHARE): LockboxSplit<T> {
  const box = lockboxIds(docs.map((d) => d.id), seed, share);
  return { dev: docs.filter((d) => !box.has(d.id)), lockbox: docs.filter((d) => box.has(d.id)) };
}
