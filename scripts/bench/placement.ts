/** Placement throughput at 10,000 hosts x 100,000 instances, 50 tenants (issue 3's target: >= 50,000/s). */
import { benchPlacement } from '../../src/main/cli/commands/bench'

export async function run(): Promise<void> {
  for (const policy of ['spread', 'pack', 'power'] as const) {
    const f = benchPlacement({ hosts: 10_000, instances: 100_000, tenants: 50, seed: 0, policy })
    console.log(JSON.stringify(f))
  }
}
