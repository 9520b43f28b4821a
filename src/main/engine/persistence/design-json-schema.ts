/**
 * The JSON Schema of `.strata.json` files, generated from the zod design schema
 * (`designSchema`, zod 4's `z.toJSONSchema`, draft 2020-12, input shape: fields with defaults
 * may be left out). Published as `resources/schema/strata-design.schema.json` (`npm run
 * schema` writes it; a test keeps it equal to this) so editors validate and complete design
 * files. Rules across elements (dangling references, duplicate ids) are beyond JSON Schema:
 * `strata validate` checks those.
 */
import { z } from 'zod'
import { designSchema } from '../../../shared/design/schema'
import { DESIGN_SCHEMA_ID, LAST_RUN_KEY } from './file-format'

/** The design file's JSON Schema as a plain object. */
export function designJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(designSchema, { io: 'input', target: 'draft-2020-12' })
  const { $schema, properties, ...rest } = generated as Record<string, unknown>
  return {
    $schema,
    $id: DESIGN_SCHEMA_ID,
    title: 'Strata design file (.strata.json)',
    description:
      'A multi-tenant datacenter design for Strata: topology, virtualization, tenants, workloads, traces and simulation settings.',
    ...rest,
    properties: {
      ...(properties as Record<string, unknown>),
      [LAST_RUN_KEY]: {
        type: 'object',
        description:
          "The last run's results and the fingerprint of the design they belong to; derived data, dropped when stale.",
      },
    },
  }
}
