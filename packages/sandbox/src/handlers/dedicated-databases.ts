// Databases as dedicated resources of a project (`/databases`): PostgreSQL
// (`postgresql-ng`) only, on a plan of that provider in the catalogue, in one
// of the caller's projects (the default one unless named); found by ID or by
// name. Each has its own network: its endpoints, and the peerings accepted
// from the caller's networks (a private endpoint once one exists).
import { randomBytes } from 'node:crypto';
import type { DatabasesHandlers } from '@scalingo-openapi/server';
import { addonProviders } from '../catalogues.js';
import type { DedicatedDatabaseDoc, NetPeeringDoc } from '../store/dedicated-databases.js';
import { id, isoDate, objectId } from '../store/values.js';
import { type Context, invalid, notFound, type Principal, transaction } from './context.js';
import { familyHandlers, type Parent, refuse } from './family.js';
import { projectFor } from './projects.js';

const TECHNOLOGY = 'postgresql-ng';
const REGION = 'osc-fr1';
const PEERING_ID = /^pcx-[0-9a-f]{8}$/;

const present = ({ created_at: _created, ...database }: DedicatedDatabaseDoc) => database;
const host = (database: DedicatedDatabaseDoc) => `${database.name}.postgresql.c.${REGION}.scalingo-dbs.com`;

export function dedicatedDatabaseHandlers(ctx: Context): DatabasesHandlers<Principal> {
  const find = (auth: Principal, database: string) =>
    ctx.dedicatedDatabases.visible(auth.user.id).find((d) => d.id === database || d.name === database);
  /** The database of the path, as the parent of its peerings. */
  const parent = (
    _ctx: Context,
    request: { auth: Principal; params: Record<string, string> },
  ): Parent | ReturnType<typeof refuse> => {
    const database = find(request.auth, request.params.database ?? '');
    return database ? { id: database.id, user: request.auth.user } : refuse(notFound('database'));
  };
  const peerings = familyHandlers<NetPeeringDoc>(ctx, {
    resource: 'net_peering',
    plural: 'net_peerings',
    idParam: 'net_peering_id',
    store: ctx.netPeerings,
    parent,
    create(_input, { id: databaseId }, request) {
      // The body is flat (`{"outscale_net_peering_id": …}`), as the Go client sends it.
      const peeringId = String(request.body?.outscale_net_peering_id ?? '');
      if (!PEERING_ID.test(peeringId))
        return refuse(invalid('outscale_net_peering_id', 'is not a net peering ID (pcx-…)'));
      if (ctx.netPeerings.list(databaseId).some((p) => p.outscale_net_peering_id === peeringId))
        return refuse(invalid('outscale_net_peering_id', 'has already been accepted'));
      const now = isoDate();
      return {
        id: id('np'),
        database_id: databaseId,
        status: 'active',
        outscale_net_peering_id: peeringId,
        outscale_source_net_id: `vpc-${randomBytes(4).toString('hex')}`,
        outscale_source_net_ip_range: '172.20.0.0/16',
        outscale_source_account_id: String(100_000_000_000 + Number.parseInt(randomBytes(4).toString('hex'), 16)),
        created_at: now,
        updated_at: now,
      };
    },
  });
  const withDatabase = <T>(auth: Principal, name: string, then: (database: DedicatedDatabaseDoc) => T) => {
    const database = find(auth, name);
    return database ? then(database) : notFound('database');
  };
  return {
    list({ auth }) {
      return { status: 200, body: { databases: ctx.dedicatedDatabases.visible(auth.user.id).map(present) } };
    },
    retrieve: ({ auth, params }) =>
      withDatabase(auth, params.database, (database) => ({
        status: 200 as const,
        body: { database: present(database) },
      })),
    create({ auth, body }) {
      const plans = addonProviders().find((p) => p.id === TECHNOLOGY)?.plans ?? [];
      // Rooted with the plan's name (the reference), or flat with the provider and plan IDs (the Go client).
      let input: { name: string; plan: string; project_id?: string };
      if ('database' in body) input = body.database;
      else {
        if (body.addon_provider_id !== TECHNOLOGY) return invalid('addon_provider_id', `must be ${TECHNOLOGY}`);
        const plan = plans.find((p) => p.id === body.plan_id);
        if (!plan) return invalid('plan_id', `is not a plan of ${TECHNOLOGY}`);
        input = { name: body.name, plan: plan.name, project_id: body.project_id };
      }
      if (!plans.some((p) => p.name === input.plan)) return invalid('plan', `is not a plan of ${TECHNOLOGY}`);
      if (ctx.dedicatedDatabases.nameTaken(input.name) || ctx.apps.nameTaken(input.name))
        return invalid('name', 'is already taken');
      return transaction(ctx, () => {
        const project = projectFor(ctx, auth.user, input.project_id);
        if ('status' in project) return project;
        const database: DedicatedDatabaseDoc = {
          id: objectId(),
          name: input.name,
          project_id: project.id,
          technology: TECHNOLOGY,
          plan: input.plan,
          created_at: isoDate(),
        };
        ctx.dedicatedDatabases.put(project.id, database);
        return { status: 201 as const, body: { database: present(database) } };
      });
    },
    endpoints: {
      list: ({ auth, params }) =>
        withDatabase(auth, params.database, (database) => {
          const endpoint = (type: string, hostname: string, port: number) => ({
            id: `de-${database.id}-${type}`,
            database_id: database.id,
            hostname,
            port,
            type,
          });
          const peered = ctx.netPeerings.list(database.id).some((p) => p.status === 'active');
          return {
            status: 200 as const,
            body: {
              endpoints: [
                endpoint('public-rw', host(database), 30_000 + (Number.parseInt(database.id.slice(-4), 16) % 10_000)),
                ...(peered
                  ? [endpoint('private-peering-rw', `${database.name}.private.${REGION}.scalingo-dbs.com`, 5432)]
                  : []),
              ],
            },
          };
        }),
    },
    networkConfiguration: {
      retrieve: ({ auth, params }) =>
        withDatabase(auth, params.database, (database) => ({
          status: 200 as const,
          body: {
            network_configuration: {
              outscale_account_id: '318204715623',
              outscale_net_id: `vpc-${database.id.slice(-8)}`,
              ip_range: '10.42.0.0/16',
            },
          },
        })),
    },
    netPeerings: peerings as never,
  };
}
