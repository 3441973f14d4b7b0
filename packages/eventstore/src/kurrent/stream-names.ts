// How the port's stream ids map to KurrentDB stream names: an optional namespace prefix, and the reserved
// streams that claim event ids.

/** Port stream ids are `<category>-<id>` with a category of [A-Za-z0-9_]; anything else is not ours. */
const PORT_STREAM = /^[A-Za-z0-9_]+-/;
const NAMESPACE = /^[A-Za-z0-9_]*$/;
/** `~` can never start a port stream id, so claim streams never collide with domain streams. */
const CLAIM_PREFIX = '~eventid-';

/** Escapes text for use inside a regular expression (JavaScript and .NET agree on these escapes). */
export function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/** The KurrentDB stream names of one store: its domain streams and its event id claims. */
export class StreamNames {
  /** Anchored regular expression matching exactly this store's domain streams (not claims, not system streams). */
  readonly domainStreamRegex: string;

  constructor(readonly namespace = '') {
    if (!NAMESPACE.test(namespace)) {
      throw new TypeError(
        `expected a namespace of letters, digits and underscores, received ${JSON.stringify(namespace)}`,
      );
    }
    this.domainStreamRegex = `^${escapeRegex(namespace)}[A-Za-z0-9_]+-`;
  }

  /** The KurrentDB stream holding a port stream. */
  stream(streamId: string): string {
    return this.namespace + streamId;
  }

  /** The port stream id of a KurrentDB stream, or null when the stream is not one of this store's domain streams. */
  streamId(streamName: string): string | null {
    if (!streamName.startsWith(this.namespace)) return null;
    const streamId = streamName.slice(this.namespace.length);
    return PORT_STREAM.test(streamId) ? streamId : null;
  }

  /** The prefix every stream of a category starts with (for server-side stream-name filters). */
  categoryPrefix(category: string): string {
    return `${this.namespace}${category}-`;
  }

  /** The stream whose first event claims an event id for one domain stream. */
  claimStream(eventId: string): string {
    return `${this.namespace}${CLAIM_PREFIX}${eventId}`;
  }
}
