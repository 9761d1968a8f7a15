import type { AssistantVariable } from '@leadport/shared'
import { useMemo } from 'react'
import { Link } from 'wouter'
import { useAssistants } from '../../api/assistants.ts'
import { useCampaign } from '../../api/campaigns.ts'
import { ImportWizard } from '../../import/wizard/import-wizard.tsx'

const NO_VARIABLES: AssistantVariable[] = []

/** `/campaigns/:id/import`: the import wizard, with the campaign assistant's variables as targets. */
export function ImportPage({ idParam }: { idParam: string }) {
  const id = /^\d+$/.test(idParam) ? Number(idParam) : Number.NaN
  const campaign = useCampaign(id)
  const assistants = useAssistants()
  const c = campaign.data
  const variables = useMemo(
    () => assistants.data?.items.find((a) => a.id === c?.assistant_id)?.variables ?? NO_VARIABLES,
    [assistants.data, c?.assistant_id],
  )
  // Fresh data only: the wizard takes the variables and lead counts once, when it starts.
  if (!campaign.isFetchedAfterMount || !assistants.isFetchedAfterMount) {
    return <p className="muted">Loading campaign…</p>
  }
  if (!c) {
    return (
      <div className="panel">
        <h1>Campaign not found</h1>
        <p>
          There is no campaign {idParam}. <Link href="/">Back to your campaigns</Link>.
        </p>
      </div>
    )
  }
  const leads = Object.values(c.lead_counts).reduce((a, b) => a + (b ?? 0), 0)
  return (
    <>
      <p className="crumbs">
        <Link href="/">Campaigns</Link> / <Link href={`/campaigns/${c.id}`}>{c.name}</Link> / Import
      </p>
      <ImportWizard
        key={c.id}
        campaignId={c.id}
        variables={variables}
        campaignHasLeads={leads > 0}
      />
    </>
  )
}
