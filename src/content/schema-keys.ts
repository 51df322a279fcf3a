import type { z } from 'zod';

/** What a YAML value is, as a field accepts it. */
export type ValueKind = 'text' | 'number' | 'boolean' | 'list' | 'mapping';

/** The parts of a zod 4 definition this module reads. */
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: readonly z.ZodType[];
  entries?: Record<string, unknown>;
  values?: readonly unknown[];
  getter?: () => z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The schema itself, without the wrappers that do not change what it accepts. */
function unwrap(schema: z.ZodType): z.ZodType {
  for (let s = schema, i = 0; i < 32; i++) {
    const d = defOf(s);
    const inner = d.type === 'pipe' ? d.in : d.type === 'lazy' ? d.getter?.() : d.innerType;
    if (!inner) return s;
    s = inner;
  }
  return schema;
}

/** The schema that checks the value at `path` of the data `root` checks, if the path leads anywhere. */
export function schemaAt(root: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let s: z.ZodType | undefined = unwrap(root);
  for (const key of path) {
    if (!s) return undefined;
    const d = defOf(s);
    if (d.type === 'object') s = Object.hasOwn(d.shape ?? {}, String(key)) ? d.shape![String(key)] : undefined;
    else if (d.type === 'array') s = typeof key === 'number' ? d.element : undefined;
    else if (d.type === 'record') s = d.valueType;
    else if (d.type === 'union') s = d.options?.map((o) => schemaAt(o, [key])).find(Boolean);
    else s = undefined;
    if (s) s = unwrap(s);
  }
  return s;
}

/** Fields of the mapping the schema at `path` checks, each with the kinds of value it takes. */
export function fieldsAt(root: z.ZodType, path: readonly PropertyKey[]): Map<string, Set<ValueKind>> {
  const s = schemaAt(root, path);
  const out = new Map<string, Set<ValueKind>>();
  const add = (schema: z.ZodType) => {
    const d = defOf(schema);
    if (d.type === 'object') for (const [k, v] of Object.entries(d.shape ?? {})) out.set(k, kindsOf(v));
    else if (d.type === 'union') for (const o of d.options ?? []) add(unwrap(o));
  };
  if (s) add(s);
  return out;
}

/** The kinds of YAML value a schema takes. */
export function kindsOf(schema: z.ZodType): Set<ValueKind> {
  const d = defOf(unwrap(schema));
  switch (d.type) {
    case 'string':
    case 'enum':
    case 'template_literal':
      return new Set(['text']);
    case 'number':
    case 'int':
    case 'bigint':
      return new Set(['number']);
    case 'boolean':
      return new Set(['boolean']);
    case 'array':
    case 'tuple':
    case 'set':
      return new Set(['list']);
    case 'object':
    case 'record':
    case 'map':
      return new Set(['mapping']);
    case 'literal': {
      const kinds = new Set<ValueKind>();
      for (const v of d.values ?? []) kinds.add(typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : 'text');
      return kinds;
    }
    case 'union':
      return new Set((d.options ?? []).flatMap((o) => [...kindsOf(o)]));
    default:
      return new Set(['text', 'number', 'boolean', 'list', 'mapping']);
  }
}

/** The kind of a YAML value as data. */
export function kindOfValue(value: unknown): ValueKind | undefined {
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (Array.isArray(value)) return 'list';
  if (value && typeof value === 'object') return 'mapping';
  return undefined;
}
