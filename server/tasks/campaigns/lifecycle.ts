import { setImmediate as nextTurn } from 'node:timers/promises'
import { runCampaignLifecycle } from '../../domain/lifecycle'

export default defineTask({
  meta: {
    name: 'campaigns:lifecycle',
    description: 'Starts and completes campaigns by their dates and expires the open requests of ended ones',
  },
  async run() {
    const run = await runJob('campaigns:lifecycle', async now => ({ ...await runCampaignLifecycle(useDb(), now, undefined, () => nextTurn()) }))
    return { result: run }
  },
})
