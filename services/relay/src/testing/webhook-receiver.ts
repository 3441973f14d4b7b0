// A real local HTTP webhook receiver for tests and benchmarks: records what arrives, answers as told.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: Record<string, string>;
  body: string;
  receivedAt: number;
}

/** How the receiver answers the next requests: status and headers, or a function of the request body. */
export type Answer = { status: number; headers?: Record<string, string> };

export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private server: http.Server | null = null;
  private port = 0;
  /** Decides each answer; the default accepts everything. */
  answer: (body: string) => Answer = () => ({ status: 204 });
  /** How long to take before answering a request, in milliseconds (default: answer at once). */
  latency: (body: string) => number = () => 0;
  /** Requests being answered now, and the most there were at once. */
  inFlight = 0;
  maxInFlight = 0;
  /** Called for each request as it arrives. */
  onReceive: ((webhook: ReceivedWebhook) => void) | null = null;

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks`;
  }

  /** Starts listening (on the same port as before after a stop, so the partner's URL stays valid). */
  async start(): Promise<void> {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const headers = Object.fromEntries(
          Object.entries(req.headers).map(([name, value]) => [
            name,
            Array.isArray(value) ? value.join(', ') : (value ?? ''),
          ]),
        );
        const answer = this.answer(body);
        if (answer.status >= 200 && answer.status < 300) {
          const webhook = { headers, body, receivedAt: performance.timeOrigin + performance.now() };
          this.received.push(webhook);
          this.onReceive?.(webhook);
        }
        this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight);
        const respond = () => {
          this.inFlight--;
          res.writeHead(answer.status, answer.headers ?? {});
          res.end();
        };
        const latency = this.latency(body);
        if (latency > 0) setTimeout(respond, latency);
        else respond();
      });
    });
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Stops listening and cuts open connections: the receiver is down. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }

  /** The parsed CloudEvents received, in arrival order. */
  events(): Array<{ id: string; subject: string; streamposition: number; position: number; data: unknown }> {
    return this.received.map((webhook) => JSON.parse(webhook.body) as never);
  }
}
