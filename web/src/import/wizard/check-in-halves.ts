import type { AssistantVariable, FileKind } from '@leadport/shared'
import { proxy, type Remote, transfer } from 'comlink'
import { parseBridge } from '../parse-bridge.ts'
import type { ParseApi } from '../worker/parse-worker.ts'
import { MIN_SPLIT_BYTES } from '../worker/split-size.ts'
import type { CheckSettings, ReviewSummary, WorkerResult } from '../worker/types.ts'

/** A helper worker with the file opened (or opening) in it. */
export interface Helper {
  handle: { remote: Remote<ParseApi>; worker: Worker }
  opened: Promise<unknown>
}

/**
 * A helper worker that starts reading `file` now; null when the file is too small to split.
 * @example const helper = openHelper(file)
 */
export function openHelper(file: File): Helper | null {
  if (file.size < MIN_SPLIT_BYTES) return null
  const handle = parseBridge.startHelper()
  // A failed open still lets `checkPart` answer on its port (the helper has no file then).
  const opened = handle.remote.open(file, file.name).catch(() => undefined)
  return { handle, opened }
}

/**
 * Runs the full check on `api`'s worker; a big text file is checked in two halves, the second
 * by a helper worker on the other core that posts its rows straight to `api`'s worker (through
 * a MessageChannel, never through this thread) and ends when it has. The rows are the ones a
 * single pass gives (see `worker/split.ts`).
 * @example await checkInHalves(parseBridge.api, file, 'csv', settings, variables, (f) => {})
 */
export function checkInHalves(
  api: Remote<ParseApi>,
  file: File,
  kind: FileKind | undefined,
  settings: CheckSettings,
  variables: AssistantVariable[],
  onProgress: (fraction: number) => void,
  helper: Helper | null = openHelper(file),
): Promise<WorkerResult<ReviewSummary>> {
  const progress = proxy(onProgress)
  if (kind !== 'csv' || !helper) {
    if (helper) parseBridge.dropHelper(helper.handle)
    return api.checkFile(settings, variables, progress)
  }
  const channel = new MessageChannel()
  const second = transfer(channel.port2, [channel.port2])
  helper.opened
    .then(() => helper.handle.remote.checkPart(settings, variables, second))
    .finally(() => parseBridge.dropHelper(helper.handle))
    .catch(() => undefined)
  return api.checkFile(settings, variables, progress, transfer(channel.port1, [channel.port1]))
}
