import crypto from 'node:crypto';

/** One of N deterministic slices of a build plan, for a CI matrix (K is 1-based). */
export interface Shard {
  index: number;
  count: number;
}

/** Parses `K/N` (1 ≤ K ≤ N); undefined when malformed. */
export function parseShard(text: string): Shard | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) return undefined;
  return { index, count };
}

/**
 * Whether an output belongs to a shard: by a hash of its output path, so the split depends on
 * nothing but the path (not on the order of discovery, the machine, or which other files exist),
 * and every output lands in exactly one shard.
 */
export function inShard(outputPath: string, shard: Shard | undefined): boolean {
  if (!shard || shard.count === 1) return true;
  const h = crypto.createHash('sha256').update(outputPath).digest();
  return h.readUInt32BE(0) % shard.count === shard.index - 1;
}
