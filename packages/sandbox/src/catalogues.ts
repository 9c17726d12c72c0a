// The catalogues the sandbox offers are fixed data: the spec's own example
// answers of their lists (`GET /addon_providers`, `GET /features/stacks`), so
// that what the sandbox provisions agrees with what it lists and with every
// example that names their entries (checked by test/catalogues.test.ts).
import { examples } from '@scalingo-openapi/server';
import type { Plan } from './store/addons.js';

export interface Provider {
  id: string;
  name: string;
  logo_url: string;
  plans: Plan[];
}

function listed<T>(operationId: string, root: string): T[] {
  const body = examples[operationId]?.['200']?.body as Record<string, T[]> | undefined;
  return body?.[root] ?? [];
}

export const addonProviders = () => listed<Provider>('addonProviders.list', 'addon_providers');

/** The stack new applications run on. */
export function defaultStack(): string {
  const stack = listed<{ id: string; default: boolean }>('features.stacks.list', 'stacks').find((s) => s.default);
  if (!stack) throw new Error('the spec documents no default stack');
  return stack.id;
}
