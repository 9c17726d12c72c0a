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
  'scalingo_api/apps.md:945 GET /apps/{app}/child_apps 201':
    'a list answering 201 Created: the status line is copied from the create section above; a GET list answers 200',
  'scalingo_api/billing.md:50 GET /account/billing/operations 200':
    '`previous_page` in meta.pagination; the JS client (meta.ts) and every other page of the reference read `prev_page`',
  'scalingo_api/collaborators.md:182 POST /apps/{app}/collaborators 201':
    '`collaborator` holds an array; go-scalingo (collaborators.go CollaboratorRes) decodes one object',
  'scalingo_api/deployments.md:144 GET /apps/{app}/deployments/{deployment_id} 200':
    'a deployment without `status`; go-scalingo (deployments.go) decodes it and every other deployment example shows it',
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
  'scalingo_api/referral.md:55 GET /account/referrals/stats 200':
    '`clicks` as a string; the JS client (models/regional/stats.ts ReferralsStats) reads a number',
  'scalingo_api/user.md:210 GET /account/usage 200':
    'not JSON even with its `...` read as elisions: `usage` is an object followed by a second object',
  'seed/000_ec03662cd2ee25bd.txt:768 POST /users/sign_in 404':
    'changelog, "Before" form, under a status line copied from the entry above; sign-in answers 201 (seed, "Get your API token")',
  'seed/000_ec03662cd2ee25bd.txt:776 POST /users/sign_in 404':
    'changelog, under a status line copied from the entry above (404); sign-in answers 201 (seed, "Get your API token")',
};
