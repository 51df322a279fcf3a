import { describe, expect, it } from 'vitest';
import { ROOT } from '../support.js';
import { cycles, folderOf, importEdges, sourceFiles } from './imports.js';

/**
 * No import cycles in src/, as `madge --circular` would check, with the TypeScript parser that
 * is here anyway (about a second for all of src, against madge's own dependency tree).
 */
describe('imports in src/', () => {
  const edges = importEdges(ROOT, sourceFiles(ROOT, 'src'));

  it('are read: every stage imports something', () => {
    expect(edges.length).toBeGreaterThan(300);
    expect(edges.some((e) => e.kind === 'type')).toBe(true);
    expect(edges.some((e) => e.kind === 'dynamic')).toBe(true);
  });

  it('form no cycle of modules, counting type-only imports and import() calls', () => {
    expect(cycles(edges)).toEqual([]);
  });

  it('form no cycle of folders through the imports a module makes when it loads', () => {
    // import() is how a registry reaches what it lists (src/render/registry.ts its writers,
    // src/cli/registry.ts its commands), loaded on demand and never the other way round.
    const loaded = edges.filter((e) => e.kind !== 'dynamic').map((e) => ({ from: folderOf(e.from), to: folderOf(e.to) }));
    expect(cycles(loaded.filter((e) => e.from !== e.to))).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    expect(cycles([{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }, { from: 'c', to: 'a' }, { from: 'c', to: 'd' }])).toEqual([['a', 'b', 'c']]);
  });
});
