// The original service's "send ad request"; answers exactly as POST /api/ad-requests.
export { default } from '../../api/ad-requests/index.post'
