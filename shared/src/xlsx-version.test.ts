import { describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'

describe('SheetJS pin', () => {
  it('is SheetJS CE 0.20.3 (both CVE fixes), not the npm xlsx 0.18.5 or a 0.20.1 republish', () => {
    expect(XLSX.version).toBe('0.20.3')
  })

  it('does not pollute Object.prototype from a comment whose ref is __proto__', () => {
    const wb = XLSX.utils.book_new()
    const ws = XLSX.utils.aoa_to_sheet([['phone'], ['+905321234567']])
    XLSX.utils.book_append_sheet(wb, ws, 'Leads')
    const a1 = ws.A1 as XLSX.CellObject
    a1.c = [{ a: 'x', t: 'note' }]
    const bytes = XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer
    const zipped = XLSX.CFB.read(new Uint8Array(bytes), { type: 'array' })
    const at = zipped.FullPaths.findIndex((p: string) => p.endsWith('/xl/comments1.xml'))
    const entry = zipped.FileIndex[at]
    if (!entry) throw new Error('SheetJS wrote no comments part')
    const xml = new TextDecoder().decode(entry.content as Uint8Array)
    expect(xml).toContain('ref="A1"')
    entry.content = new TextEncoder().encode(xml.replace('ref="A1"', 'ref="__proto__"'))
    entry.size = entry.content.length
    const evil = XLSX.CFB.write(zipped, { type: 'array', fileType: 'zip' }) as number[]
    XLSX.read(new Uint8Array(evil), { type: 'array' })
    expect(Object.hasOwn(Object.prototype, 'c')).toBe(false)
  })
})
