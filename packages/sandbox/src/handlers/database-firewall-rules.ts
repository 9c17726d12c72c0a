// Firewall rules of a database: a CIDR of the caller's own (an IPv4 range,
// which must be its network address) or a range the platform maintains (one of
// `GET /api/firewall/managed_ranges`, the spec's example of it); each range
// allowed once.
import { examples } from '@scalingo-openapi/server';
import type { FirewallRuleDoc } from '../store/database-firewall-rules.js';
import { id } from '../store/values.js';
import { type Context, invalid, notFound, transaction } from './context.js';
import { type DatabaseRequest, withDatabase } from './databases.js';

/** The ranges the platform maintains. */
export function managedRanges(): Array<{ id: string; name: string }> {
  const body = examples['db.firewall.managedRanges.list']?.['200']?.body as {
    ranges?: Array<{ id: string; name: string }>;
  };
  return body?.ranges ?? [];
}

/** Why `cidr` is not an IPv4 network in CIDR notation, if it is not. */
function cidrProblem(cidr: string): string | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
  if (!match) return 'must be an IPv4 range in CIDR notation (203.0.113.0/24)';
  const [octets, bits] = [match.slice(1, 5).map(Number), Number(match[5])];
  if (octets.some((o) => o > 255) || bits > 32) return 'must be an IPv4 range in CIDR notation (203.0.113.0/24)';
  const address = octets.reduce((n, o) => n * 256 + o, 0);
  const host = bits === 32 ? 0 : address % 2 ** (32 - bits);
  return host === 0 ? undefined : 'must be the network address of the range';
}

export function databaseFirewallRuleHandlers(ctx: Context) {
  const store = ctx.databaseFirewallRules;
  return {
    list: (request: DatabaseRequest) =>
      withDatabase(ctx, request, ({ addon }) => ({ status: 200, body: { rules: store.list(addon.id) } })),
    create: (request: DatabaseRequest) =>
      withDatabase(ctx, request, ({ addon }) => {
        // The body is flat, as the Go client sends it.
        const input = (request.body ?? {}) as Partial<FirewallRuleDoc>;
        const rules = store.list(addon.id);
        let rule: FirewallRuleDoc;
        if (input.type === 'managed_range') {
          const range = managedRanges().find((r) => r.id === input.range_id);
          if (!range) return invalid('range_id', 'is not a managed range');
          if (rules.some((r) => r.range_id === range.id)) return invalid('range_id', 'has already been taken');
          rule = {
            id: id('fw'),
            type: 'managed_range',
            cidr: '',
            label: '',
            range_id: range.id,
            database_id: addon.id,
          };
        } else {
          const cidr = String(input.cidr ?? '');
          const problem = cidrProblem(cidr);
          if (problem) return invalid('cidr', problem);
          if (rules.some((r) => r.cidr === cidr)) return invalid('cidr', 'has already been taken');
          rule = {
            id: id('fw'),
            type: 'custom_range',
            cidr,
            label: input.label ?? '',
            range_id: '',
            database_id: addon.id,
          };
        }
        transaction(ctx, () => store.put(addon.id, rule));
        return { status: 201, body: { rule } };
      }),
    delete: (request: DatabaseRequest) =>
      withDatabase(ctx, request, ({ addon }) => {
        const deleted = transaction(ctx, () => store.delete(addon.id, request.params.firewall_rule_id ?? ''));
        return deleted ? { status: 204 } : notFound('firewall_rule');
      }),
  };
}
