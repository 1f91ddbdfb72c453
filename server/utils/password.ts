import { Worker } from 'node:worker_threads'
import { availableParallelism } from 'node:os'
import { bundledPath } from './bundled-path'

type Job = { resolve: (value: unknown) => void, reject: (error: Error) => void }

/** A small pool of worker threads running bcryptjs; requests are spread round-robin. */
class PasswordPool {
  private workers: Worker[] = []
  private jobs = new Map<number, Job>()
  private nextId = 0
  private nextWorker = 0

  private worker(): Worker {
    if (this.workers.length === 0) {
      const file = bundledPath('workers/password.mjs', 'server/workers/password.mjs')
      const size = Math.max(1, Math.min(2, availableParallelism() - 1))
      for (let i = 0; i < size; i++) {
        const w = new Worker(file)
        w.unref()
        w.on('message', ({ id, result, error }) => {
          const job = this.jobs.get(id)
          this.jobs.delete(id)
          if (error) job?.reject(new Error(error))
          else job?.resolve(result)
        })
        w.on('error', (error: Error) => {
          for (const job of this.jobs.values()) job.reject(error)
          this.jobs.clear()
          this.workers = []
        })
        this.workers.push(w)
      }
    }
    return this.workers[this.nextWorker++ % this.workers.length]!
  }

  run<T>(message: Record<string, unknown>): Promise<T> {
    const id = this.nextId++
    return new Promise<T>((resolve, reject) => {
      this.jobs.set(id, { resolve: resolve as (v: unknown) => void, reject })
      this.worker().postMessage({ id, ...message })
    })
  }
}

const pool = new PasswordPool()

export function hashPassword(password: string, cost = 10): Promise<string> {
  return pool.run<string>({ op: 'hash', password, cost })
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return pool.run<boolean>({ op: 'compare', password, hash })
}

/**
 * A real hash of a random password: comparing against it when the account does not exist
 * takes as long as a real check, so response time does not reveal which logins exist.
 */
export const DUMMY_PASSWORD_HASH = '$2b$10$1iAzjOTmtoeHGw6iUGffDuqQmhKvfXCaSKVivnrhOlzwZehCJdpcu'
