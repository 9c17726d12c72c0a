// Sources: `POST /sources` makes an upload location of the caller's, and the
// sandbox itself is the storage its two URLs point to (`PUT` the archive to
// the upload URL, `GET` it back from the download URL), so that a tarball
// uploaded there can be given as a deployment's source. The URLs are not
// operations of the spec: their only credential is the token they carry.

import type { SourcesHandlers } from '@scalingo-openapi/server';
import type { FastifyInstance } from 'fastify';
import { type Context, notFound, type Principal, transaction } from './context.js';

const url = (ctx: Context, id: string, token: string) => `${ctx.origin()}/v1/sources/${id}?token=${token}`;

export function sourceHandlers(ctx: Context): SourcesHandlers<Principal> {
  return {
    create({ auth }) {
      const source = transaction(ctx, () => ctx.sources.create(auth.user.id, ctx.now()));
      return {
        status: 201,
        body: {
          source: {
            upload_url: url(ctx, source.id, source.upload_token),
            download_url: url(ctx, source.id, source.download_token),
          },
        },
      };
    },
  };
}

interface SourceRequest {
  Params: { id: string };
  Querystring: { token?: string };
}

/** The storage behind the URLs: raw bodies, answers in the API's 404 envelope for an unknown, expired or mistaken URL. */
export function sourceStorage(ctx: Context, bodyLimit: number) {
  return async (app: FastifyInstance) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (_request, body, done) => done(null, body));
    const find = (id: string, token: string | undefined, kind: 'upload_token' | 'download_token') => {
      const source = ctx.sources.byToken(id, token ?? '', ctx.now());
      return source && source[kind] === token ? source : undefined;
    };
    app.put<SourceRequest>('/v1/sources/:id', async (request, reply) => {
      const source = find(request.params.id, request.query.token, 'upload_token');
      if (!source) return reply.code(404).send(notFound('source').body);
      const archive = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      transaction(ctx, () =>
        ctx.sources.upload(source.id, request.headers['content-type'] ?? 'application/octet-stream', archive),
      );
      return reply.code(200).send();
    });
    app.get<SourceRequest>('/v1/sources/:id', async (request, reply) => {
      const source = find(request.params.id, request.query.token, 'download_token');
      if (!source?.archive) return reply.code(404).send(notFound('source').body);
      return reply
        .code(200)
        .type(source.content_type ?? 'application/octet-stream')
        .send(source.archive);
    });
  };
}
