// SSH keys of the caller: the content must be a public key (its MD5
// fingerprint is computed from it), the name unique among the caller's keys.
import { createHash } from 'node:crypto';
import type { Handlers } from '@scalingo-openapi/server';
import type { Doc } from '../store/documents.js';
import { isoDate, objectId } from '../store/values.js';
import { type Context, invalid, type Principal, userRef } from './context.js';
import { familyHandlers, refuse, userParent } from './family.js';

const PUBLIC_KEY =
  /^(ssh-(rsa|dss|ed25519)|ecdsa-sha2-nistp(256|384|521)|sk-(ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com) (?<blob>[A-Za-z0-9+/]+={0,2})(\s.*)?$/;

/** `aa:bb:…`, the MD5 fingerprint `ssh-keygen -l -E md5` prints. */
export function fingerprint(content: string): string | undefined {
  const blob = PUBLIC_KEY.exec(content.trim())?.groups?.blob;
  if (!blob) return undefined;
  const digest = createHash('md5').update(Buffer.from(blob, 'base64')).digest('hex');
  return digest.match(/../g)!.join(':');
}

export function keyHandlers(ctx: Context): Handlers<Principal>['keys'] {
  return familyHandlers<Doc>(ctx, {
    resource: 'key',
    plural: 'keys',
    idParam: 'key_id',
    store: ctx.keys,
    parent: userParent,
    create(input, parent) {
      const name = String(input.name);
      const content = String(input.content).trim();
      const print = fingerprint(content);
      if (!print) return refuse(invalid('content', 'is not a valid SSH public key'));
      const keys = ctx.keys.list(parent.id);
      if (keys.some((k) => k.name === name)) return refuse(invalid('name', 'has already been taken'));
      if (keys.some((k) => k.fingerprint === print)) return refuse(invalid('content', 'has already been taken'));
      return {
        id: objectId(),
        name,
        content,
        fingerprint: print,
        created_at: isoDate(),
        owner: userRef(parent.user),
      } satisfies Doc;
    },
  }) as never;
}
