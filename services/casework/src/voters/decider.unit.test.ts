import { deciderSpec } from '@liaison/decider';
import { metadataFor } from '../shared/command-metadata.js';
import { voterDecider, type VoterCommand } from './decider.js';
import type { VoterEvent } from './events.js';

const spec = deciderSpec(voterDecider);
const metadata = metadataFor({ actorId: 'staff-1', role: 'station-staff' });
const view: VoterCommand = { type: 'ViewVoterContact', data: { voterId: 'v1', opinionId: 'o1' }, metadata };
const forget = (reason = 'voter asked to be forgotten'): VoterCommand => ({
  type: 'ForgetVoter',
  data: { voterId: 'v1', opinionIds: ['o1'], reason },
  metadata,
});
const forgotten: VoterEvent = {
  type: 'VoterForgotten',
  data: { voterId: 'v1', opinionIds: ['o1'], reason: 'voter asked to be forgotten', forgottenBy: 'staff-1' },
};

describe('voter decider', () => {
  it('records who viewed a contact', () => {
    spec
      .given([])
      .when(view)
      .then([
        {
          type: 'VoterContactViewed',
          data: { voterId: 'v1', opinionId: 'o1', viewerId: 'staff-1', viewerRole: 'station-staff' },
        },
      ]);
  });

  it('forgets a voter with a reason', () => {
    spec.given([]).when(forget()).then([forgotten]);
    spec.given([]).when(forget(' ')).thenFails('REASON_REQUIRED');
  });

  it('refuses views and a second forgetting once forgotten', () => {
    spec.given([forgotten]).when(view).thenFails('VOTER_FORGOTTEN');
    spec.given([forgotten]).when(forget()).thenFails('VOTER_FORGOTTEN');
  });
});
