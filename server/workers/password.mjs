// Hashes and checks passwords off the main thread: bcrypt takes ~100 ms of CPU per call and
// would otherwise stall every other request.
import { parentPort } from 'node:worker_threads'
import bcrypt from 'bcryptjs'

parentPort.on('message', async ({ id, op, password, hash, cost }) => {
  try {
    const result = op === 'hash'
      ? await bcrypt.hash(password, cost)
      : await bcrypt.compare(password, hash)
    parentPort.postMessage({ id, result })
  }
  catch (error) {
    parentPort.postMessage({ id, error: String(error) })
  }
})
