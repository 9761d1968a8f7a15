// Prints one closing line, "tests: N passed, N failed", over the vitest and Playwright JSON reports.
import { readFileSync } from 'node:fs'

let passed = 0
let failed = 0
for (const file of process.argv.slice(2)) {
  const report = JSON.parse(readFileSync(file, 'utf8'))
  if ('numPassedTests' in report) {
    passed += report.numPassedTests
    failed += report.numFailedTests
  } else if (report.stats) {
    passed += report.stats.expected
    failed += report.stats.unexpected + report.stats.flaky
  }
}
if (passed + failed === 0) {
  console.error('No tests ran.')
  process.exit(1)
}
console.log(`tests: ${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
