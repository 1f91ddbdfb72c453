// The original service's campaign list; answers exactly as GET /api/campaigns.
export { default } from './campaigns/index.get'
