// What handlers receive and return.
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface HandlerRequest<Path, Query, Headers, Body, Principal> {
  params: Path;
  query: Query;
  /** Declared header parameters, lowercased names. */
  headers: Headers;
  body: Body;
  /** What the `authenticate` hook returned for this request (undefined on public operations). */
  auth: Principal;
  /** The Fastify request and reply, for what the typed fields do not cover. */
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface ReplyShape {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type HandlerResult<Reply extends ReplyShape> = Reply | Promise<Reply>;

/** A handler looked up by name at run time; its typed request is built from validated input. */
export type AnyHandler = (
  request: HandlerRequest<unknown, unknown, unknown, unknown, unknown>,
) => HandlerResult<ReplyShape>;
