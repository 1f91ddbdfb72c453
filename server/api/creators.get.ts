// The original service's creator search; answers exactly as GET /api/influencers.
export { default } from './influencers/index.get'
