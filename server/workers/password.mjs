// Hashes and checks passwords off the main thread: bcrypt takes ~100 ms of CPU per call and
// would otherwise stall every other request.
import { readlinkSync } from 'node:fs'
import { setPriority } from 'node:os'
import { parentPort } from 'node:worker_threads'
import bcrypt from 'bcryptjs'

// A login can wait a few more milliseconds for its hash; the pages and lists the main thread
// answers meanwhile should not wait for it. On Linux each thread has its own nice value: this
// one's yields the CPU to the main thread whenever both want the same core. (Elsewhere, or
// where the value cannot be changed, hashing keeps the process's priority.)
try {
  const threadId = Number(readlinkSync('/proc/thread-self').split('/').at(-1))
  if (threadId) setPriority(threadId, 10)
}
catch {
  // No per-thread priority here: hashing shares the CPU as before.
}

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
