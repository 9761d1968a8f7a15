import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig } from '@playwright/test'

// Every run gets fresh SQLite files, so tests never see another run's data.
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'leadport-e2e-'))
process.env.E2E_DATA_DIR = dataDir
const port = Number(process.env.E2E_PORT ?? 8790)
// A second, never set-up server for the first-run page (setup code fixed by the environment).
const setupPort = port + 1
process.env.E2E_SETUP_URL = `http://127.0.0.1:${setupPort}`
// A third server that dials with the simulator, 20x faster than real time (dialer.spec.ts signs
// in to it on its own: its session cookie never meets the main server's storage state).
const dialerPort = port + 2
process.env.E2E_DIALER_URL = `http://127.0.0.1:${dialerPort}`
/** The admin the unattended install creates; tests sign in as them (global-setup.ts). */
const ADMIN = { email: 'admin@example.com', password: 'e2e correct horse battery' }
process.env.E2E_ADMIN_EMAIL = ADMIN.email
process.env.E2E_ADMIN_PASSWORD = ADMIN.password
// No dialer: these tests check what Start queues (`scheduled`); the dialer's own browser test
// (issue 8) runs a server with the simulator.
const cli = 'node --import tsx ../server/src/cli/bin.ts serve --dialer off'

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  globalSetup: './global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    storageState: join(dataDir, 'admin-state.json'),
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: [
    {
      command: `${cli} --port ${port} --data ${join(dataDir, 'main')}`,
      url: `http://127.0.0.1:${port}/api/health`,
      env: { LEADPORT_ADMIN_EMAIL: ADMIN.email, LEADPORT_ADMIN_PASSWORD: ADMIN.password },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `node --import tsx ../server/src/cli/bin.ts serve --dialer simulator --sim-speed 20 --port ${dialerPort} --data ${join(dataDir, 'dialer')}`,
      url: `http://127.0.0.1:${dialerPort}/api/health`,
      env: {
        LEADPORT_ADMIN_EMAIL: ADMIN.email,
        LEADPORT_ADMIN_PASSWORD: ADMIN.password,
        LEADPORT_SIMULATOR_SEED: '7',
      },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `${cli} --port ${setupPort} --data ${join(dataDir, 'fresh')}`,
      url: `http://127.0.0.1:${setupPort}/api/health`,
      env: { LEADPORT_SETUP_CODE: 'e2e-setup-code' },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
})
