import { Link, Route, Switch } from 'wouter'
import { CampaignPage } from './pages/campaign-page.tsx'
import { CampaignsPage } from './pages/campaigns-page.tsx'

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
        </nav>
      </header>
      <main className="content">
        <Switch>
          <Route path="/" component={CampaignsPage} />
          <Route path="/campaigns/:id">{(p) => <CampaignPage idParam={p.id} />}</Route>
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
