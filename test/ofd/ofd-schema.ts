import { OFD_NS, expandArray, type OfdElement } from './read-ofd.js';

/**
 * A structural check of OFD parts against GB/T 33190-2016's schemas (OFD.xsd, Document.xsd,
 * Page.xsd, Res.xsd, Definitions.xsd), as their published content models say: for each element
 * the order and number of its children, its required attributes, the attributes it may carry and
 * their value types. Written for the elements this project emits and their siblings in the same
 * models; an element whose type is not listed here is reported, not passed over.
 */
type Value = 'string' | 'id' | 'ref' | 'loc' | 'box' | 'array' | 'number' | 'int' | 'bool' | 'date' | 'alpha' | readonly string[];

interface Type {
  attrs?: Record<string, Value>;
  required?: readonly string[];
  /** Child element name → its type. */
  children?: Record<string, string>;
  /** Children's names, each followed by a comma, must match this. */
  content?: RegExp;
  text?: Value;
}

const GRAPHIC_UNIT: Record<string, Value> = {
  ID: 'id', Boundary: 'box', Name: 'string', Visible: 'bool', CTM: 'array', DrawParam: 'ref', LineWidth: 'number',
  Cap: ['Butt', 'Round', 'Square'], Join: ['Miter', 'Round', 'Bevel'], MiterLimit: 'number', DashOffset: 'number', DashPattern: 'array', Alpha: 'alpha',
};
const GRAPHIC_CHILDREN = { Actions: 'Actions', Clips: 'Clips' };

const TYPES: Record<string, Type> = {
  OFD: { attrs: { Version: 'string', DocType: ['OFD'] }, required: ['Version', 'DocType'], children: { DocBody: 'DocBody' }, content: /^(DocBody,)+$/ },
  DocBody: { children: { DocInfo: 'CT_DocInfo', DocRoot: 'Loc', Signatures: 'Loc' }, content: /^DocInfo,DocRoot,(Versions,)?(Signatures,)?$/ },
  CT_DocInfo: {
    children: { DocID: 'String', Title: 'String', Author: 'String', Subject: 'String', Abstract: 'String', CreationDate: 'Date', ModDate: 'Date', DocUsage: 'String', Cover: 'Loc', Keywords: 'Keywords', Creator: 'String', CreatorVersion: 'String', CustomDatas: 'CustomDatas' },
    content: /^DocID,(Title,)?(Author,)?(Subject,)?(Abstract,)?(CreationDate,)?(ModDate,)?(DocUsage,)?(Cover,)?(Keywords,)?(Creator,)?(CreatorVersion,)?(CustomDatas,)?$/,
  },
  Keywords: { children: { Keyword: 'String' }, content: /^(Keyword,)+$/ },
  CustomDatas: { children: { CustomData: 'CustomData' }, content: /^(CustomData,)+$/ },
  CustomData: { attrs: { Name: 'string' }, required: ['Name'], text: 'string' },
  String: { text: 'string' },
  Date: { text: 'date' },
  Loc: { text: 'loc' },
  Id: { text: 'id' },
  Ref: { text: 'ref' },
  Box: { text: 'box' },
  Document: {
    children: { CommonData: 'CommonData', Pages: 'Pages', Outlines: 'Outlines', Actions: 'Actions', Annotations: 'Loc', CustomTags: 'Loc', Attachments: 'Loc', Extensions: 'Loc' },
    content: /^CommonData,Pages,(Outlines,)?(Permissions,)?(Actions,)?(VPreferences,)?(Bookmarks,)?(Annotations,)?(CustomTags,)?(Attachments,)?(Extensions,)?$/,
  },
  CommonData: {
    children: { MaxUnitID: 'Id', PageArea: 'CT_PageArea', PublicRes: 'Loc', DocumentRes: 'Loc', TemplatePage: 'TemplatePage', DefaultCS: 'Ref' },
    content: /^MaxUnitID,PageArea,(PublicRes,)*(DocumentRes,)*(TemplatePage,)*(DefaultCS,)?$/,
  },
  TemplatePage: { attrs: { ID: 'id', Name: 'string', ZOrder: ['Background', 'Foreground'], BaseLoc: 'loc' }, required: ['ID', 'BaseLoc'], content: /^$/ },
  CT_PageArea: { children: { PhysicalBox: 'Box', ApplicationBox: 'Box', ContentBox: 'Box', BleedBox: 'Box' }, content: /^PhysicalBox,(ApplicationBox,)?(ContentBox,)?(BleedBox,)?$/ },
  Pages: { children: { Page: 'PageRef' }, content: /^(Page,)+$/ },
  PageRef: { attrs: { ID: 'id', BaseLoc: 'loc' }, required: ['ID', 'BaseLoc'], content: /^$/ },
  Outlines: { children: { OutlineElem: 'CT_OutlineElem' }, content: /^(OutlineElem,)+$/ },
  CT_OutlineElem: { attrs: { Title: 'string', Count: 'int', Expanded: 'bool' }, required: ['Title'], children: { Actions: 'Actions', OutlineElem: 'CT_OutlineElem' }, content: /^(Actions,)?(OutlineElem,)*$/ },
  Actions: { children: { Action: 'CT_Action' }, content: /^(Action,)+$/ },
  CT_Action: { attrs: { Event: ['DO', 'PO', 'CLICK'] }, required: ['Event'], children: { Goto: 'Goto', URI: 'URI' }, content: /^(Region,)?(Goto|URI|GotoA|Sound|Movie),$/ },
  Goto: { children: { Dest: 'CT_Dest', Bookmark: 'Bookmark' }, content: /^(Dest|Bookmark),$/ },
  Bookmark: { attrs: { Name: 'string' }, required: ['Name'], content: /^$/ },
  URI: { attrs: { URI: 'string', Base: 'string', Target: 'string' }, required: ['URI'], content: /^$/ },
  CT_Dest: { attrs: { Type: ['XYZ', 'Fit', 'FitH', 'FitV', 'FitR'], PageID: 'ref', Left: 'number', Top: 'number', Right: 'number', Bottom: 'number', Zoom: 'number' }, required: ['Type', 'PageID'], content: /^$/ },
  Res: { attrs: { BaseLoc: 'loc' }, required: ['BaseLoc'], children: { Fonts: 'Fonts', MultiMedias: 'MultiMedias' }, content: /^((ColorSpaces|DrawParams|Fonts|MultiMedias|CompositeGraphicUnits),)*$/ },
  Fonts: { children: { Font: 'CT_Font' }, content: /^(Font,)+$/ },
  CT_Font: {
    attrs: { ID: 'id', FontName: 'string', FamilyName: 'string', Charset: ['symbol', 'prc', 'big5', 'shift-jis', 'wansung', 'johab', 'unicode'], Italic: 'bool', Bold: 'bool', Serif: 'bool', FixedWidth: 'bool' },
    required: ['ID', 'FontName'],
    children: { FontFile: 'Loc' },
    content: /^(FontFile,)?$/,
  },
  MultiMedias: { children: { MultiMedia: 'CT_MultiMedia' }, content: /^(MultiMedia,)+$/ },
  CT_MultiMedia: { attrs: { ID: 'id', Type: ['Image', 'Audio', 'Video'], Format: 'string' }, required: ['ID', 'Type'], children: { MediaFile: 'Loc' }, content: /^MediaFile,$/ },
  Page: { children: { PageRes: 'Loc', Area: 'CT_PageArea', Content: 'Content', Actions: 'Actions' }, content: /^(Template,)*(PageRes,)*(Area,)?(Content,)?(Actions,)?$/ },
  Content: { children: { Layer: 'CT_Layer' }, content: /^(Layer,)+$/ },
  CT_Layer: {
    attrs: { ID: 'id', Type: ['Body', 'Background', 'Foreground', 'Custom'], DrawParam: 'ref' },
    required: ['ID'],
    children: { TextObject: 'CT_Text', PathObject: 'CT_Path', ImageObject: 'CT_Image' },
    content: /^((TextObject|PathObject|ImageObject|CompositeObject|PageBlock),)*$/,
  },
  CT_Text: {
    attrs: { ...GRAPHIC_UNIT, Font: 'ref', Size: 'number', Stroke: 'bool', Fill: 'bool', HScale: 'number', ReadDirection: 'int', CharDirection: 'int', Weight: ['0', '100', '200', '300', '400', '500', '600', '700', '800', '900', '1000'], Italic: 'bool' },
    required: ['ID', 'Boundary', 'Font', 'Size'],
    children: { ...GRAPHIC_CHILDREN, FillColor: 'CT_Color', StrokeColor: 'CT_Color', CGTransform: 'CT_CGTransform', TextCode: 'TextCode' },
    content: /^(Actions,)?(Clips,)?(FillColor,)?(StrokeColor,)?((CGTransform,)*TextCode,)+$/,
  },
  TextCode: { attrs: { X: 'number', Y: 'number', DeltaX: 'array', DeltaY: 'array' }, text: 'string', content: /^$/ },
  CT_CGTransform: { attrs: { CodePosition: 'int', CodeCount: 'int', GlyphCount: 'int' }, required: ['CodePosition'], children: { Glyphs: 'Array' }, content: /^(Glyphs,)?$/ },
  Array: { text: 'array' },
  CT_Path: {
    attrs: { ...GRAPHIC_UNIT, Stroke: 'bool', Fill: 'bool', Rule: ['NonZero', 'Even-Odd'] },
    required: ['ID', 'Boundary'],
    children: { ...GRAPHIC_CHILDREN, StrokeColor: 'CT_Color', FillColor: 'CT_Color', AbbreviatedData: 'AbbreviatedData' },
    content: /^(Actions,)?(Clips,)?(StrokeColor,)?(FillColor,)?AbbreviatedData,$/,
  },
  AbbreviatedData: { text: 'string' },
  CT_Image: { attrs: { ...GRAPHIC_UNIT, ResourceID: 'ref', Substitution: 'ref', ImageMask: 'ref' }, required: ['ID', 'Boundary', 'ResourceID'], children: GRAPHIC_CHILDREN, content: /^(Actions,)?(Clips,)?(Border,)?$/ },
  CT_Color: { attrs: { Value: 'array', Index: 'int', ColorSpace: 'ref', Alpha: 'alpha' }, content: /^((Pattern|AxialShd|RadialShd|GouraudShd|LaGourandShd),)?$/ },
  Clips: { children: { Clip: 'CT_Clip' }, content: /^(Clip,)+$/ },
  CT_Clip: { children: { Area: 'CT_Area' }, content: /^(Area,)+$/ },
  CT_Area: { attrs: { DrawParam: 'ref', CTM: 'array' }, children: { Path: 'ClipPath' }, content: /^(Path|Text),$/ },
  // A clip's path is a CT_Path without an ID of its own.
  ClipPath: {
    attrs: { ...GRAPHIC_UNIT, Stroke: 'bool', Fill: 'bool', Rule: ['NonZero', 'Even-Odd'] },
    required: ['Boundary'],
    children: { StrokeColor: 'CT_Color', FillColor: 'CT_Color', AbbreviatedData: 'AbbreviatedData' },
    content: /^(Actions,)?(Clips,)?(StrokeColor,)?(FillColor,)?AbbreviatedData,$/,
  },
};

/** The type of each part's root element. */
const ROOTS: Record<string, string> = { OFD: 'OFD', Document: 'Document', Res: 'Res', Page: 'Page' };

export interface SchemaContext {
  /** Every ID declared in the package. */
  ids: Set<number>;
  /** Every ST_RefID used. */
  refs: { part: string; value: number }[];
}

/** Checks one parsed part; returns the problems found (empty when it conforms). */
export function checkPart(root: OfdElement, part: string, ctx: SchemaContext): string[] {
  const problems: string[] = [];
  const typeName = ROOTS[root.name];
  if (!typeName) return [`${part}: unexpected root element <${root.name}>`];
  visit(root, typeName, `${part}:/${root.name}`);
  return problems;

  function visit(el: OfdElement, name: string, path: string): void {
    if (el.uri !== OFD_NS) problems.push(`${path}: element not in the OFD namespace (${el.uri || 'none'})`);
    const type = TYPES[name];
    if (!type) {
      problems.push(`${path}: no schema type known for <${el.name}>`);
      return;
    }
    for (const a of type.required ?? []) if (!(a in el.attrs)) problems.push(`${path}: required attribute ${a} is missing`);
    for (const [a, v] of Object.entries(el.attrs)) {
      const vt = type.attrs?.[a];
      if (!vt) problems.push(`${path}: attribute ${a} is not allowed here`);
      else checkValue(vt, v, `${path}/@${a}`);
    }
    const sequence = el.children.map((c) => `${c.name},`).join('');
    if (type.content && !type.content.test(sequence)) problems.push(`${path}: children [${el.children.map((c) => c.name).join(' ')}] do not follow the schema's order and counts`);
    if (!type.text && el.children.length === 0 && el.text.trim() !== '') problems.push(`${path}: text where the schema has none`);
    if (type.text) checkValue(type.text, el.text, path);
    el.children.forEach((c, i) => {
      const childType = type.children?.[c.name];
      if (childType) visit(c, childType, `${path}/${c.name}[${i}]`);
      else if (type.content?.test(sequence)) problems.push(`${path}/${c.name}: no schema type known for this child`);
    });
  }

  function checkValue(vt: Value, v: string, path: string): void {
    const bad = (what: string): void => void problems.push(`${path}: ${JSON.stringify(v)} is not ${what}`);
    if (Array.isArray(vt)) {
      if (!vt.includes(v)) bad(`one of ${vt.join(', ')}`);
      return;
    }
    switch (vt) {
      case 'string':
        return;
      case 'id': {
        const n = Number(v);
        if (!/^[1-9]\d*$/.test(v.trim())) return bad('an ST_ID (a positive integer)');
        if (path.endsWith('/@ID')) {
          if (ctx.ids.has(n)) problems.push(`${path}: ID ${n} is declared twice`);
          ctx.ids.add(n);
        }
        return;
      }
      case 'ref':
        if (!/^[1-9]\d*$/.test(v.trim())) return bad('an ST_RefID');
        ctx.refs.push({ part: path, value: Number(v) });
        return;
      case 'loc':
        if (!v.trim() || /\\/.test(v)) bad('an ST_Loc');
        return;
      case 'box': {
        const n = v.trim().split(/\s+/).map(Number);
        if (n.length !== 4 || n.some(Number.isNaN) || n[2]! < 0 || n[3]! < 0) bad('an ST_Box (x y width height)');
        return;
      }
      case 'array':
        try {
          expandArray(v);
        } catch {
          bad('an ST_Array');
        }
        return;
      case 'number':
        if (!/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(v.trim())) bad('a number');
        return;
      case 'int':
        if (!/^-?\d+$/.test(v.trim())) bad('an integer');
        return;
      case 'bool':
        if (!['true', 'false'].includes(v)) bad('true or false');
        return;
      case 'date':
        if (!/^\d{4}-\d{2}-\d{2}$/.test(v.trim())) bad('an xs:date');
        return;
      case 'alpha':
        if (!/^\d+$/.test(v) || Number(v) > 255) bad('an alpha from 0 to 255');
        return;
    }
  }
}

/** Checks every XML part of a package, and that every reference names a declared ID no larger than MaxUnitID. */
export function checkPackage(parts: ReadonlyMap<string, OfdElement>): string[] {
  const ctx: SchemaContext = { ids: new Set(), refs: [] };
  const problems = [...parts].flatMap(([name, root]) => checkPart(root, name, ctx));
  for (const r of ctx.refs) if (!ctx.ids.has(r.value)) problems.push(`${r.part}: refers to ID ${r.value}, which is not declared`);
  const document = [...parts.values()].find((p) => p.name === 'Document');
  const max = Number(document?.children.find((c) => c.name === 'CommonData')?.children.find((c) => c.name === 'MaxUnitID')?.text);
  if (ctx.ids.size > 0 && !(max >= Math.max(...ctx.ids))) problems.push(`MaxUnitID ${max} is below the largest ID ${Math.max(...ctx.ids)}`);
  return problems;
}
