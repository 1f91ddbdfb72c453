/**
 * Liveness only: the process answers, nothing else is asked (the database and cache are
 * /api/health's business). Also the benchmark's baseline, the cost of the bare framework.
 */
export default defineEventHandler(() => ({ status: 'ok' }))
