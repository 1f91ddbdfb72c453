import { createHash, randomBytes } from 'node:crypto'

/** A random token handed to one person (refresh token, reset link): 256 bits, URL-safe. */
export const newSecretToken = () => randomBytes(32).toString('base64url')

/** What is stored of a secret token: a leaked table then gives nobody a usable token. */
export const tokenDigest = (token: string) => createHash('sha256').update(token).digest('hex')
