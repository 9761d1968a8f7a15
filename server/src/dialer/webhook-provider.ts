import {
  SIGNATURE_HEADER,
  SIGNATURE_TIMESTAMP_HEADER,
  type WebhookCallBody,
} from '@leadport/shared'
import type { CallProvider, Clock } from './provider.ts'
import { signBody } from './signature.ts'

/** Where and how the webhook provider posts calls. */
export interface WebhookOptions {
  /** `LEADPORT_WEBHOOK_URL`. */
  url: string
  /** `LEADPORT_WEBHOOK_SECRET`: signs what we send and checks what the provider reports. */
  secret: string
  clock: Clock
  /** How long the provider may take to accept a call; default 10 s. */
  timeoutMs?: number
}

/**
 * Hands each call to an outside voice-agent service: POSTs `{ call_id, to, from, assistant,
 * variables }` signed with HMAC-SHA256 and a timestamp (see signature.ts). A non-2xx answer or
 * a network error fails the call; the outcome arrives later on `POST /api/calls/{id}/events`,
 * and a call with none before its lease runs out counts as failed.
 * @example createWebhookProvider({ url: 'https://agent.example/calls', secret, clock: systemClock })
 */
export function createWebhookProvider(o: WebhookOptions): CallProvider {
  return {
    name: 'webhook',
    survivesRestart: true,
    async place(call) {
      const payload: WebhookCallBody = {
        call_id: call.id,
        to: call.to,
        from: call.from,
        assistant: call.assistant,
        variables: call.variables,
      }
      const body = JSON.stringify(payload)
      const timestamp = Math.floor(o.clock.now() / 1000)
      const res = await fetch(o.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [SIGNATURE_TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signBody(o.secret, timestamp, body),
        },
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(o.timeoutMs ?? 10_000),
      })
      await res.body?.cancel()
      if (!res.ok) throw new Error(`The webhook answered ${res.status} for call ${call.id}.`)
    },
  }
}
