import { signupSchema } from '#shared/schemas/auth'
import { createAccount } from '../../domain/users'

export default defineApiHandler(async (event) => {
  const input = await readBodyAs(event, signupSchema)
  const passwordHash = await hashNewPassword(input.password, 'password')
  const user = await createAccount(useDb(), input, passwordHash)
  setResponseStatus(event, 201)
  return logIn(event, user)
})
