// The reference's JSON examples the spec disagrees with, by test name
// (`file:line METHOD path status`), each with the evidence that settles it
// (official clients first: shared/reference/README.md).
export const DOCUMENTATION_ERRORS: Record<string, string> = {
  'database_api/maintenance.md:115 GET /api/databases/{database_id}/maintenance/{maintenance_id} 200':
    'rooted under `maintenance`; go-scalingo (maintenance.go DatabaseShowMaintenance) decodes the maintenance bare',
  'database_api/users.md:118 POST /api/databases/{database_id}/users 201':
    'the user bare; go-scalingo (databases.go DatabaseUserResponse) decodes it under `database_user`',
  'database_api/users.md:177 POST /api/databases/{database_id}/users/{username}/reset_password 200':
    'the user bare; go-scalingo (databases.go DatabaseUserResetPassword) decodes it under `database_user`',
  'scalingo_api/addons.md:178 PATCH /apps/{app}/addons/{addon_id} 200':
    '`vars` and no `addon`; go-scalingo (addons.go AddonRes) decodes `addon`, `message` and `variables`',
  'scalingo_api/billing.md:50 GET /account/billing/operations 200':
    '`previous_page` in meta.pagination; go-scalingo decodes pages into go-utils `pagination.Meta` (invoices.go), which reads `prev_page`, as the JS client (meta.ts) and every other page of the reference do',
  'scalingo_api/collaborators.md:182 POST /apps/{app}/collaborators 201':
    '`collaborator` holds an array; go-scalingo (collaborators.go CollaboratorRes) decodes one object',
  'scalingo_api/deployments.md:144 GET /apps/{app}/deployments/{deployment_id} 200':
    "a deployment cut down (no `status`, `links`, `finished_at`): every other deployment example of the page shows `status` and the JS client's model (models/regional/deployments.ts) has it not optional; go-scalingo (deployments.go) reads it: Deployment.IsFinished and HasFailed decide from the decoded `status`",
  'scalingo_api/deployments.md:202 POST /apps/{app}/deployments 200':
    'answers 200; go-scalingo (deployments.go DeploymentsCreate) expects 201 Created',
  'scalingo_api/deployments.md:275 POST /apps/{app}/deployments 200':
    'answers 200; go-scalingo (deployments.go DeploymentsCreate) expects 201 Created',
  'scalingo_api/notifiers.md:207 POST /apps/{app}/notifiers request':
    "rooted under `notifiers` (plural); go-scalingo (notifiers.go) and the page's parameter list root it under `notifier`",
  'scalingo_api/notifiers.md:288 PATCH /apps/{app}/notifiers/{notifier_id} request':
    'not JSON: an unquoted key (`active`) and one closing brace too many',
  'scalingo_api/projects.md:291 DELETE /projects/{project_id} 204':
    'a `{}` body under 204 No Content, which has no body (RFC 9110)',
  'scalingo_api/user.md:210 GET /account/usage 200':
    'not JSON even with its `...` read as elisions: `usage` is an object followed by a second object',
  // Example objects (the page's example of its resource, outside any operation).
  'scalingo_api/event_types.md:32 object EventTypeDefinition':
    "`display_named` for `display_name`: the page's table and go-scalingo (events_types.go) name it `display_name`",
  'scalingo_api/events.md:38 object EventBase':
    'the base every event shares, with `type` the placeholder `typename`: no event type (go-scalingo events_structs.go lists them)',
  'scalingo_api/events.md:144 object Event':
    '`type` is `rename_app` over the section `type=transfer_app` and its `old_owner`/`new_owner` (go-scalingo events_app.go EventTransferAppTypeData)',
  'scalingo_api/events.md:377 object Event':
    "a `new_domain` with `name` for `hostname`: the page's table and go-scalingo (events_structs.go EventNewDomainTypeData) read `hostname`",
  'scalingo_api/events.md:525 object Event':
    '`type` is `new_addon` over the section `type=upgrade_addon` and its `old_plan_name`/`new_plan_name` (go-scalingo events_addon.go)',
  'scalingo_api/events.md:728 object Event':
    '`type` is `edit_collaborator`, no event type (go-scalingo events_structs.go); the section is `type=accept_collaborator`',
  'scalingo_api/events.md:854 object Event':
    '`type` is `new_event`, no event type (go-scalingo events_structs.go); the section is `type=new_variable`',
  'scalingo_api/events.md:936 object Event':
    '`type` is `edit_variable` over the section `type=edit_variables` and its `new_vars`/`updated_vars` (go-scalingo events_structs.go)',
  'scalingo_api/events.md:1015 object Event':
    "an `add_credit` with `value` for `amount`: the page's table and go-scalingo (events_billing.go EventAddCreditTypeData) read `amount`",
  'scalingo_api/logs.md:108 object LogStreamMessage':
    "the keepalive ping's `timestamp` is the placeholder `<date>`, standing for a date the stream sends (a template value)",
  'scalingo_api/operations.md:26 object Operation':
    'not JSON: two operations (a pending one, a failed one) one after the other in one block',
  'seed/000_ec03662cd2ee25bd.txt:768 POST /users/sign_in 201':
    'changelog, the "Before" form: the sign-in answer without the `user` it has carried since 6 March 2015',
};

/**
 * The page's examples of a resource that no operation of their page answers with, by source, and the
 * component schema of the document (`scalingo`, `streams`) each is checked against (`root`: the value
 * under that key is). Every other example object is tied by rule to its page's operations
 * (reference-examples.test.ts `objectCase`). A block the reader counts as no example at all (no
 * endpoint before it) is an example object when it is listed here.
 */
export const OBJECT_SCHEMAS: Record<string, { document: 'scalingo' | 'streams'; schema: string; root?: string }> = {
  // The plans are listed per provider, on the providers' page, without an endpoint line of theirs.
  'scalingo_api/addon_providers.md:111': { document: 'scalingo', schema: 'AddonPlan' },
  // The fields every event shares, with `type` a placeholder: the base of each event's schema.
  'scalingo_api/events.md:38': { document: 'scalingo', schema: 'EventBase' },
  // A notifier's webhook posts the app's event.
  'scalingo_api/notifiers.md:83': { document: 'scalingo', schema: 'Event' },
  // An error answer of any operation (the shared 5XX answer's body).
  'scalingo_api/index.md:511': { document: 'scalingo', schema: 'ErrorMessage' },
  'seed/000_ec03662cd2ee25bd.txt:404': { document: 'scalingo', schema: 'ErrorMessage' },
  // The seed's changelog: the shape an answer took after the change (no endpoint line of its own).
  'seed/000_ec03662cd2ee25bd.txt:564': { document: 'scalingo', schema: 'Event' },
  'seed/000_ec03662cd2ee25bd.txt:638': { document: 'scalingo', schema: 'Addon', root: 'addon' },
  'seed/000_ec03662cd2ee25bd.txt:657': { document: 'scalingo', schema: 'Deployment' },
  // The messages of the deployments WebSocket and the logs stream.
  'scalingo_api/deployments.md:418': { document: 'streams', schema: 'DeploymentStreamMessage' },
  'scalingo_api/deployments.md:429': { document: 'streams', schema: 'DeploymentStreamMessage' },
  'scalingo_api/deployments.md:441': { document: 'streams', schema: 'DeploymentStreamMessage' },
  'scalingo_api/deployments.md:453': { document: 'streams', schema: 'DeploymentStreamMessage' },
  'scalingo_api/logs.md:108': { document: 'streams', schema: 'LogStreamMessage' },
};

/**
 * Answers whose status line the text gets wrong, by source, with the status they illustrate and why.
 * The example is then named and checked under that status.
 */
export const STATUS_CORRECTIONS: Record<string, { status: number; reason: string }> = {
  'seed/000_ec03662cd2ee25bd.txt:768': {
    status: 201,
    reason:
      'the 6 March 2015 entry on the sign-in answer repeats "Response 404 Not found" from the entry above it; sign-in answers 201 (the seed\'s "Get your API token")',
  },
  'seed/000_ec03662cd2ee25bd.txt:776': {
    status: 201,
    reason: 'the "After" block of the same entry (see above)',
  },
};
