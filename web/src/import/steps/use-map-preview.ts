import type { Mapping, PhoneFormat } from '@leadport/shared'
import { useEffect, useState } from 'react'
import { parseBridge } from '../parse-bridge.ts'
import { useWizard } from '../wizard/store.ts'
import type { MapPreview } from '../worker/types.ts'

/** The first rows as they will be imported with `mapping` and `format`, recomputed live. */
export function useMapPreview(mapping: Mapping | null, format: PhoneFormat): MapPreview | null {
  const variables = useWizard((s) => s.variables)
  const preview = useWizard((s) => s.preview)
  const [out, setOut] = useState<MapPreview | null>(null)
  useEffect(() => {
    if (!mapping || !preview) return
    let live = true
    parseBridge.api.previewMapping(mapping, format, variables).then(
      (p) => live && setOut(p),
      () => live && setOut(null),
    )
    return () => {
      live = false
    }
  }, [mapping, format, variables, preview])
  return out
}
