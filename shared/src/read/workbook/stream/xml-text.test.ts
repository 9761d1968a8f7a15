import { describe, expect, it } from 'vitest'
import { attrOf, decodeXmlText, itemText, tagsOf } from './xml-text.ts'

describe('decodeXmlText', () => {
  it('decodes entities, character references (astral too) and OOXML escapes', () => {
    expect(decodeXmlText('Ali &amp; Veli &lt;x&gt; &quot;q&quot; &apos;a&apos;')).toBe(
      'Ali & Veli <x> "q" \'a\'',
    )
    expect(decodeXmlText('&#351;&#x15F; &#128512;&#x1F600;')).toBe('şş 😀😀')
    expect(decodeXmlText('a_x000D_\nb _x005F_x0041_')).toBe('a\nb _x0041_')
    expect(decodeXmlText('a\r\nb')).toBe('a\nb')
  })

  it('keeps what is not an escape, and CDATA as it is', () => {
    expect(decodeXmlText('AT&T &#1114112; _x12_')).toBe('AT&T &#1114112; _x12_')
    expect(decodeXmlText('x<![CDATA[&amp;<b>]]>&amp;')).toBe('x&amp;<b>&')
    const plain = 'Şükrü Yılmaz'
    expect(decodeXmlText(plain)).toBe(plain)
  })
})

describe('tags and items', () => {
  it('reads attributes in either quote style, with namespace prefixes on tags', () => {
    const xml = `<x:sheets><x:sheet name='A &amp; B' r:id="rId1"/><sheet name="C"/></x:sheets>`
    expect(tagsOf(xml, 'sheet').map(([s, e]) => attrOf(xml, s, e, 'name'))).toEqual(['A & B', 'C'])
  })

  it('joins rich-text runs and leaves phonetic runs out', () => {
    const si =
      '<r><t>Ay</t></r><r><rPr><b/></rPr><t xml:space="preserve">şe </t></r><rPh sb="0"><t>x</t></rPh>'
    expect(itemText(si, 0, si.length)).toBe('Ayşe ')
  })
})
