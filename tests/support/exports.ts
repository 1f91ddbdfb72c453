import { parse } from 'csv-parse/sync'
import { expect, inject } from 'vitest'
import type { Client } from './actors'

/**
 * Asks for an export's status until it is done or failed, as an API client without the live
 * stream learns it (the 202's export row is the thing to watch), and answers the final row.
 */
export async function settledExport(client: Client, id: number, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const res = await client.get(`/api/exports/${id}`)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    if (res.body.status === 'done' || res.body.status === 'failed') return res.body
    if (Date.now() > deadline) throw new Error(`Export ${id} still ${res.body.status} at ${res.body.progress}% after ${timeoutMs} ms`)
    await new Promise(resolve => setTimeout(resolve, 50))
  }
}

/**
 * The download's raw bytes (a text body would lose the byte-order mark) and its headers, fetched
 * with the client's cookies.
 */
export async function download(client: Client, id: number, baseURL = inject('baseURL')) {
  const cookie = [...client.jar].map(([name, value]) => `${name}=${value}`).join('; ')
  const res = await fetch(`${baseURL}/api/exports/${id}/download`, { headers: { cookie, 'x-forwarded-for': client.ip } })
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) }
}

/** Starts an export, waits for it and downloads it. */
export async function exportAndDownload(client: Client, kind: 'campaigns' | 'ad_requests', baseURL?: string) {
  const started = await client.post('/api/exports', { kind })
  expect(started.status, JSON.stringify(started.body)).toBe(202)
  expect(started.body).toMatchObject({ kind, status: expect.stringMatching(/^(queued|running)$/) })
  const row = await settledExport(client, started.body.id)
  expect(row, JSON.stringify(row)).toMatchObject({ status: 'done', progress: 100 })
  const file = await download(client, row.id, baseURL)
  expect(file.status).toBe(200)
  return { row, ...file }
}

/** The CSV read back the way a spreadsheet would: the header line names the columns. */
export function parseCsv(bytes: Buffer): Record<string, string>[] {
  return parse(bytes, { bom: true, columns: true })
}
