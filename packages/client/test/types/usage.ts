// Compiled by types.test.ts with strict tsc: every `@ts-expect-error` line
// must be an error (wrong parameter names or types fail to compile), and every
// other line must type-check.
import { createCoreClient } from '../../src/core.js';
import { appsEventsList, appsList, appsRetrieve, appsScale, appsVariablesBulkUpdate } from '../../src/funcs.js';
import { createClient, NotFoundError, type Schema } from '../../src/index.js';

const client = createClient({ token: 'tk-us-x', region: 'osc-fr1' });

export async function usage(): Promise<void> {
  // Results are the unwrapped resources, typed from the spec.
  const app: Schema.App = await client.apps.retrieve('my-shop-prod');
  const name: string = app.name;
  const apps: Schema.App[] = await client.apps.list();

  // Bodies are rooted and typed; header parameters keep their wire names.
  await client.apps.create({ app: { name: 'my-shop-prod' }, 'X-Dry-Run': true });
  // @ts-expect-error the body root key is `app`, not `application`
  await client.apps.create({ application: { name: 'my-shop-prod' } });
  // @ts-expect-error `name` is a string
  await client.apps.create({ app: { name: 42 } });
  // @ts-expect-error the positional app name is required
  await client.apps.retrieve();
  // @ts-expect-error the positional app name is a string
  await client.apps.retrieve(123);

  // Nested resources: the innermost path parameter is positional.
  await client.apps.variables.bulkUpdate('my-shop-prod', { variables: [{ name: 'NODE_ENV', value: 'production' }] });
  // @ts-expect-error `variables` items need a value
  await client.apps.variables.bulkUpdate('my-shop-prod', { variables: [{ name: 'NODE_ENV' }] });

  // Pagination: a page, or every item with for await.
  const page = await client.apps.events.list('my-shop-prod', { page: 2, per_page: 50 });
  const next: number | null = page.pagination.next_page;
  for await (const event of client.apps.events.list('my-shop-prod')) {
    const type: Schema.EventType = event.type;
    void type;
  }
  // @ts-expect-error `per_page` is a number
  await client.apps.events.list('my-shop-prod', { per_page: 'fifty' });
  // @ts-expect-error no such query parameter
  await client.apps.events.list('my-shop-prod', { pages: 2 });

  // Asynchronous operations expose the operation.
  const scaling = await client.apps.scale('my-shop-prod', { containers: [{ name: 'web', amount: 2, size: 'L' }] });
  const formation: Schema.ContainerFormation[] = scaling.result;
  await scaling.wait();
  // @ts-expect-error `size` is one of the documented container sizes
  await client.apps.scale('my-shop-prod', { containers: [{ name: 'web', amount: 2, size: 'XXXL' }] });

  // Errors are classes with typed fields.
  try {
    await client.apps.retrieve('nope');
  } catch (error) {
    if (error instanceof NotFoundError) {
      const resource: string | undefined = error.resource;
      void resource;
    }
  }
  void [name, apps, next, formation];
}

// The standalone functions take the core client first, then the method's arguments, typed the same.
const core = createCoreClient({ token: 'tk-us-x' });

export async function standalone(): Promise<void> {
  const apps: Schema.App[] = await appsList(core);
  const app: Schema.App = await appsRetrieve(core, 'my-shop-prod');
  await appsVariablesBulkUpdate(core, 'my-shop-prod', { variables: [{ name: 'NODE_ENV', value: 'production' }] });
  for await (const event of appsEventsList(core, 'my-shop-prod', { per_page: 50 })) void event.type;
  const scaling = await appsScale(core, 'my-shop-prod', { containers: [{ name: 'web', amount: 2, size: 'L' }] });
  const formation: Schema.ContainerFormation[] = scaling.result;
  // @ts-expect-error the core client comes first
  await appsRetrieve('my-shop-prod');
  // @ts-expect-error the positional app name is a string
  await appsRetrieve(core, 123);
  // @ts-expect-error `variables` items need a value
  await appsVariablesBulkUpdate(core, 'my-shop-prod', { variables: [{ name: 'NODE_ENV' }] });
  // @ts-expect-error a resource client is not needed, but a core client is: not a plain object
  await appsList({});
  void [apps, app, formation];
}
