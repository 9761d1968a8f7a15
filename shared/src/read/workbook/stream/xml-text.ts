// Small hand-written XML helpers for the streaming XLSX reader: entity and `_xHHHH_` decoding,
// attribute and tag-name scanning over a buffer without cutting substrings per tag.

const ESCAPE_RE = /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-f]+));|_x([0-9a-f]{4})_/gi
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function replaceEscape(
  whole: string,
  named: string | undefined,
  dec: string | undefined,
  hex: string | undefined,
  ooxml: string | undefined,
): string {
  if (named !== undefined) return NAMED[named.toLowerCase()] ?? whole
  const code =
    dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? ooxml ?? '', 16)
  // Astral code points (&#128512;) need fromCodePoint; fromCharCode would cut them to 16 bits.
  return code <= 0x10ffff ? String.fromCodePoint(code) : whole
}

/** True when the text holds anything {@link decodeXmlText} would change. */
const NEEDS_DECODING = /[&\r<]|_x/
const needsDecoding = (s: string) => NEEDS_DECODING.test(s)

/**
 * Decodes XML character data as Excel means it: the five entities, decimal and hex character
 * references (astral ones too), OOXML `_xHHHH_` escapes, CDATA sections, and CRLF as LF.
 * @example decodeXmlText('Ali &amp; Veli &#128512;') // 'Ali & Veli 😀'
 */
export function decodeXmlText(s: string): string {
  if (!needsDecoding(s)) return s
  const cdata = s.indexOf('<![CDATA[')
  if (cdata >= 0) {
    const end = s.indexOf(']]>', cdata)
    if (end >= 0) {
      const inner = s.slice(cdata + 9, end)
      return decodeXmlText(s.slice(0, cdata)) + inner + decodeXmlText(s.slice(end + 3))
    }
  }
  return s.replace(ESCAPE_RE, replaceEscape).replace(/\r\n/g, '\n')
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9

/**
 * End of a tag's name in `buf` starting at `from` (just past `<` or `</`).
 * @example nameEnd('<c r="A1">', 1) // 2
 */
export function nameEnd(buf: string, from: number): number {
  let i = from
  for (;;) {
    const c = buf.charCodeAt(i)
    if (Number.isNaN(c) || isSpace(c) || c === 62 || c === 47) return i
    i++
  }
}

/**
 * Where the local name of a tag starts (after any `x:` namespace prefix).
 * @example localStart('<x:row r="1">', 1, 6) // 3
 */
export function localStart(buf: string, from: number, end: number): number {
  for (let i = from; i < end; i++) if (buf.charCodeAt(i) === 58) return i + 1
  return from
}

/** True when `buf[from, end)` is exactly `name`. */
export function isName(buf: string, from: number, end: number, name: string): boolean {
  return end - from === name.length && buf.startsWith(name, from)
}

/**
 * Calls `each(nameStart, nameEnd, valueStart, valueEnd)` for every attribute of the tag
 * between `from` (after the name) and `to` (the `>`). Values stay undecoded.
 * @example eachAttr(buf, 2, gt, (ns, ne, vs, ve) => {})
 */
export function eachAttr(
  buf: string,
  from: number,
  to: number,
  each: (ns: number, ne: number, vs: number, ve: number) => void,
): void {
  let i = from
  while (i < to) {
    let c = buf.charCodeAt(i)
    if (isSpace(c) || c === 47) {
      i++
      continue
    }
    const ns = i
    while (i < to) {
      c = buf.charCodeAt(i)
      if (c === 61 || isSpace(c)) break
      i++
    }
    const ne = i
    while (i < to && buf.charCodeAt(i) !== 61) i++
    i++ // '='
    while (i < to && isSpace(buf.charCodeAt(i))) i++
    const quote = buf.charCodeAt(i)
    if (quote !== 34 && quote !== 39) return
    const vs = i + 1
    const ve = buf.indexOf(quote === 34 ? '"' : "'", vs)
    if (ve < 0 || ve > to) return
    each(ns, ne, vs, ve)
    i = ve + 1
  }
}

/**
 * The decoded value of one attribute of the tag `buf[from, to)`, or undefined.
 * @example attrOf('<sheet name="Leads" r:id="rId1"/>', 0, 33, 'name') // 'Leads'
 */
export function attrOf(buf: string, from: number, to: number, name: string): string | undefined {
  let out: string | undefined
  const start = buf.charCodeAt(from) === 60 ? nameEnd(buf, from + 1) : from
  eachAttr(buf, start, to, (ns, ne, vs, ve) => {
    if (out === undefined && isName(buf, ns, ne, name)) out = decodeXmlText(buf.slice(vs, ve))
  })
  return out
}

/**
 * Every tag with local name `name` in a small document, as `[start, end)` of the tag itself.
 * @example tagsOf(xml, 'sheet').map(([s, e]) => attrOf(xml, s, e, 'name'))
 */
export function tagsOf(xml: string, name: string): [number, number][] {
  const out: [number, number][] = []
  let at = xml.indexOf('<')
  while (at >= 0) {
    const end = nameEnd(xml, at + 1)
    const local = localStart(xml, at + 1, end)
    const gt = xml.indexOf('>', end)
    if (gt < 0) break
    if (isName(xml, local, end, name)) out.push([at, gt + 1])
    at = xml.indexOf('<', gt)
  }
  return out
}

/**
 * The text of a string item (`<si>`, `<is>`): its `<t>` runs joined, phonetic runs (`<rPh>`)
 * left out, entities decoded. `buf[from, to)` is the item's content.
 * @example itemText('<r><t>Ali </t></r><r><t>Veli</t></r>', 0, 36) // 'Ali Veli'
 */
export function itemText(buf: string, from: number, to: number): string {
  let text = ''
  let at = buf.indexOf('<', from)
  while (at >= 0 && at < to) {
    const closing = buf.charCodeAt(at + 1) === 47
    const start = closing ? at + 2 : at + 1
    const end = nameEnd(buf, start)
    const local = localStart(buf, start, end)
    const gt = buf.indexOf('>', end)
    if (gt < 0 || gt >= to) break
    if (!closing && buf.charCodeAt(gt - 1) !== 47) {
      if (isName(buf, local, end, 't')) {
        const close = buf.indexOf('<', gt + 1)
        text += buf.slice(gt + 1, close < 0 || close > to ? to : close)
        at = close
        continue
      }
      if (isName(buf, local, end, 'rPh')) {
        const skip = buf.indexOf('rPh>', gt)
        at = skip < 0 ? -1 : buf.indexOf('<', skip)
        continue
      }
    }
    at = buf.indexOf('<', gt)
  }
  return decodeXmlText(text)
}
