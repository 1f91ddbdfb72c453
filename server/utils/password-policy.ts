const COMMON_PASSWORDS_FILE = 'common-passwords.txt'

let common: Promise<Set<string>> | undefined

/**
 * The 5,000 most common passwords of 8 characters or more, lower-cased (server/assets; taken from
 * the frequency list of zxcvbn-ts, MIT): the first ones any guesser tries. Read once, on first use.
 */
function commonPasswords(): Promise<Set<string>> {
  common ??= useStorage('assets:server').getItem<string>(COMMON_PASSWORDS_FILE).then((text) => {
    const list = new Set(String(text ?? '').split('\n').map(line => line.trim()).filter(Boolean))
    // Without its list the check would pass everything; better to refuse to work at all.
    if (list.size === 0) throw new Error(`The list of common passwords (server/assets/${COMMON_PASSWORDS_FILE}) is missing`)
    return list
  })
  return common
}

export async function isCommonPassword(password: string): Promise<boolean> {
  return (await commonPasswords()).has(password.toLowerCase())
}

/**
 * Hashes a password someone has just chosen (signup, reset, change), whose length the shared
 * `passwordSchema` has checked: a common one is refused first with a 400 naming `field`.
 */
export async function hashNewPassword(password: string, field: string): Promise<string> {
  if (await isCommonPassword(password)) {
    const message = 'This password is one of the most common ones and easy to guess; choose another'
    throw createError({ status: 400, statusText: 'Bad Request', message: `Invalid request body: ${field}: ${message}`, data: { fields: { [field]: message } } })
  }
  return hashPassword(password, useRuntimeConfig().bcryptCost)
}
