// Every store of the sandbox over one SQLite file: one module per resource
// family, each owning its table (parents first, so their children can name them).
import { Addons, addonsSchema } from './addons.js';
import { Apps, appsSchema } from './apps.js';
import { Collaborators, collaboratorsSchema } from './collaborators.js';
import { Containers, containersSchema } from './containers.js';
import { type Db, openDatabase } from './database.js';
import { Deployments, deploymentsSchema } from './deployments.js';
import { Domains, domainsSchema } from './domains.js';
import { Events, eventsSchema } from './events.js';
import { Operations, operationsSchema } from './operations.js';
import { Tokens, tokensSchema } from './tokens.js';
import { Users, usersSchema } from './users.js';
import { Variables, variablesSchema } from './variables.js';

export interface Stores {
  db: Db;
  users: Users;
  tokens: Tokens;
  apps: Apps;
  collaborators: Collaborators;
  variables: Variables;
  domains: Domains;
  addons: Addons;
  deployments: Deployments;
  containers: Containers;
  operations: Operations;
  events: Events;
}

const SCHEMAS = [
  usersSchema,
  appsSchema,
  addonsSchema,
  tokensSchema,
  collaboratorsSchema,
  variablesSchema,
  domainsSchema,
  deploymentsSchema,
  containersSchema,
  operationsSchema,
  eventsSchema,
];

export function openStores(file: string): Stores {
  const db = openDatabase(file, SCHEMAS);
  return {
    db,
    users: new Users(db),
    tokens: new Tokens(db),
    apps: new Apps(db),
    collaborators: new Collaborators(db),
    variables: new Variables(db),
    domains: new Domains(db),
    addons: new Addons(db),
    deployments: new Deployments(db),
    containers: new Containers(db),
    operations: new Operations(db),
    events: new Events(db),
  };
}
