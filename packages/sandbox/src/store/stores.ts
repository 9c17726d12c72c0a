// Every store of the sandbox over one SQLite file: one module per resource
// family, each owning its table (parents first, so their children can name them).
import { AccountDeletions, accountDeletionsSchema } from './account-deletions.js';
import { Addons, addonsSchema } from './addons.js';
import { Alerts, alertsSchema } from './alerts.js';
import { Apps, appsSchema } from './apps.js';
import { Autoscalers, autoscalersSchema } from './autoscalers.js';
import { BillingProfiles, billingProfilesSchema } from './billing-profiles.js';
import { Collaborators, collaboratorsSchema } from './collaborators.js';
import { Containers, containersSchema } from './containers.js';
import { ContractAcceptances, contractAcceptancesSchema } from './contracts.js';
import { DataAccessConsents, dataAccessConsentsSchema } from './data-access-consents.js';
import { type Db, openDatabase } from './database.js';
import { DatabaseBackups, databaseBackupsSchema } from './database-backups.js';
import { DatabaseFirewallRules, databaseFirewallRulesSchema } from './database-firewall-rules.js';
import { DatabaseMaintenance, databaseMaintenanceSchema } from './database-maintenance.js';
import { DatabaseUsers, databaseUsersSchema } from './database-users.js';
import { Databases, databasesSchema } from './databases.js';
import { DedicatedDatabases, dedicatedDatabasesSchema, NetPeerings, netPeeringsSchema } from './dedicated-databases.js';
import { Deployments, deploymentsSchema } from './deployments.js';
import { Domains, domainsSchema } from './domains.js';
import { Events, eventsSchema } from './events.js';
import { HdsContacts, hdsContactsSchema } from './hds-contacts.js';
import { Keys, keysSchema } from './keys.js';
import { LogDrains, logDrainsSchema } from './log-drains.js';
import { Notifiers, notifiersSchema } from './notifiers.js';
import { Operations, operationsSchema } from './operations.js';
import { Projects, projectsSchema } from './projects.js';
import { ReviewApps, reviewAppsSchema } from './review-apps.js';
import { ScmIntegrations, scmIntegrationsSchema } from './scm-integrations.js';
import { ScmRepoLinks, scmRepoLinksSchema } from './scm-repo-links.js';
import { Sources, sourcesSchema } from './sources.js';
import { Tokens, tokensSchema } from './tokens.js';
import { TransferInvitations, transferInvitationsSchema } from './transfer-invitations.js';
import { TwoFactors, twoFactorSchema } from './two-factor.js';
import { Users, usersSchema } from './users.js';
import type { Clock } from './values.js';
import { Variables, variablesSchema } from './variables.js';

export interface Stores {
  db: Db;
  /** The clock every lifecycle reads. */
  now: Clock;
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
  keys: Keys;
  logDrains: LogDrains;
  addonLogDrains: LogDrains;
  notifiers: Notifiers;
  alerts: Alerts;
  autoscalers: Autoscalers;
  scmIntegrations: ScmIntegrations;
  projects: Projects;
  sources: Sources;
  transferInvitations: TransferInvitations;
  dedicatedDatabases: DedicatedDatabases;
  netPeerings: NetPeerings;
  scmRepoLinks: ScmRepoLinks;
  reviewApps: ReviewApps;
  databases: Databases;
  databaseUsers: DatabaseUsers;
  databaseBackups: DatabaseBackups;
  databaseMaintenance: DatabaseMaintenance;
  accountDeletions: AccountDeletions;
  billingProfiles: BillingProfiles;
  contractAcceptances: ContractAcceptances;
  dataAccessConsents: DataAccessConsents;
  hdsContacts: HdsContacts;
  twoFactors: TwoFactors;
  databaseFirewallRules: DatabaseFirewallRules;
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
  keysSchema,
  logDrainsSchema,
  notifiersSchema,
  alertsSchema,
  autoscalersSchema,
  scmIntegrationsSchema,
  projectsSchema,
  sourcesSchema,
  transferInvitationsSchema,
  dedicatedDatabasesSchema,
  netPeeringsSchema,
  scmRepoLinksSchema,
  reviewAppsSchema,
  databasesSchema,
  databaseUsersSchema,
  databaseBackupsSchema,
  databaseMaintenanceSchema,
  accountDeletionsSchema,
  billingProfilesSchema,
  contractAcceptancesSchema,
  dataAccessConsentsSchema,
  hdsContactsSchema,
  twoFactorSchema,
  databaseFirewallRulesSchema,
];

export function openStores(file: string, clock: Clock = Date.now): Stores {
  const db = openDatabase(file, SCHEMAS);
  return {
    db,
    now: clock,
    users: new Users(db),
    tokens: new Tokens(db),
    apps: new Apps(db),
    collaborators: new Collaborators(db),
    variables: new Variables(db),
    domains: new Domains(db),
    addons: new Addons(db),
    deployments: new Deployments(db, clock),
    containers: new Containers(db),
    operations: new Operations(db, clock),
    events: new Events(db, clock),
    keys: new Keys(db),
    logDrains: new LogDrains(db, 'log_drains'),
    addonLogDrains: new LogDrains(db, 'addon_log_drains'),
    notifiers: new Notifiers(db),
    alerts: new Alerts(db),
    autoscalers: new Autoscalers(db),
    scmIntegrations: new ScmIntegrations(db),
    projects: new Projects(db),
    sources: new Sources(db),
    transferInvitations: new TransferInvitations(db),
    dedicatedDatabases: new DedicatedDatabases(db),
    netPeerings: new NetPeerings(db),
    scmRepoLinks: new ScmRepoLinks(db),
    reviewApps: new ReviewApps(db),
    databases: new Databases(db),
    databaseUsers: new DatabaseUsers(db),
    databaseBackups: new DatabaseBackups(db),
    databaseMaintenance: new DatabaseMaintenance(db),
    accountDeletions: new AccountDeletions(db),
    billingProfiles: new BillingProfiles(db),
    contractAcceptances: new ContractAcceptances(db),
    dataAccessConsents: new DataAccessConsents(db),
    hdsContacts: new HdsContacts(db),
    twoFactors: new TwoFactors(db),
    databaseFirewallRules: new DatabaseFirewallRules(db),
  };
}
