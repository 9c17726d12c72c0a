// The catalogues (addon providers and plans, stacks, container sizes,
// regions, event types and categories, notification platforms) are fixed data:
// the sandbox serves the spec's own examples of them. Every other example of
// the spec that names one of their entries must name one that exists, with the
// same name for the same ID; and what the sandbox creates uses their entries.
import { createSandbox, type Sandbox } from '@scalingo-openapi/sandbox';
import { exampleCases } from '@scalingo-openapi/test-support/examples';
import { deref, type Json, loadSpec } from '@scalingo-openapi/test-support/spec';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

let spec: Json;
let sandbox: Sandbox;

/** The example answer of a catalogue's list: what the sandbox serves. */
function catalogue(path: string, root: string): Json[] {
  const content = deref(spec, spec.paths[path].get.responses['200']).content['application/json'];
  const examples = Object.values<Json>(content.examples ?? {}).map((e) => deref(spec, e).value);
  return examples.flatMap((value) => value[root]);
}

interface Reference {
  where: string;
  kind: 'provider' | 'plan' | 'stack' | 'size' | 'region' | 'eventType' | 'eventCategory' | 'addonCategory';
  id?: string;
  name?: string;
  /** The provider the plan is named with, when the same object names both. */
  provider?: string;
}

/** Every catalogue entry an example names, by the fields the spec uses for them. */
function referencesIn(where: string, value: Json, found: Reference[] = []): Reference[] {
  if (Array.isArray(value)) {
    for (const item of value) referencesIn(where, item, found);
    return found;
  }
  if (!value || typeof value !== 'object') return found;
  const provider = value.addon_provider?.id ?? value.addon_provider_id;
  const add = (kind: Reference['kind'], id?: unknown, name?: unknown) => {
    if (typeof id === 'string' || typeof name === 'string')
      found.push({
        where,
        kind,
        ...(typeof id === 'string' ? { id } : {}),
        ...(typeof name === 'string' ? { name } : {}),
        ...(kind === 'plan' && typeof provider === 'string' ? { provider } : {}),
      });
  };
  // An event's `type_data` names the provider by an internal ID next to its name, not by its catalogue ID.
  if (!('addon_provider_name' in value))
    add('provider', value.addon_provider?.id ?? value.addon_provider_id, value.addon_provider?.name);
  add('plan', value.plan?.id ?? value.plan_id, value.plan?.name);
  add('stack', value.stack_id);
  add('stack', value.previous_stack_id, value.previous_stack_name);
  add('stack', value.current_stack_id, value.current_stack_name);
  for (const key of ['size', 'container_size']) {
    const size = value[key];
    if (typeof size === 'object' && size) add('size', size.id, size.name);
  }
  if (typeof value.size === 'string' && /^[0-9]?X*[SML]$/.test(value.size)) add('size', undefined, value.size);
  if (typeof value.region === 'string') add('region', undefined, value.region);
  for (const key of ['available_event_ids', 'selected_event_ids'])
    for (const eventId of value[key] ?? []) add('eventType', eventId);
  for (const item of Object.values<Json>(value)) if (typeof item === 'object') referencesIn(where, item, found);
  return found;
}

beforeAll(async () => {
  spec = await loadSpec();
  sandbox = await createSandbox({ user: { username: 'cata', paymentMethod: true } });
});
afterAll(() => sandbox?.close());

describe('catalogues', () => {
  test('every example that names a catalogue entry names one of the catalogue, under its own name', () => {
    const providers = catalogue('/addon_providers', 'addon_providers');
    const plans = providers.flatMap((p) => p.plans.map((plan: Json) => ({ ...plan, provider: p.id })));
    const entries: Record<Reference['kind'], Array<{ id?: string; name?: string; provider?: string }>> = {
      provider: providers,
      plan: [...plans, ...catalogue('/addon_providers/{addon_provider_id}/plans', 'plans')],
      stack: catalogue('/features/stacks', 'stacks'),
      size: catalogue('/features/container_sizes', 'container_sizes'),
      region: catalogue('/regions', 'regions'),
      eventType: catalogue('/event_types', 'event_types'),
      eventCategory: catalogue('/event_categories', 'event_categories'),
      addonCategory: catalogue('/addon_categories', 'addon_categories'),
    };
    const references = exampleCases(spec)
      // What an addon provider's own API sends names its own addon and plans, not the platform's catalogue.
      .filter((c) => !/~1provider~1|ProviderApp/.test(c.where))
      .flatMap((c) => referencesIn(c.where, c.value));
    // The catalogues refer to each other too.
    for (const p of providers) references.push({ where: `provider ${p.id}`, kind: 'addonCategory', ...p.category });
    for (const t of entries.eventType)
      references.push({ where: `event type ${t.name}`, kind: 'eventCategory', id: (t as Json).category_id });

    const problems = references.flatMap((ref) => {
      const entry = entries[ref.kind].find((e) => (ref.id ? e.id === ref.id : e.name === ref.name));
      if (!entry) return [`${ref.where}: ${ref.kind} ${ref.id ?? ref.name} is not in the catalogue`];
      if (ref.name && entry.name !== ref.name) return [`${ref.where}: ${ref.kind} ${ref.id} is named ${entry.name}`];
      if (
        ref.provider &&
        plans.some((p) => p.id === entry.id) &&
        !plans.some((p) => p.id === entry.id && p.provider === ref.provider)
      )
        return [`${ref.where}: plan ${entry.name} is not a plan of ${ref.provider}`];
      return [];
    });
    expect(problems).toEqual([]);
    expect(references.length).toBeGreaterThan(40);
  });

  test('the database plans the dedicated databases and the database API name are plans of the catalogue', () => {
    const providers = catalogue('/addon_providers', 'addon_providers');
    const namesOf = (provider: string) =>
      providers.find((p) => p.id === provider)?.plans.map((plan: Json) => plan.name) ?? [];
    const planNames = providers.flatMap((p) => p.plans.map((plan: Json) => plan.name));
    const cases = exampleCases(spec);
    const dedicated = cases.filter(
      (c) => c.schemaPointer.endsWith('/DedicatedDatabase') || c.where.includes('~1databases'),
    );
    const named = (value: Json): string[] =>
      Array.isArray(value)
        ? value.flatMap(named)
        : value && typeof value === 'object'
          ? [...(typeof value.plan === 'string' ? [value.plan] : []), ...Object.values(value).flatMap(named)]
          : [];
    for (const c of dedicated.filter((c) => !c.where.includes('~1api~1')))
      for (const plan of named(c.value)) expect(namesOf('postgresql-ng'), c.where).toContain(plan);
    for (const c of cases.filter((c) => c.where.includes('~1api~1databases') || c.schemaPointer.endsWith('/Database')))
      for (const plan of named(c.value)) expect(planNames, c.where).toContain(plan);
  });

  test('the sandbox serves the catalogues and builds on their entries', async () => {
    const get = async (url: string) => (await sandbox.app.inject({ method: 'GET', url })).json();
    expect((await get('/v1/addon_providers')).addon_providers).toEqual(
      catalogue('/addon_providers', 'addon_providers'),
    );
    const stacks = catalogue('/features/stacks', 'stacks');
    const created = await sandbox.app.inject({
      method: 'POST',
      url: '/v1/apps',
      headers: { authorization: `Basic ${btoa(`:${sandbox.token}`)}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ app: { name: 'cata-stack' } }),
    });
    expect(created.statusCode).toBe(201);
    // A new application runs on the catalogue's default stack.
    expect(created.json().app.stack_id).toBe(stacks.find((s: Json) => s.default).id);
  });
});
