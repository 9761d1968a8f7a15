import { Link, Route, Switch } from 'wouter'
import { AssistantsPage } from './pages/assistants/assistants-page.tsx'
import { CampaignPage } from './pages/campaign/campaign-page.tsx'
import { CampaignsPage } from './pages/campaigns-page.tsx'
import { NumbersPage } from './pages/numbers/numbers-page.tsx'

/** The app shell: top bar and routes. */
export function App() {
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
          <a href="/api/docs">API docs</a>
        </nav>
      </header>
      <main className="content">
        <Switch>
          <Route path="/" component={CampaignsPage} />
          <Route path="/campaigns/:id">{(p) => <CampaignPage idParam={p.id} />}</Route>
          <Route path="/assistants" component={AssistantsPage} />
          <Route path="/numbers" component={NumbersPage} />
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
