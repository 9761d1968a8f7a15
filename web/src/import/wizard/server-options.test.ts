import { importFileOptions } from '@leadport/shared'
import { describe, expect, it } from 'vitest'
import { changedRows, serverOptions } from './server-options.ts'

const mapping = { phone_number: 2, email: null, secondary_phones: [], variables: { company: 1 } }
const format = { kind: 'national', country: 'TR' } as const

describe('serverOptions', () => {
  it('makes what was detected explicit, so the server reads the file as the preview did', () => {
    const o = serverOptions({
      campaignId: 7,
      format,
      mapping,
      read: { headerRow: 2 },
      preview: { headerRow: 2, encoding: 'windows-1254', delimiter: ';' },
    })
    expect(o).toEqual({
      campaign_id: 7,
      format,
      mapping,
      header_row: 2,
      encoding: 'windows-1254',
      delimiter: ';',
    })
    expect(importFileOptions.parse(o)).toEqual(o)
  })

  it("puts the user's choices before the detection, and names the sheet of a workbook", () => {
    const o = serverOptions({
      campaignId: 1,
      format: { kind: 'international' },
      mapping,
      read: { sheet: 'Liste', headerRow: 4 },
      preview: { sheet: 'Notes', headerRow: 1 },
    })
    expect(o).toMatchObject({ sheet: 'Liste', header_row: 4 })
    expect(o).not.toHaveProperty('delimiter')
    expect(o).not.toHaveProperty('encoding')
    expect(importFileOptions.safeParse(o).success).toBe(true)
  })
})

describe('changedRows', () => {
  it('counts each edited or deleted row once', () => {
    expect(changedRows({ edits: [], deleted: [] })).toBe(0)
    expect(
      changedRows({
        edits: [
          [4, ['a']],
          [9, ['b']],
        ],
        deleted: [4, 12],
      }),
    ).toBe(3)
  })
})
