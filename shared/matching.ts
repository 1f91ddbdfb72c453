// A match's reasons as the API sends them: what each is about, whether it counts for or against
// the match, and the sentence a person reads.

export const MATCH_REASON_KINDS = ['niche', 'rate', 'audience', 'engagement', 'history', 'brand'] as const
export type MatchReasonKind = (typeof MATCH_REASON_KINDS)[number]

/**
 * `positive` counts for the match, `negative` against it; `neutral` is neither (a newcomer's empty
 * track record scores half marks, so it must not look like praise or a warning).
 */
export const MATCH_REASON_TONES = ['positive', 'negative', 'neutral'] as const
export type MatchReasonTone = (typeof MATCH_REASON_TONES)[number]

export interface MatchReason {
  kind: MatchReasonKind
  tone: MatchReasonTone
  text: string
}
