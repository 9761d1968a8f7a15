import { MIN_PASSWORD_LENGTH } from '@leadport/shared'
import { type FormEvent, useState } from 'react'
import { useSetup } from '../../api/auth.ts'

/** First run: create the admin account, with the setup code the server printed. */
export function SetupPage({ codeRequired }: { codeRequired: boolean }) {
  const setup = useSetup()
  const [form, setForm] = useState({ name: '', email: '', password: '', setup_code: '' })
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }))
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const { setup_code, ...rest } = form
    setup.mutate(codeRequired ? { ...form } : rest)
  }
  return (
    <main className="auth-page">
      <form className="panel auth-form" onSubmit={submit} data-testid="setup-form">
        <h1>Welcome to Leadport</h1>
        <p>Create the admin account. The admin adds and removes the team's members.</p>
        {codeRequired && (
          <div className="field">
            <label htmlFor="setup-code">Setup code</label>
            <input
              id="setup-code"
              data-testid="setup-code"
              value={form.setup_code}
              onChange={set('setup_code')}
              autoComplete="off"
              required
            />
            <span className="hint">Printed in the server's output where Leadport was started.</span>
          </div>
        )}
        <div className="field">
          <label htmlFor="setup-name">Your name</label>
          <input
            id="setup-name"
            data-testid="setup-name"
            value={form.name}
            onChange={set('name')}
            maxLength={100}
          />
        </div>
        <div className="field">
          <label htmlFor="setup-email">Email</label>
          <input
            id="setup-email"
            data-testid="setup-email"
            type="email"
            autoComplete="username"
            value={form.email}
            onChange={set('email')}
            required
          />
        </div>
        <div className="field">
          <label htmlFor="setup-password">Password</label>
          <input
            id="setup-password"
            data-testid="setup-password"
            type="password"
            autoComplete="new-password"
            minLength={MIN_PASSWORD_LENGTH}
            value={form.password}
            onChange={set('password')}
            required
          />
          <span className="hint">At least {MIN_PASSWORD_LENGTH} characters.</span>
        </div>
        {setup.error && (
          <p className="error" role="alert" data-testid="setup-error">
            {setup.error.message}
          </p>
        )}
        <button type="submit" data-testid="setup-submit" disabled={setup.isPending}>
          Create admin account
        </button>
      </form>
    </main>
  )
}
