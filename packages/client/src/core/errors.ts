// Errors a call can end with: one class per status the API documents, plus
// connection and timeout failures. Messages name the method and the path
// template, never a token or a full URL with its query.

export interface ErrorContext {
  /** HTTP method of the request (`GET`). */
  method: string;
  /** Path template of the operation (`/apps/{app}`). */
  path: string;
  /** operationId (`apps.retrieve`). */
  operation?: string;
}

export class ScalingoError extends Error {
  override name = 'ScalingoError';
  /** HTTP status, `undefined` when no answer arrived. */
  readonly status: number | undefined;
  /** Parsed JSON body of the answer, or its text when it was not JSON. */
  readonly body: unknown;
  readonly method: string;
  readonly path: string;
  readonly operation: string | undefined;
  /** Headers of the answer (`X-Request-ID`, `Retry-After`…). */
  readonly headers: Headers | undefined;

  constructor(message: string, context: ErrorContext, status?: number, body?: unknown, headers?: Headers) {
    super(`${context.method} ${context.path}: ${message}`);
    this.status = status;
    this.body = body;
    this.method = context.method;
    this.path = context.path;
    this.operation = context.operation;
    this.headers = headers;
  }

  /** The error matching `status`, with the fields its body documents. */
  static fromResponse(status: number, body: unknown, headers: Headers, context: ErrorContext): ScalingoError {
    const message = messageOf(body) ?? `HTTP ${status}`;
    const Class = ERROR_CLASSES[status] ?? (status >= 500 ? InternalServerError : ScalingoError);
    return new Class(message, context, status, body, headers);
  }
}

/** 400 — the request body is not valid JSON. */
export class BadRequestError extends ScalingoError {
  override name = 'BadRequestError';
}

/** 401 — missing, invalid or expired credentials. */
export class AuthenticationError extends ScalingoError {
  override name = 'AuthenticationError';
  /** The account has two-factor authentication: send `X-Authorization-OTP`. */
  get otpRequired(): boolean {
    return /otp/i.test(messageOf(this.body) ?? '');
  }
}

/** 402 — the free trial does not allow the action; `url` leads to the billing page. */
export class PaymentRequiredError extends ScalingoError {
  override name = 'PaymentRequiredError';
  get url(): string | undefined {
    return field(this.body, 'url');
  }
}

/** 403 — the credentials do not allow this action. */
export class PermissionDeniedError extends ScalingoError {
  override name = 'PermissionDeniedError';
  get code(): string | undefined {
    return field(this.body, 'code');
  }
}

/** 404 — `resource` names the kind of thing that was not found (`app`). */
export class NotFoundError extends ScalingoError {
  override name = 'NotFoundError';
  get resource(): string | undefined {
    return field(this.body, 'resource');
  }
}

/** 409 — the resource exists already, changed meanwhile, or its state forbids the action. */
export class ConflictError extends ScalingoError {
  override name = 'ConflictError';
}

/** 422 — `errors` maps each invalid field to its messages. */
export class UnprocessableEntityError extends ScalingoError {
  override name = 'UnprocessableEntityError';
  get errors(): Record<string, string[]> {
    const errors = (this.body as { errors?: unknown } | undefined)?.errors;
    return errors && typeof errors === 'object' ? (errors as Record<string, string[]>) : {};
  }
}

/** 429 — more than 60 requests a minute. The body may be plain text. */
export class RateLimitError extends ScalingoError {
  override name = 'RateLimitError';
  /** Seconds to wait, from `Retry-After`, when the API sent it. */
  get retryAfter(): number | undefined {
    const value = this.headers?.get('retry-after');
    return value != null && /^\d+$/.test(value) ? Number(value) : undefined;
  }
}

/** 5xx — a failure on the platform's side. */
export class InternalServerError extends ScalingoError {
  override name = 'InternalServerError';
}

/** No answer: DNS, refused or dropped connection. */
export class APIConnectionError extends ScalingoError {
  override name = 'APIConnectionError';
  constructor(context: ErrorContext, cause?: unknown, message = 'could not reach the API') {
    super(message, context);
    if (cause !== undefined) (this as { cause?: unknown }).cause = cause;
  }
}

/** No answer within the timeout. */
export class APITimeoutError extends APIConnectionError {
  override name = 'APITimeoutError';
  constructor(context: ErrorContext, timeoutMs: number) {
    super(context, undefined, `no answer within ${timeoutMs} ms`);
  }
}

/** The caller aborted the request with its signal. */
export class APIUserAbortError extends ScalingoError {
  override name = 'APIUserAbortError';
  constructor(context: ErrorContext) {
    super('aborted by the caller', context);
  }
}

const ERROR_CLASSES: Record<number, typeof ScalingoError> = {
  400: BadRequestError,
  401: AuthenticationError,
  402: PaymentRequiredError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

function messageOf(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim() ? body.trim().slice(0, 200) : undefined;
  const error = field(body, 'error');
  if (error) return error;
  const errors = (body as { errors?: Record<string, unknown> } | undefined)?.errors;
  if (errors && typeof errors === 'object') {
    return Object.entries(errors)
      .map(([key, messages]) => `${key} ${[].concat(messages as never).join(', ')}`)
      .join('; ');
  }
  return undefined;
}

function field(body: unknown, name: string): string | undefined {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : undefined;
}
