import { MIN_PASSWORD_LENGTH, type User } from '@leadport/shared'
import { type FormEvent, useState } from 'react'
import { useCreateUser, useDeleteUser, useUsers } from '../../api/users.ts'
import { QueryState } from '../query-state.tsx'

/** `/members`: the team; the admin adds and removes members. */
export function MembersPage({ me }: { me: User }) {
  const users = useUsers()
  const create = useCreateUser()
  const remove = useDeleteUser()
  const [form, setForm] = useState({ name: '', email: '', password: '' })
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }))
  const submit = (e: FormEvent) => {
    e.preventDefault()
    create.mutate(form, { onSuccess: () => setForm({ name: '', email: '', password: '' }) })
  }
  const admin = me.role === 'admin'
  return (
    <>
      <div className="page-head">
        <h1>Members</h1>
      </div>
      {admin && (
        <section className="panel">
          <h2>Add a member</h2>
          <form className="inline-form" onSubmit={submit} data-testid="member-form">
            <label htmlFor="member-name">Name</label>
            <input
              id="member-name"
              data-testid="member-name"
              value={form.name}
              onChange={set('name')}
              maxLength={100}
            />
            <label htmlFor="member-email">Email</label>
            <input
              id="member-email"
              data-testid="member-email"
              type="email"
              value={form.email}
              onChange={set('email')}
              required
            />
            <label htmlFor="member-password">Password</label>
            <input
              id="member-password"
              data-testid="member-password"
              type="password"
              autoComplete="new-password"
              minLength={MIN_PASSWORD_LENGTH}
              value={form.password}
              onChange={set('password')}
              required
            />
            <button type="submit" data-testid="add-member" disabled={create.isPending}>
              Add member
            </button>
          </form>
          <p className="hint">Give them the password yourself; they sign in with their email.</p>
          {create.error && (
            <p className="error" role="alert" data-testid="member-error">
              {create.error.message}
            </p>
          )}
        </section>
      )}
      <section className="panel">
        <QueryState what="members" query={users}>
          <table className="table" data-testid="members-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Added</th>
                {admin && <th scope="col">Remove</th>}
              </tr>
            </thead>
            <tbody>
              {users.data?.items.map((u) => (
                <tr key={u.id} data-testid={`member-${u.email}`}>
                  <td>
                    <bdi>{u.name}</bdi>
                  </td>
                  <td>{u.email}</td>
                  <td>{u.role === 'admin' ? 'Admin' : 'Member'}</td>
                  <td className="muted">{new Date(u.created_at).toLocaleString()}</td>
                  {admin && (
                    <td>
                      {u.id !== me.id && (
                        <button
                          type="button"
                          className="secondary"
                          aria-label={`Remove ${u.email}`}
                          data-testid={`remove-${u.email}`}
                          onClick={() => remove.mutate(u.id)}
                        >
                          Remove
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          {remove.error && <p className="error">{remove.error.message}</p>}
        </QueryState>
      </section>
    </>
  )
}
