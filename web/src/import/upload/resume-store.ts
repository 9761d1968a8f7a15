import type { ResumableUpload } from './contract.ts'

const DB = 'leadport-uploads'
const STORE = 'uploads'

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1)
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'campaignId' })
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })
}

async function tx<T>(mode: IDBTransactionMode, run: (s: IDBObjectStore) => IDBRequest<T>) {
  const db = await openDb()
  try {
    return await new Promise<T>((resolve, reject) => {
      const t = db.transaction(STORE, mode)
      const req = run(t.objectStore(STORE))
      t.oncomplete = () => resolve(req.result)
      t.onerror = () => reject(t.error)
      t.onabort = () => reject(t.error)
    })
  } finally {
    db.close()
  }
}

/**
 * Saves an unfinished upload (one per campaign), the file itself included.
 * @example await saveResumable({ importId: 12, campaignId: 1050, file, ... })
 */
export async function saveResumable(u: ResumableUpload): Promise<void> {
  await tx('readwrite', (s) => s.put(u))
}

/** The unfinished upload of a campaign, if any. */
export async function loadResumable(campaignId: number): Promise<ResumableUpload | null> {
  const found = await tx<ResumableUpload | undefined>('readonly', (s) => s.get(campaignId))
  return found ?? null
}

/** Forgets a campaign's unfinished upload. */
export async function dropResumable(campaignId: number): Promise<void> {
  await tx('readwrite', (s) => s.delete(campaignId))
}
