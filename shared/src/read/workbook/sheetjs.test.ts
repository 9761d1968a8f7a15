import { describe, expect, it } from 'vitest'
import { mapSheetJsError } from './sheetjs.ts'

describe('mapSheetJsError', () => {
  it('maps SheetJS exceptions to file codes the user can act on', () => {
    const cases: [unknown, string][] = [
      [new Error('File is password-protected'), 'FILE_ENCRYPTED'],
      [new Error('ECMA-376 Encrypted file unrecognized Version: 0'), 'FILE_ENCRYPTED'],
      [new Error('Unsupported ZIP file'), 'FILE_DAMAGED'],
      [new Error('Header Signature: Expected d0cf11e0a1b11ae1 saw 00'), 'FILE_DAMAGED'],
      [new Error('Cannot find file xl/workbook.xml in zip'), 'FILE_DAMAGED'],
      [new RangeError('Invalid array length'), 'FILE_TOO_LARGE'],
      [new Error('Unsupported Multiplan 1.x file!'), 'FILE_FORMAT'],
      ['thrown string', 'FILE_FORMAT'],
    ]
    for (const [e, code] of cases) expect(mapSheetJsError(e, 'xlsx').code).toBe(code)
  })

  it('names the detected kind when the format is the problem', () => {
    const e = mapSheetJsError(new Error('Unrecognized record 0x1234'), 'xls')
    expect(e.message).toContain('an Excel 97-2003 workbook (XLS)')
    expect(e.message).toContain('Unrecognized record 0x1234')
  })
})
