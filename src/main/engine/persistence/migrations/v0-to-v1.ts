/**
 * v0 -> v1.
 *
 * v0 is a PRE-RELEASE format defined for Strata's early prototype (it was never written by a
 * released build; it is documented here so that prototype files still open and so that the
 * migration machinery is exercised by a real step). A v0 document has `schemaVersion: 0` or
 * no `schemaVersion` at all, and differs from v1 in exactly these ways:
 * - `name` and `description` sit at the root instead of in `meta`;
 * - a host has `cores` (all cores, one socket) instead of `sockets` x `coresPerSocket`,
 *   `memoryGiB` instead of `memoryMiB`, and `hypervisor` (a product name such as `kvm`)
 *   and an optional `hostOs` instead of the `virtualization` object (whose kind follows
 *   from the product);
 * - a workload has `instances` instead of `count`.
 * Everything else is as in v1.
 */
import { VIRTUALIZATION_PRODUCTS } from '../../../../shared/design/enums'
import type { Problem } from '../../../../shared/domain/problem'
import { isRecord, type Migration, type RawDocument } from './types'

const isWhole = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0

function err(problems: Problem[], path: string, message: string): void {
  problems.push({ severity: 'error', path, message })
}

function migrateHost(host: RawDocument, path: string, problems: Problem[]): RawDocument {
  const out: RawDocument = { ...host }
  if ('cores' in host) {
    delete out.cores
    if (isWhole(host.cores)) {
      out.sockets = 1
      out.coresPerSocket = host.cores
    } else err(problems, `${path}.cores`, 'must be a whole number of cores (v0 file)')
  }
  if ('memoryGiB' in host) {
    delete out.memoryGiB
    if (typeof host.memoryGiB === 'number' && Number.isFinite(host.memoryGiB))
      out.memoryMiB = host.memoryGiB * 1024
    else err(problems, `${path}.memoryGiB`, 'must be a number of GiB (v0 file)')
  }
  if ('hypervisor' in host) {
    delete out.hypervisor
    const product = host.hypervisor
    if (typeof product === 'string' && Object.hasOwn(VIRTUALIZATION_PRODUCTS, product)) {
      const kind = VIRTUALIZATION_PRODUCTS[product as keyof typeof VIRTUALIZATION_PRODUCTS]
      out.virtualization =
        'hostOs' in host ? { kind, product, hostOs: host.hostOs } : { kind, product }
      delete out.hostOs
    } else
      err(
        problems,
        `${path}.hypervisor`,
        `unknown hypervisor ${JSON.stringify(product)?.slice(0, 60)} (v0 file); expected one of ${Object.keys(VIRTUALIZATION_PRODUCTS).join(', ')}`,
      )
  }
  return out
}

export const v0ToV1: Migration = {
  from: 0,
  to: 1,
  description: 'prototype (v0) layout to schema version 1',
  migrate(document, problems) {
    const out: RawDocument = { ...document, schemaVersion: 1 }
    if (!isRecord(document.meta)) {
      const meta: RawDocument = {}
      if ('name' in document) meta.name = document.name
      if ('description' in document) meta.description = document.description
      delete out.name
      delete out.description
      out.meta = meta
    }
    if (Array.isArray(document.hosts))
      out.hosts = document.hosts.map((h, i) =>
        isRecord(h) ? migrateHost(h, `hosts[${i}]`, problems) : h,
      )
    if (Array.isArray(document.workloads))
      out.workloads = document.workloads.map((w) => {
        if (!isRecord(w) || !('instances' in w)) return w
        const { instances, ...rest } = w
        return { ...rest, count: instances }
      })
    return out
  },
}
