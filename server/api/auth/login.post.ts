import { loginSchema } from '#shared/schemas/auth'

export default defineApiHandler(async (event) => {
  const input = await readBodyAs(event, loginSchema)
  return logIn(event, await authenticate(event, input))
})
