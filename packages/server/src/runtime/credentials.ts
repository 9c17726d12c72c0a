// Reads the credentials of a request and matches them against the security
// alternatives of the operation. Verifying them is the user's hook.

export type Credentials = { scheme: 'bearer'; token: string } | { scheme: 'basic'; username: string; password: string };

/** The HTTP scheme each security scheme name of the documents uses. */
const HTTP_SCHEME: Record<string, Credentials['scheme']> = {
  bearerAuth: 'bearer',
  databaseBearerAuth: 'bearer',
  basicAuth: 'basic',
  accountBasicAuth: 'basic',
  addonProviderBasicAuth: 'basic',
  platformBasicAuth: 'basic',
};

export function readCredentials(authorization: string | undefined): Credentials | undefined {
  if (!authorization) return undefined;
  const space = authorization.indexOf(' ');
  if (space < 0) return undefined;
  const scheme = authorization.slice(0, space).toLowerCase();
  const value = authorization.slice(space + 1).trim();
  if (scheme === 'bearer' && value) return { scheme: 'bearer', token: value };
  if (scheme === 'basic' && value) {
    let decoded: string;
    try {
      decoded = Buffer.from(value, 'base64').toString('utf8');
    } catch {
      return undefined;
    }
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    return { scheme: 'basic', username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  return undefined;
}

/** The security scheme names of `security` the credentials can satisfy. */
export function acceptedSchemes(security: string[][], credentials: Credentials): string[] {
  return security.flat().filter((name) => (HTTP_SCHEME[name] ?? 'bearer') === credentials.scheme);
}
