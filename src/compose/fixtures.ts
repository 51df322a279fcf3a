import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadFontMetrics, type FontMetrics } from './metrics.js';

// Test fixtures shared by the compose tests (not exported from index.ts).
const root = fileURLToPath(new URL('../../', import.meta.url));

/** The seed bulletin used throughout the measurements (a copy of shared/seeds/000_92ff920bbef54819.txt). */
export const SEED_PATH = fileURLToPath(new URL('./fixtures/seed-000_92ff920bbef54819.txt', import.meta.url));

/** The body paragraphs of the seed: the non-empty lines from 编者按 on, leading spaces stripped. */
export function seedParagraphs(): string[] {
  const lines = readFileSync(SEED_PATH, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  const at = lines.findIndex((l) => l.startsWith('编者按'));
  return lines.slice(at);
}

/** The GB/T 9704 text block: 156 mm. */
export const BLOCK_WIDTH = 442.2;
/** The brief's grid cell: 28 of them (442.117 pt) fit the 442.2 pt block. */
export const GRID_CELL = 15.7899;

function font(rel: string): FontMetrics {
  return loadFontMetrics(root + 'node_modules/@expo-google-fonts/' + rel);
}
/** Body face. */
export const serifRegular = (): FontMetrics => font('noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf');
/** Title face. */
export const serifBlack = (): FontMetrics => font('noto-serif-sc/900Black/NotoSerifSC_900Black.ttf');
