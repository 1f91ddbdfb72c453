import type { ExportKind, ExportStatus } from '#shared/constants'

/** One of GET /api/exports; sizes once done. */
export interface ExportJob {
  id: number
  kind: ExportKind
  status: ExportStatus
  /** 0–100. */
  progress: number
  rowCount: number | null
  byteSize: number | null
  error: string | null
  createdAt: string
  startedAt: string | null
  finishedAt: string | null
}
