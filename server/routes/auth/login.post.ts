// The original service's login path; answers exactly as POST /api/auth/login.
export { default } from '../../api/auth/login.post'
