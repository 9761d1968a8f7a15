import {
  createPhoneNumberBody,
  issueMessage,
  normalizePhoneCell,
  phoneFormatFor,
  updatePhoneNumberBody,
} from '@leadport/shared'
import { Hono } from 'hono'
import type { AppEnv } from '../../app.ts'
import { AppError } from '../../app-error.ts'
import {
  findPhoneNumber,
  getPhoneNumber,
  insertPhoneNumber,
  listPhoneNumbers,
  updatePhoneNumberLabel,
} from '../../db/phone-numbers.ts'
import { readId, readJson } from '../validate.ts'

/** Caller number routes under `/api/phone-numbers`. */
export const phoneNumberRoutes = new Hono<AppEnv>()
  .get('/', (c) => c.json({ items: listPhoneNumbers(c.get('db')) }))
  .post('/', async (c) => {
    const db = c.get('db')
    const body = await readJson(c, createPhoneNumberBody)
    const phone = normalizePhoneCell(body.phone_number, phoneFormatFor(body.country))
    if (phone.e164 === null || phone.ext !== undefined || phone.secondary.length > 0) {
      const code = phone.e164 === null ? (phone.codes[0] ?? 'PHONE_INVALID') : 'PHONE_INVALID'
      const why = phone.e164 === null ? '' : ' A caller number is one number without an extension.'
      throw new AppError(
        'BAD_REQUEST',
        `${issueMessage(code, { value: body.phone_number, country: body.country })}${why}`,
      )
    }
    const created = insertPhoneNumber(db, phone.e164, body.label)
    if (!created) {
      const existing = findPhoneNumber(db, phone.e164)
      throw new AppError(
        'CONFLICT',
        `${phone.e164} is already a caller number${existing ? ` (id ${existing.id})` : ''}.`,
      )
    }
    return c.json(created, 201)
  })
  .get('/:id', (c) => {
    const id = readId(c, 'id', 'Caller number')
    const n = getPhoneNumber(c.get('db'), id)
    if (!n) throw new AppError('NOT_FOUND', `Caller number ${id} does not exist.`)
    return c.json(n)
  })
  .patch('/:id', async (c) => {
    const id = readId(c, 'id', 'Caller number')
    const body = await readJson(c, updatePhoneNumberBody)
    const n = updatePhoneNumberLabel(c.get('db'), id, body.label)
    if (!n) throw new AppError('NOT_FOUND', `Caller number ${id} does not exist.`)
    return c.json(n)
  })
