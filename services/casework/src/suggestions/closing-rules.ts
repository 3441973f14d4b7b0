// When a replied suggestion may close (办结): the rules per tier, and for closures signed on site.
import { domainError, type DomainError } from '@liaison/decider';
import { SIGN_OFF_PARTIES } from './events.js';
import type { OpenState } from './state.js';

/**
 * Every closure: a reply, and a B reply's follow-up given. On site: deputy, voter and handler all signed.
 * Otherwise: every voter who consented was told the outcome; a township suggestion needs a voter's rating
 * (when any voter can be asked), a county or city suggestion the deputy's rating. An unsatisfied rating has
 * already reopened the case, so the ratings present are all satisfied or basically satisfied.
 */
export function closingRefusal(state: OpenState, onSite: boolean): DomainError | null {
  if (state.status !== 'replied')
    return domainError('NOT_REPLIED', `expected a replied suggestion, it is ${state.status}`);
  if (state.followUpOwed)
    return domainError('FOLLOW_UP_OUTSTANDING', 'a B reply owes its follow-up before the case closes');
  if (onSite) {
    const missing = SIGN_OFF_PARTIES.filter((party) => !state.signOffs.includes(party));
    return missing.length > 0
      ? domainError('SIGN_OFF_INCOMPLETE', `an on-site closure needs the signatures of ${missing.join(', ')}`)
      : null;
  }
  const uninformed = state.voters.filter(
    (voter) => voter.consentToContact && !state.informed.includes(voter.opinionId),
  );
  if (uninformed.length > 0)
    return domainError(
      'VOTERS_NOT_INFORMED',
      `expected every voter who consented to be told the outcome; ${uninformed.length} not yet`,
    );
  if (state.tier === 'township') {
    const askable = state.voters.some((voter) => voter.consentToContact);
    if (askable && !state.ratings.some((rating) => rating.by === 'voter'))
      return domainError('VOTER_RATING_REQUIRED', "a township suggestion closes on a voter's rating");
  } else if (!state.ratings.some((rating) => rating.by === 'deputy')) {
    return domainError('DEPUTY_RATING_REQUIRED', `a ${state.tier} suggestion closes on the deputy's rating`);
  }
  return null;
}
