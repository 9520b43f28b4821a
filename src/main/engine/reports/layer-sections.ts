/**
 * Report sections of nested virtualization (issue 18): what each layer costs (the result's
 * `layers`) and the injected instance failures. Both are absent when the run has neither.
 */
import type { SimulationResult } from '../../../shared/domain/simulation-result'
import { instanceLabel } from '../../../shared/design/instance-label'
import type { ReportSection } from './model'

const LAYER_LABELS: Record<string, string> = {
  'host-os': 'host OS under a type-2 hypervisor (its share)',
  hypervisor: 'hypervisor (per-VM overhead and its own reserve)',
  'shared-kernel': 'shared kernel of a container host',
  'guest-kernel': 'guest kernel / node agent reserve inside VMs',
  'container-runtime': 'container runtime inside VMs',
  'nested-hypervisor': 'nested hypervisor inside VMs',
}

/** The sections, in report order (none without layers or injected failures). */
export function layerSections(r: SimulationResult, names: Map<string, string>): ReportSection[] {
  const out: ReportSection[] = []
  if (r.layers && r.layers.length > 0)
    out.push({
      id: 'layers',
      title: 'Layers of virtualization',
      blocks: [
        {
          kind: 'text',
          text: 'What each layer between the hardware and the instances costs at the initial placement, at full demand: CPU overheads compound layer by layer (each is a percentage of the layer below), memory is what the layer holds beyond its instances’ RAM, reserves count once per machine.',
        },
        {
          kind: 'table',
          table: {
            id: 'layers',
            title: 'Per-layer overhead',
            columns: [
              'layer',
              'instances served',
              { label: 'CPU overhead (MIPS)', csv: 'cpu_overhead_mips' },
              { label: 'memory (MiB)', csv: 'memory_mib' },
            ],
            rows: r.layers.map((l) => [
              LAYER_LABELS[l.layer] ?? l.layer,
              l.instances,
              Math.round(l.cpuOverheadMips * 1000) / 1000,
              l.memoryMiB,
            ]),
          },
        },
      ],
    })
  const injected = r.failures.filter((f) => f.instanceId !== undefined)
  if (injected.length > 0)
    out.push({
      id: 'instance-failures',
      title: 'Injected instance failures',
      blocks: [
        {
          kind: 'table',
          table: {
            id: 'instance-failures',
            title: 'Injected instance failures',
            columns: [
              'instance',
              'host',
              { label: 'failed at', csv: 'failed_at_s', format: 'clock' },
              { label: 'restarted at', csv: 'restarted_at_s', format: 'clock' },
            ],
            rows: injected.map((f) => [
              instanceLabel(f.instanceId ?? '', (id) => names.get(id)),
              names.get(f.hostId) ?? f.hostId,
              f.atS,
              f.instances[0]?.restartedAtS ?? '',
            ]),
          },
        },
      ],
    })
  return out
}
