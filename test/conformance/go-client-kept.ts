// Disagreements between the Go client and the spec kept on purpose, each with why.
// The conformance test fails on any disagreement missing here and on any entry
// that no longer happens, so the list changes only by a decision.

/** Keyed by the disagreement's field as `goAgreement` names it. */
export const GO_CLIENT_KEPT: Record<string, string> = {
  // Decoded: the client reads these answers into the struct of the creation answer.
  'GET /apps/{app}/addons/{addon_id} (apps.addons.retrieve) 200.message':
    'the client reuses the creation answer (AddonRes); retrieve sends no message and the field decodes empty',
  'GET /apps/{app}/addons/{addon_id} (apps.addons.retrieve) 200.variables':
    'the client reuses the creation answer (AddonRes); retrieve sends no variables and the field decodes empty',
  'PATCH /apps/{app}/addons/{addon_id} (apps.addons.update) 200.variables':
    'the client reuses the creation answer (AddonRes); the plan change sends no variables and the field decodes empty',
  // Sent: a form the spec leaves out on purpose.
  'GET /apps/{app}/logs_archives (apps.logsArchives.list) query.page':
    'the older page-numbered form of a cursor-paged collection (LogsArchives; LogsArchivesByCursor sends `cursor`); a `page` parameter would read as the page/per_page pagination every tool keys on',
  // Sent: fields with `omitempty` that the calling code never sets, so never on the wire.
  'POST /keys (keys.create) body.key.id': 'Key.ID is `omitempty` and KeysAdd never sets it: never sent',
  'POST /apps/{app}/notifiers (apps.notifiers.create) body.notifier.RawTypeData':
    'NotifierOutput.RawTypeData is a nil `*struct{}` with `omitempty`, there to hide the embedded field: never sent',
  'PATCH /apps/{app}/notifiers/{notifier_id} (apps.notifiers.update) body.notifier.RawTypeData':
    'NotifierOutput.RawTypeData is a nil `*struct{}` with `omitempty`, there to hide the embedded field: never sent',
  // Sent: a nil slice goes out as `null`, but only from a call that makes no sense without it.
  'POST /apps/{app}/scale (apps.scale) body.containers':
    'AppsScaleParams.Containers is nil only in a scale of nothing, which the API refuses (422); the spec keeps the list required',
  'PUT /apps/{app}/variables (apps.variables.bulkUpdate) body.variables':
    'VariableMultipleSet (env.go) sends nil only for an update of no variable, which the API refuses; the spec keeps the list required',
};

/** Calls the reader cannot follow statically: they reach another host, named by an answer. */
export const GO_CLIENT_SKIPPED: Record<string, string> = {
  'deployments.go:Client.DeploymentLogs': 'reads the deployment stream on the logs host (streams.yaml)',
  'logs.go:Client.Logs': 'reads the log stream on the logs host (streams.yaml)',
  'operations.go:Client.OperationsShowFromURL': 'follows the `Location` URL of an asynchronous answer',
};
