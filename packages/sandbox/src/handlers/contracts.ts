// The platform's contracts and what the caller answered. The catalogue is
// the spec's own examples of contract versions (like the addon catalogue);
// acceptances are stored per user, so one user's answers never show for another.
import { examples, type Handlers } from '@scalingo-openapi/server';
import type { AcceptanceDoc } from '../store/contracts.js';
import { isoDate } from '../store/values.js';
import { type Context, invalid, notFound, type Principal, transaction } from './context.js';

type Contract = { id: string; depends_on_id?: string | null; latest?: boolean; [field: string]: unknown };

/** Every contract version the spec's examples show, without any account's answer. */
export function contractCatalogue(): Contract[] {
  const listed = (examples['contracts.list']?.['200']?.body as { contracts?: Contract[] } | undefined)?.contracts;
  const one = (examples['contracts.retrieve']?.['200']?.body as { contract?: Contract } | undefined)?.contract;
  const byId = new Map<string, Contract>();
  for (const { accepted: _accepted, refused: _refused, ...contract } of [...(listed ?? []), ...(one ? [one] : [])])
    byId.set(contract.id, contract as Contract);
  return [...byId.values()];
}

export function contractHandlers(ctx: Context): NonNullable<Handlers<Principal>['contracts']> {
  const acceptanceId = (contractId: string, userId: string) => `${contractId}@${userId}`;
  const acceptance = (userId: string, contractId: string) =>
    ctx.contractAcceptances.get(userId, acceptanceId(contractId, userId));
  const present = (contract: Contract, userId: string) => {
    const answer = acceptance(userId, contract.id);
    // The catalogue comes from the spec's examples, so it has the schema's shape.
    return { ...contract, accepted: answer ? { on: answer.on, locale: answer.locale } : null } as never;
  };
  const find = (contractId: string) => contractCatalogue().find((c) => c.id === contractId);
  return {
    list({ auth }) {
      const current = contractCatalogue().filter((c) => c.latest !== false);
      return { status: 200, body: { contracts: current.map((c) => present(c, auth.user.id)) } };
    },
    history({ auth }) {
      const answered = contractCatalogue().filter((c) => acceptance(auth.user.id, c.id));
      return { status: 200, body: { contracts: answered.map((c) => present(c, auth.user.id)) } };
    },
    retrieve({ auth, params }) {
      const contract = find(params.contract_id);
      return contract ? { status: 200, body: { contract: present(contract, auth.user.id) } } : notFound('contract');
    },
    accept({ auth, params, body }) {
      const contract = find(params.contract_id);
      if (!contract) return notFound('contract');
      if (contract.depends_on_id && !acceptance(auth.user.id, contract.depends_on_id))
        return invalid('contract', `requires ${contract.depends_on_id} to be accepted first`);
      if (!acceptance(auth.user.id, contract.id)) {
        const doc: AcceptanceDoc = {
          id: acceptanceId(contract.id, auth.user.id),
          contract_id: contract.id,
          on: isoDate(),
          locale: body.locale,
        };
        transaction(ctx, () => ctx.contractAcceptances.put(auth.user.id, doc));
      }
      return { status: 200, body: { contract: present(contract, auth.user.id) } };
    },
  };
}
