// Renders the reference page with Redocly CLI's `build-docs` (Redoc 3).
//
// Self-contained and silent by construction:
// - `--inlineBundle` puts Redoc's script in the page instead of loading it
//   from Redocly's CDN;
// - telemetry: the CLI's own is off with REDOCLY_TELEMETRY=off (and
//   `telemetry: off` in redocly.yaml), and the page's follows the same switch:
//   build-docs writes `disableTelemetry: true` into the page's Redoc options,
//   so the browser never sends traces to Redocly's collector;
// - Redoc's sidebar footer shows an attribution logo loaded from Redocly's CDN
//   whatever the options; we point it at a local copy (assets/redocly.svg).
// Each of these is checked on the output: a page that would reach another
// host fails the build. The browser test proves it again with real requests.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '@scalingo-openapi/spec-reader';

const run = promisify(execFile);

const CLI = path.join(repoRoot, 'node_modules/@redocly/cli/bin/cli.js');
const TEMPLATE = path.join(repoRoot, 'packages/docs/templates/reference.hbs');
const ATTRIBUTION_LOGO = /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g;
export const LOCAL_ATTRIBUTION_LOGO = 'assets/redocly.svg';

/** Redoc options of the page (see Redoc's `hydrate(definition, options)`). */
export const REDOC_OPTIONS = {
  disableTelemetry: true,
  // The languages of the sample switcher, in order; the first is shown first.
  // A sample is matched by its label (`TypeScript`, `curl`): Redoc's default
  // list has no TypeScript, which would leave our client's samples unreachable.
  codeSamples: {
    languages: [
      { lang: 'typescript', label: 'TypeScript' },
      { lang: 'bash', label: 'curl' },
    ],
  },
  downloadUrls: [
    { title: 'openapi.json', url: 'openapi.json' },
    { title: 'openapi.yaml', url: 'openapi.yaml' },
  ],
};

/**
 * Renders `specFile` (a bundled OpenAPI document) into the HTML of the
 * reference page and returns it; `header` is the site header's HTML.
 * @param {string} specFile
 * @param {{ title: string, header: string, workDir: string }} options
 */
export async function renderReference(specFile, { title, header, workDir }) {
  const output = path.join(workDir, `reference.${process.pid}.html`);
  try {
    await run(
      process.execPath,
      [
        CLI,
        'build-docs',
        specFile,
        '--output',
        output,
        '--inlineBundle',
        '--template',
        TEMPLATE,
        '--title',
        title,
        `--templateOptions.header=${header}`,
        '--openapi',
        JSON.stringify(REDOC_OPTIONS),
      ],
      {
        cwd: repoRoot,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
        maxBuffer: 16 * 1024 * 1024,
        timeout: 180_000,
      },
    );
    return localize(await fs.readFile(output, 'utf8'));
  } catch (error) {
    // execFile's error carries the CLI's stderr: show it, not just the exit code.
    const failed = /** @type {Error & { stderr?: string }} */ (error);
    if (failed.stderr) failed.message = `redocly build-docs failed:\n${failed.stderr}`;
    throw error;
  } finally {
    await fs.rm(output, { force: true });
  }
}

/**
 * Points the attribution logo at the local copy and checks the page reaches no other host.
 * @param {string} html
 */
export function localize(html) {
  if (!html.match(ATTRIBUTION_LOGO)) {
    throw new Error(
      "Redoc's attribution logo URL was not found: Redoc changed, check what its page loads from the network",
    );
  }
  const page = html.replace(ATTRIBUTION_LOGO, LOCAL_ATTRIBUTION_LOGO);
  /** @type {string[]} */
  const problems = [];
  if (/<script[^>]+\bsrc\s*=/i.test(page)) problems.push('a <script src>: Redoc is not inlined');
  if (/<link[^>]+\bhref\s*=\s*["']?(https?:)?\/\//i.test(page)) problems.push('a <link> to another host (CDN, font)');
  if (/cdn\.redoc\.ly/.test(page)) problems.push('a reference to cdn.redoc.ly');
  if (!page.includes('"disableTelemetry":true')) problems.push("Redoc's telemetry is not disabled");
  if (problems.length > 0)
    throw new Error(`The reference page would not be self-contained:\n  ${problems.join('\n  ')}`);
  return page;
}
