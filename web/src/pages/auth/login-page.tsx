import { type FormEvent, useState } from 'react'
import { useLogin } from '../../api/auth.ts'

/** The sign-in page, shown whenever nobody is signed in. */
export function LoginPage() {
  const login = useLogin()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const submit = (e: FormEvent) => {
    e.preventDefault()
    login.mutate({ email, password })
  }
  return (
    <main className="auth-page">
      <form className="panel auth-form" onSubmit={submit} data-testid="login-form">
        <h1>Sign in to Leadport</h1>
        <div className="field">
          <label htmlFor="login-email">Email</label>
          <input
            id="login-email"
            data-testid="login-email"
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
          />
        </div>
        <div className="field">
          <label htmlFor="login-password">Password</label>
          <input
            id="login-password"
            data-testid="login-password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </div>
        {login.error && (
          <p className="error" role="alert" data-testid="login-error">
            {login.error.message}
          </p>
        )}
        <button type="submit" data-testid="login-submit" disabled={login.isPending}>
          Sign in
        </button>
        <p className="muted">Ask your team's admin to add you, or to reset your password.</p>
      </form>
    </main>
  )
}
