// The original service's request list; answers exactly as GET /api/ad-requests.
export { default } from './ad-requests/index.get'
