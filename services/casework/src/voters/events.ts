// Events about a voter as a data subject: every read of their personal data, and being forgotten.

export type VoterEvent =
  | {
      type: 'VoterContactViewed';
      data: { voterId: string; opinionId: string; viewerId: string; viewerRole: string };
    }
  | {
      type: 'VoterForgotten';
      /** `opinionIds`: the opinions whose sealed contact read models drop. */
      data: { voterId: string; opinionIds: string[]; reason: string; forgottenBy: string };
    };

export const VOTER_EVENT_TYPES = ['VoterContactViewed', 'VoterForgotten'] as const;

/** The stream holding one voter's data-subject events. */
export function voterStream(voterId: string): string {
  return `voter-${voterId}`;
}
