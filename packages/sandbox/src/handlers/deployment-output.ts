// The build log of a deployment, as `GET …/deployments/{id}/output` sends it:
// the lines of each phase the deployment has entered so far, and of its end.
import { DEPLOYMENT_PHASES, type DeploymentOutcome, type DeploymentRow } from '../store/deployments.js';

const PHASE_LINES: Record<(typeof DEPLOYMENT_PHASES)[number]['status'], (ref: string) => string[]> = {
  building: (ref) => [
    `-----> Fetching source code (${ref})`,
    '-----> Detecting the buildpack',
    '-----> Installing dependencies',
    '-----> Running the build',
  ],
  pushing: () => [
    '-----> Build finished',
    '-----> Pushing the image to the registry',
    '-----> Running the postdeploy hook',
  ],
  starting: () => ['-----> Starting the new containers'],
};

const END_LINES: Record<DeploymentOutcome, string[]> = {
  success: ['-----> Containers started: the deployment succeeded'],
  'build-error': [' !     The build command exited with status 1', ' !     Deployment failed while building'],
  'hook-error': [' !     The postdeploy hook exited with status 1', ' !     Deployment failed in the postdeploy hook'],
  aborted: [' !     The connection with the pusher was lost', ' !     Deployment aborted'],
  'deploy-error': [' !     The new containers could not be started', ' !     Deployment failed while starting'],
  'crashed-error': [' !     A new container exited right after it started', ' !     Deployment failed: crashed'],
  'timeout-error': [' !     The new containers did not listen on $PORT in time', ' !     Deployment failed: timeout'],
};

/** The output of `deployment` as of now, `reached` being how many phases it has entered. */
export function deploymentOutput(deployment: DeploymentRow, reached: number): string {
  const ref = typeof deployment.doc.git_ref === 'string' ? deployment.doc.git_ref : 'archive';
  const queued = Date.parse(String(deployment.doc.created_at)) < deployment.startsMs;
  const lines = [
    ...(queued ? ['-----> Queued: waiting for the previous deployment of the application to end'] : []),
    ...DEPLOYMENT_PHASES.slice(0, reached).flatMap((phase) => PHASE_LINES[phase.status](ref)),
  ];
  if (deployment.settled) lines.push(...END_LINES[deployment.outcome]);
  return `${lines.join('\n')}\n`;
}
