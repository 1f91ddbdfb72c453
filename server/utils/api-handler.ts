import type { EventHandler, EventHandlerRequest, H3Event } from 'h3'
import type { z } from 'zod'
import { DomainError } from '../domain/errors'
import type { DomainErrorKind } from '../domain/errors'

const REASON: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict',
  413: 'Payload Too Large', 422: 'Unprocessable Content', 429: 'Too Many Requests', 500: 'Internal Server Error',
}

const STATUS: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
}

/**
 * An API handler whose domain errors become their HTTP status with the domain's message, and
 * whose every error carries the standard reason phrase as `statusMessage`. Its answer waits for
 * the cache invalidations its writes started: the writer's next read already sees the change.
 */
export function defineApiHandler<T>(handler: (event: H3Event) => T | Promise<T>): EventHandler<EventHandlerRequest, Promise<T>> {
  return defineEventHandler(async (event) => {
    try {
      const answer = await handler(event)
      await invalidationsSettled()
      return answer
    }
    catch (error) {
      await invalidationsSettled()
      throw asHttpError(error)
    }
  })
}

/** A domain error as its HTTP status with the domain's message; any HTTP error with its standard reason phrase. */
export function asHttpError(error: unknown): unknown {
  if (error instanceof DomainError) {
    const status = STATUS[error.kind]
    return createError({ status, statusText: REASON[status], message: error.message, data: error.data })
  }
  if (isError(error) && !error.statusMessage) error.statusMessage = REASON[error.statusCode] ?? ''
  return error
}

/** zod issues as `{ "profile.budget": "Cannot be negative" }`, the shape every 400 carries. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const path = issue.path.join('.') || '_'
    fields[path] ??= issue.message
  }
  return fields
}

/**
 * The path of the first string in `value` that holds a NUL character, if any. PostgreSQL's text
 * cannot hold one (SQLite would store it, and no reader expects it), so input with one is
 * refused at the door, by field, on either database.
 */
export function nulCharacterPath(value: unknown, path: (string | number)[] = []): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? (path.join('.') || '_') : undefined
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = nulCharacterPath(inner, [...path, key])
      if (found) return found
    }
  }
  return undefined
}

function checked<T>(value: T, what: string): T {
  const field = nulCharacterPath(value)
  if (field) {
    const message = 'Must not contain a NUL character'
    throw createError({ status: 400, statusText: 'Bad Request', message: `Invalid ${what}: ${field}: ${message}`, data: { fields: { [field]: message } } })
  }
  return value
}

function invalid(error: z.ZodError, what: string) {
  const fields = fieldErrors(error)
  const list = Object.entries(fields).map(([f, m]) => `${f}: ${m}`).join('; ')
  return createError({ status: 400, statusText: 'Bad Request', message: `Invalid ${what}: ${list}`, data: { fields } })
}

/** Reads a JSON body and checks it against a shared schema; a bad body is a 400 naming the fields. */
export async function readBodyAs<S extends z.ZodType>(event: H3Event, schema: S): Promise<z.output<S>> {
  let body: unknown
  try {
    body = await readBody(event)
  }
  catch {
    throw createError({ status: 400, message: 'The request body is not valid JSON', data: { fields: { _: 'Malformed JSON' } } })
  }
  const result = schema.safeParse(body ?? {})
  if (!result.success) throw invalid(result.error, 'request body')
  return checked(result.data, 'request body')
}

export function readQueryAs<S extends z.ZodType>(event: H3Event, schema: S): z.output<S> {
  return validateAs(schema, getQuery(event), 'query')
}

/** Checks input gathered from elsewhere (headers, several sources) the same way: 400 naming the fields. */
export function validateAs<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input)
  if (!result.success) throw invalid(result.error, what)
  return checked(result.data, what)
}

export function readParamsAs<S extends z.ZodType>(event: H3Event, schema: S): z.output<S> {
  const result = schema.safeParse(getRouterParams(event))
  if (!result.success) throw invalid(result.error, 'path')
  return checked(result.data, 'path')
}
