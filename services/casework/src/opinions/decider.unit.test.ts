import { deciderSpec } from '@liaison/decider';
import type { SealedValue } from '@liaison/personal-data';
import { metadataFor } from '../shared/command-metadata.js';
import type { OpinionCommand, ReceiveOpinion, ReceiveOpinionData } from './commands.js';
import { opinionDecider } from './decider.js';
import type { Channel, OpinionEvent, ReceivedBy, VoterContact } from './events.js';

const spec = deciderSpec(opinionDecider);
const metadata = metadataFor();
const sealed = {
  sealed: 'aes-256-gcm/v1',
  subject: 'v1',
  iv: 'i',
  tag: 't',
  data: 'd',
} as SealedValue<VoterContact>;
const station = { stationId: 's1', jurisdictionId: 't1', jurisdictionPath: '/p/c/t1/', open: true };
const by = { deputyIds: [], observerId: null, openingBoxId: null, staffId: null };

function receive(overrides: Partial<ReceiveOpinionData> = {}): ReceiveOpinion {
  return {
    type: 'ReceiveOpinion',
    data: {
      opinionId: 'o1',
      trackingCode: 'ABCD-EFGH',
      channel: 'online',
      station,
      receivedBy: by,
      category: 'roads',
      location: ' Taoyuan Road ',
      text: ' Potholes on Taoyuan Road ',
      attachments: ['photos/1.jpg'],
      voter: { voterId: 'v1', anonymous: false, consentToContact: true, contact: sealed },
      ...overrides,
    },
    metadata,
  };
}

const received: OpinionEvent = {
  type: 'OpinionReceived',
  data: {
    opinionId: 'o1',
    trackingCode: 'ABCD-EFGH',
    channel: 'online',
    stationId: 's1',
    jurisdictionId: 't1',
    jurisdictionPath: '/p/c/t1/',
    receivedBy: by,
    category: 'roads',
    location: 'Taoyuan Road',
    text: 'Potholes on Taoyuan Road',
    attachments: ['photos/1.jpg'],
    voter: { voterId: 'v1', anonymous: false, consentToContact: true, contact: sealed },
  },
};
const answer = (explanation = 'Article 12 of the road law'): OpinionCommand => ({
  type: 'AnswerOpinionOnTheSpot',
  data: { opinionId: 'o1', basis: 'law', explanation },
  metadata,
});
const take = (suggestionId = 'g1'): OpinionCommand => ({
  type: 'TakeOpinionIntoSuggestion',
  data: { opinionId: 'o1', suggestionId },
  metadata,
});

describe('opinion decider', () => {
  it('receives an online opinion with trimmed text and the sealed voter', () => {
    spec.given([]).when(receive()).then([received]);
  });

  it('receives an anonymous opinion without contact details', () => {
    const voter = { voterId: 'v1', anonymous: true, consentToContact: false, contact: null };
    spec
      .given([])
      .when(receive({ voter }))
      .then([{ type: 'OpinionReceived', data: { ...received.data, voter } }]);
  });

  it.each([
    ['OPINION_ALREADY_RECEIVED', [received], {}],
    ['STATION_NOT_FOUND', [], { station: null }],
    ['STATION_CLOSED', [], { station: { ...station, open: false } }],
    ['INVALID_TEXT', [], { text: '   ' }],
    ['INVALID_TEXT', [], { text: 'x'.repeat(5001) }],
    ['INVALID_CATEGORY', [], { category: '' }],
    ['INVALID_LOCATION', [], { location: 'x'.repeat(201) }],
    ['INVALID_ATTACHMENTS', [], { attachments: Array.from({ length: 11 }, () => 'a') }],
    ['DEPUTIES_REQUIRED', [], { channel: 'reception' }],
    ['DEPUTIES_REQUIRED', [], { channel: 'deputy-visit' }],
    ['OBSERVER_REQUIRED', [], { channel: 'opinion-box', receivedBy: { ...by, observerId: 'obs' } }],
    ['STAFF_REQUIRED', [], { channel: 'phone' }],
    ['STAFF_REQUIRED', [], { channel: 'wechat' }],
    [
      'ANONYMOUS_WITH_CONTACT',
      [],
      { voter: { voterId: 'v', anonymous: true, consentToContact: false, contact: sealed } },
    ],
    [
      'CONTACT_REQUIRED',
      [],
      { voter: { voterId: 'v', anonymous: false, consentToContact: false, contact: null } },
    ],
    [
      'CONTACT_REQUIRED',
      [],
      { voter: { voterId: 'v', anonymous: true, consentToContact: true, contact: null } },
    ],
  ] as Array<[string, OpinionEvent[], Partial<ReceiveOpinionData>]>)(
    'refuses with %s',
    (code, given, overrides) => {
      spec.given(given).when(receive(overrides)).thenFails(code);
    },
  );

  it('accepts each channel with who received it', () => {
    const cases: Array<[Channel, ReceivedBy]> = [
      ['reception', { ...by, deputyIds: ['d1', 'd2'], staffId: 'staff' }],
      ['deputy-visit', { ...by, deputyIds: ['d1'] }],
      ['opinion-box', { ...by, observerId: 'obs', openingBoxId: 'box-1' }],
      ['phone', { ...by, staffId: 'staff' }],
      ['wechat', { ...by, staffId: 'staff' }],
    ];
    for (const [channel, receivedBy] of cases) {
      spec
        .given([])
        .when(receive({ channel, receivedBy }))
        .then([{ type: 'OpinionReceived', data: { ...received.data, channel, receivedBy } }]);
    }
  });

  it('answers a pending opinion on the spot, by the acting user', () => {
    spec
      .given([received])
      .when(answer())
      .then([
        {
          type: 'OpinionAnsweredOnTheSpot',
          data: {
            opinionId: 'o1',
            basis: 'law',
            explanation: 'Article 12 of the road law',
            answeredBy: 'user-1',
            scope: { stationId: 's1', jurisdictionPath: '/p/c/t1/', unitId: null },
          },
        },
      ]);
  });

  it('refuses to answer without an explanation, an unknown opinion, or one already triaged', () => {
    spec.given([received]).when(answer(' ')).thenFails('EXPLANATION_REQUIRED');
    spec.given([]).when(answer()).thenFails('OPINION_NOT_FOUND');
    const answered: OpinionEvent = {
      type: 'OpinionAnsweredOnTheSpot',
      data: {
        opinionId: 'o1',
        basis: 'law',
        explanation: 'x',
        answeredBy: 'u',
        scope: { stationId: 's1', jurisdictionPath: '/p/c/t1/', unitId: null },
      },
    };
    spec.given([received, answered]).when(answer()).thenFails('OPINION_ALREADY_ANSWERED');
    spec.given([received, answered]).when(take()).thenFails('OPINION_ALREADY_ANSWERED');
  });

  it('takes a pending opinion into a suggestion once; repeating it for the same suggestion changes nothing', () => {
    const taken: OpinionEvent = {
      type: 'OpinionTakenIntoSuggestion',
      data: { opinionId: 'o1', suggestionId: 'g1' },
    };
    spec.given([received]).when(take()).then([taken]);
    spec.given([received, taken]).when(take()).then([]);
    spec.given([received, taken]).when(take('g2')).thenFails('OPINION_ALREADY_IN_SUGGESTION');
    spec.given([received, taken]).when(answer()).thenFails('OPINION_ALREADY_IN_SUGGESTION');
    spec.given([]).when(take()).thenFails('OPINION_NOT_FOUND');
  });
});
