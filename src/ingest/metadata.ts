import { cleanTags } from '../store/common.js';
import type { MetadataPatch, NewDocument, StoredDocument } from '../store/types.js';

const FIELDS = ['title', 'outlet', 'author', 'publishedAt', 'url', 'language'] as const;

/**
 * What re-ingesting a stored document would change in its metadata: each field the input gives
 * (not empty) that differs from the stored one, and the input's tags that the document lacks
 * (added to its tags, never removing one). null when the input would change nothing.
 */
export function metadataChanges(stored: StoredDocument, input: NewDocument): MetadataPatch | null {
  const patch: MetadataPatch = {};
  for (const f of FIELDS) {
    const v = input[f];
    if (typeof v === 'string' && v.trim() !== '' && v.trim() !== stored[f]) patch[f] = v.trim();
  }
  const added = cleanTags(input.tags).filter((t) => !stored.tags.includes(t));
  if (added.length > 0) patch.tags = cleanTags([...stored.tags, ...added]);
  return Object.keys(patch).length > 0 ? patch : null;
}
