// V8 CPU profiles of the page and of its web workers through the browser's CDP session, for finding
// where the wizard's time goes (`browser.ts --profile <dir>`). Workers are attached as they
// start; each one's profile is written as `<dir>/<worker name>-<n>.cpuprofile` (open it in
// Chromium DevTools, Performance panel, or speedscope).
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, CDPSession } from '@playwright/test'

interface Attached {
  sessionId: string
  name: string
}

/** Profiles started by {@link profileWorkers}; `stop` writes them and returns their paths. */
export interface WorkerProfiles {
  stop(): Promise<string[]>
}

/**
 * Starts profiling every web worker the browser starts from now on.
 * @example const p = await profileWorkers(browser, '/tmp/prof'); …; await p.stop()
 */
export async function profileWorkers(browser: Browser, dir: string): Promise<WorkerProfiles> {
  const cdp: CDPSession = await browser.newBrowserCDPSession()
  const attached: Attached[] = []
  let nextId = 1
  const waiting = new Map<number, (result: unknown) => void>()
  // Non-flattened sessions: commands to a worker go through Target.sendMessageToTarget.
  // A worker that ended never answers: give up on it after a while.
  const send = (sessionId: string, method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      const id = nextId++
      waiting.set(id, resolve)
      setTimeout(() => resolve(undefined), 10_000)
      cdp
        .send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method, params }),
        })
        .catch(() => resolve(undefined)) // the worker ended
    })
  cdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
    const msg = JSON.parse(e.message) as { id?: number; result?: unknown }
    if (msg.id !== undefined) waiting.get(msg.id)?.(msg.result)
  })
  // The page itself (its main thread), through its own session.
  const page = browser.contexts()[0]?.pages()[0]
  const pageCdp = page ? await page.context().newCDPSession(page) : null
  await pageCdp?.send('Profiler.enable')
  await pageCdp?.send('Profiler.setSamplingInterval', { interval: 200 })
  await pageCdp?.send('Profiler.start')
  cdp.on(
    'Target.targetCreated',
    (e: { targetInfo: { type: string; targetId: string; title: string } }) => {
      if (e.targetInfo.type !== 'worker') return
      void (async () => {
        const { sessionId } = (await cdp.send('Target.attachToTarget', {
          targetId: e.targetInfo.targetId,
          flatten: false,
        })) as { sessionId: string }
        attached.push({ sessionId, name: e.targetInfo.title || 'worker' })
        await send(sessionId, 'Profiler.enable')
        await send(sessionId, 'Profiler.setSamplingInterval', { interval: 200 })
        await send(sessionId, 'Profiler.start')
      })()
    },
  )
  await cdp.send('Target.setDiscoverTargets', { discover: true })
  return {
    async stop() {
      const paths: string[] = []
      if (pageCdp) {
        const { profile } = (await pageCdp.send('Profiler.stop')) as { profile: unknown }
        const path = join(dir, 'page.cpuprofile')
        writeFileSync(path, JSON.stringify(profile))
        paths.push(path)
        await pageCdp.detach()
      }
      for (const [n, a] of attached.entries()) {
        const res = (await send(a.sessionId, 'Profiler.stop')) as { profile?: unknown } | undefined
        if (!res?.profile) continue
        const path = join(dir, `${a.name.replace(/\W+/g, '_')}-${n}.cpuprofile`)
        writeFileSync(path, JSON.stringify(res.profile))
        paths.push(path)
      }
      await cdp.detach()
      return paths
    },
  }
}
