/**
 * A node pool of a `strata generate` design (review s7u #2: at 40, 200 and 2,000 hosts the
 * default pools refused 26, 39 and 17 pods, because their VMs were too small for their pods
 * once the node's guest reserve was taken). The node VMs are sized with the scheduler's own
 * rules (`outerRoom`: the Kubernetes node reserve; `innerDemand`: a pod's cost inside the VM),
 * so the scheduler finds room for every pod:
 *
 * - pods shrink to at most `MAX_POD` (2 vCPUs, 4 GiB, 20 GiB of disk), and to a quarter of
 *   the node VM's reserved bandwidth and IOPS;
 * - a node VM grows (vCPUs one at a time, memory in whole GiB) until its share of the pods
 *   (⌈pods ÷ nodes⌉, at most `PODS_PER_NODE`) fits in what its reserve leaves, with disk and
 *   bandwidth for as many;
 * - when the pods still outnumber the room of the nodes (pods per node × nodes), instances move
 *   from pods to nodes, so the pool keeps its number of instances (the design keeps
 *   `--instances`) and every pod has room: nodes = ⌈(nodes + pods) ÷ (per node + 1)⌉. Pods
 *   that must sit on distinct nodes (anti-affinity) count 1 per node.
 */
import type { Design } from '../../../shared/design/schema'
import { innerDemand, innerLayerCosts, outerRoom } from '../../engine'

type Workload = Design['workloads'][number]

/** The most pods a node VM is grown to hold. */
export const PODS_PER_NODE = 4

/** The largest pod of a generated node pool. */
export const MAX_POD = { vcpus: 2, memoryMiB: 4096, diskGiB: 20 } as const

const DOCKER = { kind: 'os', product: 'docker' } as const

/**
 * How many pods of `pod` one VM of `node` holds, by each of the scheduler's checks inside a
 * node (vCPU and memory after the reserve, local disk, NIC bandwidth, one pod per node when the
 * pods are anti-affine).
 */
export function podsPerNode(node: Workload, pod: Workload): number {
  const layer = node.innerLayer ?? DOCKER
  const room = outerRoom(node, layer)
  const demand = innerDemand(pod, layer)
  const nicMbps = node.reservedBandwidthMbps * innerLayerCosts(layer).ioThroughputFactor
  const limits = [
    Math.floor(room.vcpuMilli / demand.vcpuMilli),
    Math.floor(room.memoryMiB / demand.memoryMiB),
    pod.diskGiB > 0 ? Math.floor(node.diskGiB / pod.diskGiB) : Infinity,
    pod.reservedBandwidthMbps > 0 ? Math.floor(nicMbps / pod.reservedBandwidthMbps) : Infinity,
  ]
  if (pod.affinity.policy === 'anti-affinity') limits.push(1)
  return Math.min(...limits)
}

/** Makes `node` (a Linux VM group) run `pod` (a Linux container group) as a node pool, in place. */
export function makeNodePool(node: Workload, pod: Workload): void {
  node.innerLayer = { ...DOCKER }
  pod.vcpus = Math.min(pod.vcpus, MAX_POD.vcpus)
  pod.memoryMiB = Math.min(pod.memoryMiB, MAX_POD.memoryMiB)
  pod.diskGiB = Math.min(pod.diskGiB, MAX_POD.diskGiB)
  pod.reservedBandwidthMbps = Math.min(pod.reservedBandwidthMbps, node.reservedBandwidthMbps / 4)
  pod.iops = Math.min(pod.iops, node.iops / 4)
  const layer = node.innerLayer
  const demand = innerDemand(pod, layer)
  // room for the pods each node must hold, up to PODS_PER_NODE (the rest: more nodes, below)
  const target = Math.min(PODS_PER_NODE, Math.ceil(pod.count / node.count))
  while (outerRoom(node, layer).vcpuMilli < target * demand.vcpuMilli) node.vcpus++
  node.memoryMiB = Math.ceil(node.memoryMiB / 1024) * 1024
  while (outerRoom(node, layer).memoryMiB < target * demand.memoryMiB) node.memoryMiB += 1024
  node.diskGiB = Math.max(node.diskGiB, target * pod.diskGiB)
  const nicFactor = innerLayerCosts(layer).ioThroughputFactor
  node.reservedBandwidthMbps = Math.max(
    node.reservedBandwidthMbps,
    Math.ceil((target * pod.reservedBandwidthMbps) / nicFactor),
  )
  pod.nesting = { runsIn: node.id, affinityScope: 'outer' }
  const perNode = podsPerNode(node, pod)
  if (pod.count <= perNode * node.count) return
  const total = node.count + pod.count
  node.count = Math.ceil(total / (perNode + 1))
  pod.count = total - node.count
}
