import type { User } from '@leadport/shared'
import { Link, Route, Switch } from 'wouter'
import { useAuthState, useLogout } from './api/auth.ts'
import { ApiKeysPage } from './pages/api-keys/api-keys-page.tsx'
import { AssistantsPage } from './pages/assistants/assistants-page.tsx'
import { LoginPage } from './pages/auth/login-page.tsx'
import { SetupPage } from './pages/auth/setup-page.tsx'
import { CampaignPage } from './pages/campaign/campaign-page.tsx'
import { ImportPage } from './pages/campaign/import-page.tsx'
import { CampaignsPage } from './pages/campaigns-page.tsx'
import { DoNotCallPage } from './pages/do-not-call/do-not-call-page.tsx'
import { ImportStatusPage } from './pages/imports/import-page.tsx'
import { MembersPage } from './pages/members/members-page.tsx'
import { NumbersPage } from './pages/numbers/numbers-page.tsx'
import { OutboxPage } from './pages/outbox/outbox-page.tsx'
import { QueryState } from './pages/query-state.tsx'

/** The app: first-run setup, sign-in, or the shell for a signed-in member. */
export function App() {
  const state = useAuthState()
  return (
    <QueryState what="Leadport" query={state}>
      {state.data?.setup_needed ? (
        <SetupPage codeRequired={state.data.setup_code_required} />
      ) : state.data?.user ? (
        <Shell me={state.data.user} />
      ) : (
        <LoginPage />
      )}
    </QueryState>
  )
}

function Shell({ me }: { me: User }) {
  const logout = useLogout()
  return (
    <div className="shell">
      <header className="topbar">
        <Link href="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            L
          </span>
          Leadport
        </Link>
        <nav>
          <Link href="/">Campaigns</Link>
          <Link href="/assistants">Assistants</Link>
          <Link href="/numbers">Caller numbers</Link>
          <Link href="/do-not-call">Do not call</Link>
          <Link href="/members">Members</Link>
          <Link href="/api-keys">API keys</Link>
          {me.role === 'admin' && <Link href="/outbox">Email outbox</Link>}
          <a href="/api/docs">API docs</a>
        </nav>
        <span className="whoami">
          <span data-testid="whoami">{me.email}</span>
          <button
            type="button"
            className="secondary"
            data-testid="logout"
            onClick={() => logout.mutate()}
          >
            Sign out
          </button>
        </span>
      </header>
      <main className="content">
        <Switch>
          <Route path="/" component={CampaignsPage} />
          <Route path="/campaigns/:id/import">{(p) => <ImportPage idParam={p.id} />}</Route>
          <Route path="/campaigns/:id">{(p) => <CampaignPage idParam={p.id} />}</Route>
          <Route path="/assistants" component={AssistantsPage} />
          <Route path="/numbers" component={NumbersPage} />
          <Route path="/do-not-call" component={DoNotCallPage} />
          <Route path="/members">
            <MembersPage me={me} />
          </Route>
          <Route path="/api-keys" component={ApiKeysPage} />
          <Route path="/imports/:id">{(p) => <ImportStatusPage idParam={p.id} />}</Route>
          <Route path="/outbox" component={OutboxPage} />
          <Route>
            <div className="panel">
              <h1>Page not found</h1>
              <p>
                There is nothing at this address. <Link href="/">Go to your campaigns</Link>.
              </p>
            </div>
          </Route>
        </Switch>
      </main>
    </div>
  )
}
