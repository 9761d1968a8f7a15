import { MAX_PENDING_CHARS, tooBig } from './sheet-scanner.ts'
import { decodeXmlText, isName, itemText, localStart, nameEnd } from './xml-text.ts'

/**
 * The text of the common item `<t>text</t>` (with or without attributes) in `buf[from, to)`,
 * or undefined for anything else (rich text, phonetic runs), which `itemText` reads.
 */
function plainText(buf: string, from: number, to: number): string | undefined {
  if (buf.charCodeAt(from) !== 60 || buf.charCodeAt(from + 1) !== 116) return undefined
  const next = buf.charCodeAt(from + 2)
  if (next !== 62 && next !== 32) return undefined
  const gt = buf.indexOf('>', from + 2)
  const lt = buf.indexOf('<', gt + 1)
  if (gt < 0 || lt !== to - 4 || !buf.startsWith('</t>', lt)) return undefined
  return decodeXmlText(buf.slice(gt + 1, lt))
}

/**
 * Collects the shared-string table (`xl/sharedStrings.xml`) from text fed chunk by chunk:
 * only the strings are kept, never the whole part.
 * @example const sst = new SharedStrings(); sst.push(xmlChunk); sst.strings[0]
 */
export class SharedStrings {
  readonly strings: string[] = []
  private buf = ''
  private closeTag = '</si>'

  /** Feeds the next piece of decoded XML text. */
  push(text: string): void {
    const buf = this.buf + text
    let pos = 0
    for (;;) {
      const lt = buf.indexOf('<', pos)
      if (lt < 0) {
        pos = buf.length
        break
      }
      const end = nameEnd(buf, lt + 1)
      const gt = buf.indexOf('>', end)
      if (gt < 0 || end >= buf.length) {
        pos = lt
        break
      }
      const local = localStart(buf, lt + 1, end)
      if (!isName(buf, local, end, 'si')) {
        pos = gt + 1
        continue
      }
      if (buf.charCodeAt(gt - 1) === 47) {
        this.strings.push('')
        pos = gt + 1
        continue
      }
      // The closing tag is cut once per prefix (`</si>`, `</x:si>`), not once per string.
      if (
        end - lt - 1 !== this.closeTag.length - 3 ||
        !buf.startsWith(this.closeTag.slice(2, -1), lt + 1)
      ) {
        this.closeTag = `</${buf.slice(lt + 1, end)}>`
      }
      const close = buf.indexOf(this.closeTag, gt)
      if (close < 0) {
        pos = lt
        break
      }
      this.strings.push(plainText(buf, gt + 1, close) ?? itemText(buf, gt + 1, close))
      pos = close + this.closeTag.length
    }
    this.buf = buf.slice(pos)
    if (this.buf.length > MAX_PENDING_CHARS) throw tooBig()
  }
}
