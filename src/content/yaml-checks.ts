import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, visit, type Document, type Node } from 'yaml';
import { diag, type Diagnostic, type SourcePos } from '../diagnostics/index.js';
import { formatCount, LIMITS } from '../limits.js';

/**
 * Checks a parsed YAML document before it becomes data, in time linear in its size:
 * - explicit tags (`!!binary`, `!js/function`) and nesting past LIMITS.yamlDepth;
 * - a key twice in one mapping (the yaml library's own check is quadratic in the keys);
 * - a YAML 1.1 merge key `<<`, which YAML 1.2 reads as a field named `<<`;
 * - alias cycles (`&b [*b]`), and aliases that expand past LIMITS.yamlExpansion or nest the
 *   data past LIMITS.yamlDepth once expanded.
 * Each problem is one diagnostic at its own place; a document with none converts safely.
 */
export function checkYamlDocument(doc: Document, text: string, posAt: (offset: number) => SourcePos): Diagnostic[] {
  const out = shapeProblems(doc, text, posAt);
  if (out.length > 0) return out;
  const alias = aliasProblem(doc, posAt);
  return alias ? [alias] : [];
}

function shapeProblems(doc: Document, text: string, posAt: (offset: number) => SourcePos): Diagnostic[] {
  const out: Diagnostic[] = [];
  const repeats: Repeats = { reported: 0, more: 0 };
  visit(doc, (_key, node, path) => {
    const n = node as Node;
    if (!n || typeof n !== 'object' || !('range' in n)) return undefined;
    const depth = path.filter((p) => isCollection(p)).length;
    if (depth > LIMITS.yamlDepth.value) {
      out.push(tooDeep(posAt(n.range?.[0] ?? 0)));
      return visit.BREAK;
    }
    const tag = (n as { tag?: string }).tag;
    if (tag && tag !== 'tag:yaml.org,2002:str' && (isScalar(n) || isCollection(n))) {
      const shown = tag.replace(/^tag:yaml\.org,2002:/, '!!');
      out.push(diag('error', 'yaml-tag', `the YAML tag \`${shown}\` is not allowed in content`, posAt(tagStart(text, n.range?.[0] ?? 0)), ['write plain text, lists and mappings; remove the tag']));
    }
    if (isMap(n)) out.push(...keyProblems(n.items, posAt, repeats));
    return undefined;
  });
  return out;
}

/** Repeated keys reported one by one in a file; past LIMITS.unknownKeys, one error counts the rest. */
interface Repeats {
  reported: number;
  summary?: Diagnostic;
  more: number;
}

/** Repeated keys and merge keys of one mapping, with a set: linear in the keys. */
function keyProblems(items: readonly unknown[], posAt: (offset: number) => SourcePos, repeats: Repeats): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const pair of items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const key = pair.key;
    const at = posAt(key.range?.[0] ?? 0);
    if (key.value === '<<' && key.type === 'PLAIN') {
      out.push(
        diag('error', 'yaml-merge', '`<<` is a YAML 1.1 merge key: content files are YAML 1.2, which reads it as a field named `<<` and merges nothing', at, [
          'write the fields of the merged mapping out here; an anchor may still repeat a single value',
        ]),
      );
      continue;
    }
    const id = `${typeof key.value}:${String(key.value)}`;
    if (seen.has(id)) {
      if (repeats.reported++ < LIMITS.unknownKeys.value) out.push(diag('error', 'yaml-syntax', 'Map keys must be unique', at, ['each field may appear once; merge the two or delete one']));
      else {
        repeats.more++;
        if (!repeats.summary) out.push((repeats.summary = diag('error', LIMITS.unknownKeys.rule, '', at, ['a content file has a dozen fields: is this the file you meant?'])));
        repeats.summary.message = `${formatCount(repeats.more)} more repeated keys from here on, not listed one by one`;
      }
    }
    seen.add(id);
  }
  return out;
}

interface Expanded {
  /** Nodes plus characters of text, counting an alias's target each time it is used. */
  size: number;
  /** Nesting of the data once every alias is replaced by its target. */
  height: number;
}

/**
 * Walks the document as its data will be, aliases replaced by their targets, without building
 * the data: an explicit stack (no recursion to overflow), the expanded size of each node
 * remembered (so a billion laughs costs its file size, not its expansion), and the nodes being
 * expanded kept in a set, so an alias inside its own anchor is a cycle, reported where it stands.
 */
function aliasProblem(doc: Document, posAt: (offset: number) => SourcePos): Diagnostic | undefined {
  const root = doc.contents as Node | null;
  if (!root) return undefined;
  const done = new Map<Node, Expanded>();
  const open = new Set<Node>();
  interface Frame {
    node: Node;
    children: (Node | null)[];
    next: number;
    size: number;
    height: number;
  }
  const frame = (node: Node): Frame => {
    open.add(node);
    return { node, children: childrenOf(node), next: 0, size: ownSize(node), height: 0 };
  };
  const stack: Frame[] = [frame(root)];
  // A scalar inside the deepest allowed list has height `yamlDepth`, an empty list there one more.
  const overBudget = (e: Expanded) => e.size > LIMITS.yamlExpansion.value || e.height > LIMITS.yamlDepth.value + 1;
  while (stack.length > 0) {
    const f = stack[stack.length - 1]!;
    if (f.next < f.children.length) {
      let child = f.children[f.next++];
      if (!child) continue;
      if (isAlias(child)) {
        const target = child.resolve(doc) as Node | undefined;
        if (!target) continue; // an unknown anchor is already a syntax error
        if (open.has(target)) return cycle(child.source, target, posAt(child.range?.[0] ?? 0));
        child = target;
      }
      const known = done.get(child);
      if (known) {
        f.size += known.size;
        f.height = Math.max(f.height, known.height);
        if (overBudget({ size: f.size, height: f.height + 1 })) return budget(doc, posAt);
        continue;
      }
      stack.push(frame(child));
      continue;
    }
    stack.pop();
    open.delete(f.node);
    const e: Expanded = { size: f.size, height: f.height + (isCollection(f.node) ? 1 : 0) };
    if (overBudget(e)) return budget(doc, posAt);
    done.set(f.node, e);
    const parent = stack[stack.length - 1];
    if (parent) {
      parent.size += e.size;
      parent.height = Math.max(parent.height, e.height);
    }
  }
  return undefined;
}

function childrenOf(node: Node): (Node | null)[] {
  if (isMap(node)) return node.items.flatMap((p) => [p.key as Node | null, p.value as Node | null]);
  if (isSeq(node)) return node.items as (Node | null)[];
  return [];
}

function ownSize(node: Node): number {
  return isScalar(node) && typeof node.value === 'string' ? 1 + node.value.length : 1;
}

function cycle(name: string, target: Node, pos: SourcePos): Diagnostic {
  const what = isSeq(target) ? 'the list' : isMap(target) ? 'the mapping' : 'the value';
  return diag('error', 'yaml-alias', `the alias \`*${name}\` stands inside ${what} \`&${name}\` it repeats: an alias cycle, which would repeat forever`, pos, [
    'an alias may repeat only a value that is complete before it; write the nested value out instead',
  ]);
}

function budget(doc: Document, posAt: (offset: number) => SourcePos): Diagnostic {
  return diag(
    'error',
    LIMITS.yamlExpansion.rule,
    `the file's aliases expand past ${formatCount(LIMITS.yamlExpansion.value)} ${LIMITS.yamlExpansion.unit} or ${LIMITS.yamlDepth.value} levels of nesting`,
    firstAliasPos(doc, posAt),
    ['write the repeated text out instead of using & anchors and * aliases'],
  );
}

/** Where the first `*alias` is, for a message about alias expansion. */
export function firstAliasPos(doc: Document, posAt: (offset: number) => SourcePos): SourcePos {
  let offset: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  return posAt(offset ?? 0);
}

/** The node's range starts after its tag; the tag is the `!…` token just before it on the same line. */
function tagStart(text: string, start: number): number {
  let j = text.lastIndexOf('!', start);
  if (j < 0 || text.slice(j, start).includes('\n')) return start;
  while (j > 0 && !/\s/.test(text[j - 1]!)) j--;
  return j;
}

export function tooDeep(pos: SourcePos): Diagnostic {
  return diag('error', LIMITS.yamlDepth.rule, `lists and mappings nest more than ${LIMITS.yamlDepth.value} deep`, pos, [
    'an article needs a few levels: body, sections (at most four), their bodies',
  ]);
}
