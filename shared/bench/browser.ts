// Browser benchmark (issue 7): a 1,000,000-row CSV through the real import wizard in headless
// Chromium against the real server (`leads serve`, built SPA), timed from file pick to the review
// screen and to every row stored; then the stored count is checked through the API.
// Run: pnpm build && npx tsx shared/bench/browser.ts [rows] [--review-only] [--profile <dir>]
//   [--profile-upload <dir>]   (prints JSON on the
// last line)
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  type APIRequestContext,
  type CDPSession,
  chromium,
  type Locator,
  type Page,
} from '@playwright/test'
import { writeBenchCsv } from './browser-file.ts'
import { profileWorkers, type WorkerProfiles } from './browser-profile.ts'
import { BENCH_ADMIN, startBenchServer } from './browser-server.ts'

/** Chromium on this machine; the benchmark is skipped without it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/** The goals on this 2-core machine, browser and server sharing it. */
export const GOALS = { reviewMs: 4_000, storedMs: 10_000 }

/** What {@link runBrowserBench} measured. */
export interface BrowserBenchResult {
  rows: number
  megabytes: number
  /** File pick → `[data-testid=review-ready]` visible (the "Next" clicks included). */
  reviewMs: number
  /** "Upload N leads" click → `[data-testid=upload-done]` visible. */
  uploadMs: number
  /** Summed over the chunks (lanes overlap): building bodies in the worker, and their PUTs. */
  uploadParts?: { bodyMs: number; putMs: number }
  /** File pick → upload done: the "all rows stored". */
  storedMs: number
  /** N of the "Upload N leads" button. */
  uploaded: number
  /** Leads of the campaign according to the API afterwards. */
  stored: number
  /** Time since the pick of each "Next" click on the way to the review (when each step was ready). */
  nextClicksMs: number[]
  /** Longest main-thread task between file pick and review screen (PerformanceObserver). */
  maxLongTaskMs: number
  /** Each long task after the pick: [start after the pick, duration], ms. */
  longTasksMs: [number, number][]
  /** The wizard's `import:*` performance marks in ms after `import:pick` (`review`: the review on screen), and `setInputFiles`: Playwright's pick to that mark. */
  marks: Record<string, number>
  goalsMet: boolean
  load: number
}

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

// Installed before any page script: every long task, in page time.
const OBSERVE_LONG_TASKS = `
  globalThis.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) globalThis.__longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
`

async function setUp(request: APIRequestContext, url: string): Promise<number> {
  const headers = { origin: url }
  const send = async (path: string, data: unknown) => {
    const res = await request.post(path, { headers, data })
    if (!res.ok()) throw new Error(`POST ${path}: ${res.status()} ${await res.text()}`)
    return (await res.json()) as { id: number }
  }
  await send('/api/auth/login', BENCH_ADMIN)
  const assistant = await send('/api/assistants', {
    name: 'Bench',
    variables: [
      { key: 'customer_name', label: 'Customer name' },
      { key: 'company', label: 'Company' },
    ],
    script: 'Hello {{customer_name}} from {{company}}',
    time_zone: 'Europe/Istanbul',
  })
  return (await send('/api/campaigns', { name: 'Browser bench', assistant_id: assistant.id })).id
}

/**
 * Clicks the wizard's enabled "Next" button until `target` shows (at most `maxSteps` clicks);
 * `clicks` receives the `performance.now()` of each click.
 * @example await advanceTo(page, page.getByTestId('review-ready'), 120_000)
 */
export async function advanceTo(
  page: Page,
  target: Locator,
  timeout: number,
  clicks: number[] = [],
  maxSteps = 12,
) {
  const next = page.locator('button:enabled', { hasText: /^\s*Next\s*$/ })
  const deadline = Date.now() + timeout
  for (;;) {
    const left = Math.max(1, deadline - Date.now())
    await target.or(next).first().waitFor({ state: 'visible', timeout: left })
    if (await target.isVisible()) return
    if (clicks.length === maxSteps)
      throw new Error(`still no ${target} after ${maxSteps} "Next" clicks`)
    // The button may go away between the check and the click (the step moved on): try again.
    clicks.push(performance.now())
    await next
      .first()
      .click({ timeout: Math.min(left, 5_000) })
      .catch(() => undefined)
  }
}

async function leadCount(request: APIRequestContext, campaignId: number): Promise<number> {
  const res = await request.get(`/api/campaigns/${campaignId}`)
  const body = (await res.json()) as { lead_counts: Record<string, number> }
  return Object.values(body.lead_counts).reduce((a, b) => a + b, 0)
}

const load = () => os.loadavg()[0] ?? 0

/** Starts a CPU profile of the page's main thread. */
async function startPageProfile(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.start')
  return cdp
}

/** Stops it and writes `<dir>/<name>.cpuprofile`; answers the path. */
async function stopPageProfile(cdp: CDPSession, dir: string, name: string): Promise<string> {
  const { profile } = await cdp.send('Profiler.stop')
  const file = join(dir, `${name}.cpuprofile`)
  writeFileSync(file, JSON.stringify(profile))
  return file
}

/**
 * Runs the benchmark once with a fresh server, database and browser. `reviewOnly` stops at the
 * review screen (no upload; `uploadMs`, `storedMs` and `stored` are 0); `profileDir` receives CPU
 * profiles of the page's workers from file pick to review screen.
 * @example const r = await runBrowserBench(1_000_000); r.reviewMs < GOALS.reviewMs
 */
export async function runBrowserBench(
  rows: number,
  options: { reviewOnly?: boolean; profileDir?: string; uploadProfileDir?: string } = {},
): Promise<BrowserBenchResult> {
  const dir = mkdtempSync(join(os.tmpdir(), 'leadport-browser-bench-'))
  const csv = join(dir, 'leads.csv')
  const bytes = writeBenchCsv(csv, rows)
  const server = await startBenchServer(join(dir, 'data'))
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS })
  try {
    const context = await browser.newContext({ baseURL: server.url })
    const campaignId = await setUp(context.request, server.url)
    const page = await context.newPage()
    await page.addInitScript(OBSERVE_LONG_TASKS)
    await page.goto(`/campaigns/${campaignId}/import`)
    const input = page.getByTestId('import-file-input')
    await input.waitFor({ state: 'attached' })
    try {
      let profiles: WorkerProfiles | undefined
      let reviewProfile: CDPSession | undefined
      if (options.profileDir) {
        profiles = await profileWorkers(browser, options.profileDir)
        reviewProfile = await startPageProfile(page)
      }
      const pickedAt = await page.evaluate(() => performance.now())
      const t0 = performance.now()
      await input.setInputFiles(csv)
      const clicks: number[] = []
      await advanceTo(page, page.getByTestId('review-ready'), 180_000, clicks)
      const reviewMs = performance.now() - t0
      if (profiles && reviewProfile && options.profileDir) {
        const file = await stopPageProfile(reviewProfile, options.profileDir, 'page-review')
        console.error(`profiles: ${[file, ...(await profiles.stop())].join(', ')}`)
      }
      const tasks = await page.evaluate(
        () => (globalThis as unknown as { __longTasks: [number, number][] }).__longTasks,
      )
      const marks = await page.evaluate((before) => {
        const all = performance.getEntriesByType('mark').filter((m) => m.name.startsWith('import:'))
        const pick = all.find((m) => m.name === 'import:pick')?.startTime ?? 0
        return {
          // From asking Playwright to pick the file to the page's `change` event.
          setInputFiles: Math.round(pick - before),
          ...Object.fromEntries(all.map((m) => [m.name.slice(7), Math.round(m.startTime - pick)])),
        }
      }, pickedAt)
      let maxLongTaskMs = 0
      const longTasksMs: [number, number][] = []
      for (const [start, duration] of tasks) {
        if (start + duration < pickedAt) continue
        maxLongTaskMs = Math.max(maxLongTaskMs, duration)
        longTasksMs.push([Math.round(start - pickedAt), Math.round(duration)])
      }
      const upload = page.getByRole('button', { name: /^Upload [\d,.\s]+ leads?$/ })
      await advanceTo(page, upload, 60_000)
      const uploaded = Number(((await upload.textContent()) ?? '').replace(/\D/g, ''))
      const review = {
        rows,
        megabytes: bytes / 1e6,
        reviewMs,
        uploaded,
        nextClicksMs: clicks.map((t) => Math.round(t - t0)),
        maxLongTaskMs,
        longTasksMs,
        marks,
      }
      if (options.reviewOnly) {
        const goalsMet = reviewMs < GOALS.reviewMs && uploaded === rows
        return { ...review, uploadMs: 0, storedMs: 0, stored: 0, goalsMet, load: load() }
      }
      // `--profile-upload <dir>`: CPU profiles of the page and its workers during the upload.
      let uploadProfiles: WorkerProfiles | undefined
      let pageProfile: CDPSession | undefined
      if (options.uploadProfileDir) {
        uploadProfiles = await profileWorkers(browser, options.uploadProfileDir)
        pageProfile = await startPageProfile(page)
      }
      const t1 = performance.now()
      await upload.click()
      await page.getByTestId('upload-done').waitFor({ state: 'visible', timeout: 600_000 })
      const t2 = performance.now()
      if (uploadProfiles && pageProfile && options.uploadProfileDir) {
        const file = await stopPageProfile(pageProfile, options.uploadProfileDir, 'page-upload')
        console.error(`upload profiles: ${[file, ...(await uploadProfiles.stop())].join(', ')}`)
      }
      const stored = await leadCount(context.request, campaignId)
      // Per chunk, summed over the upload's lanes: building bodies in the worker, and PUTs.
      const uploadParts = (await page.evaluate(() =>
        Object.fromEntries(
          ['body', 'put'].map((part) => [
            `${part}Ms`,
            Math.round(
              performance
                .getEntriesByName(`upload:${part}`)
                .reduce((total, m) => total + m.duration, 0),
            ),
          ]),
        ),
      )) as { bodyMs: number; putMs: number }
      const storedMs = t2 - t0
      return {
        ...review,
        uploadMs: t2 - t1,
        uploadParts,
        storedMs,
        stored,
        goalsMet: reviewMs < GOALS.reviewMs && storedMs < GOALS.storedMs && stored === rows,
        load: load(),
      }
    } catch (err) {
      const shot = join(os.tmpdir(), `leadport-browser-bench-failure-${Date.now()}.png`)
      await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined)
      throw new Error(`${(err as Error).message}\n(screenshot of the page: ${shot})`)
    }
  } finally {
    await browser.close()
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!existsSync(CHROMIUM)) {
    console.log(JSON.stringify({ skipped: `no Chromium at ${CHROMIUM}` }))
  } else {
    const rows = Number(process.argv[2] ?? 1_000_000)
    // `--review-only`: stop at the review screen (what issue 7's first goal times).
    const reviewOnly = process.argv.includes('--review-only')
    // `--profile <dir>`: CPU profiles of the page's workers from file pick to review screen.
    const at = process.argv.indexOf('--profile')
    const profileDir = at > 0 ? process.argv[at + 1] : undefined
    const up = process.argv.indexOf('--profile-upload')
    const uploadProfileDir = up > 0 ? process.argv[up + 1] : undefined
    console.log(
      JSON.stringify(await runBrowserBench(rows, { reviewOnly, profileDir, uploadProfileDir })),
    )
  }
}
