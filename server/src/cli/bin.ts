#!/usr/bin/env node
// The `leads` program: runs one command and sets the exit code.
import { main } from './main.ts'

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err)
    process.exitCode = 1
  },
)
