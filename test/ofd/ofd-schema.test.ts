import { describe, expect, it } from 'vitest';
import { checkPackage } from './ofd-schema.js';
import { parseOfdXml } from './read-ofd.js';

const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';
const document = (max: number) =>
  `<ofd:Document ${NS}><ofd:CommonData><ofd:MaxUnitID>${max}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData><ofd:Pages><ofd:Page ID="2" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>`;
const res = `<ofd:Res ${NS} BaseLoc="Res"><ofd:Fonts><ofd:Font ID="1" FontName="A"><ofd:FontFile>a.ttf</ofd:FontFile></ofd:Font></ofd:Fonts></ofd:Res>`;
const page = (object: string) => `<ofd:Page ${NS}><ofd:Content><ofd:Layer ID="3">${object}</ofd:Layer></ofd:Content></ofd:Page>`;
const GOOD = '<ofd:TextObject ID="4" Boundary="0 0 10 10" Font="1" Size="5"><ofd:FillColor Value="0 0 0"/><ofd:TextCode X="0" Y="4" DeltaX="g 2 5">一二三</ofd:TextCode></ofd:TextObject>';

function check(object: string, max = 4): string[] {
  const parts = new Map([
    ['Doc_0/Document.xml', parseOfdXml(document(max), 'Document.xml')],
    ['Doc_0/PublicRes.xml', parseOfdXml(res, 'PublicRes.xml')],
    ['Doc_0/Pages/Page_0/Content.xml', parseOfdXml(page(object), 'Content.xml')],
  ]);
  return checkPackage(parts);
}

describe('the OFD schema check', () => {
  it('passes a conforming package', () => {
    expect(check(GOOD)).toEqual([]);
  });

  it('finds children out of the schema’s order', () => {
    const swapped = GOOD.replace('<ofd:FillColor Value="0 0 0"/>', '').replace('</ofd:TextObject>', '<ofd:FillColor Value="0 0 0"/></ofd:TextObject>');
    expect(check(swapped).join('\n')).toMatch(/TextObject.*do not follow the schema/);
  });

  it('finds a missing required attribute, an unknown one and a bad value', () => {
    expect(check(GOOD.replace(' Boundary="0 0 10 10"', '')).join('\n')).toMatch(/required attribute Boundary/);
    expect(check(GOOD.replace('Size="5"', 'Size="5" Colour="red"')).join('\n')).toMatch(/Colour is not allowed/);
    expect(check(GOOD.replace('DeltaX="g 2 5"', 'DeltaX="g x 5"')).join('\n')).toMatch(/not an ST_Array/);
  });

  it('finds a repeated ID, a reference to nothing and a MaxUnitID below the largest ID', () => {
    expect(check(GOOD.replace('ID="4"', 'ID="3"')).join('\n')).toMatch(/declared twice/);
    expect(check(GOOD.replace('Font="1"', 'Font="9"')).join('\n')).toMatch(/refers to ID 9/);
    expect(check(GOOD, 3).join('\n')).toMatch(/MaxUnitID 3/);
  });

  it('finds an element outside the OFD namespace', () => {
    expect(check(GOOD.replace('<ofd:FillColor Value="0 0 0"/>', '<x:FillColor xmlns:x="urn:other" Value="0 0 0"/>')).join('\n')).toMatch(/not in the OFD namespace/);
  });

  it('refuses XML that is not well-formed', () => {
    expect(() => parseOfdXml('<ofd:Page><ofd:Content></ofd:Page>', 'x.xml')).toThrow(/not well-formed/);
  });
});
