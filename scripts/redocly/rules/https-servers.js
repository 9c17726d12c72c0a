// The API is TLS or nothing: every server URL is https.
/** @type {import('@redocly/openapi-core').Oas3Rule} */
export default function httpsServers() {
  return {
    Server: {
      enter(server, ctx) {
        if (typeof server.url === 'string' && !server.url.startsWith('https://')) {
          ctx.report({ message: 'Server URLs must use https.', location: ctx.location.child('url') });
        }
      },
    },
  };
}
