// One HTTP POST of a webhook, reduced to what the dispatcher decides on: delivered, gone, or failed and why.

export interface PostResult {
  outcome: 'delivered' | 'gone' | 'failed';
  status: number | null;
  /** The receiver's Retry-After header, when it sent one. */
  retryAfter: string | null;
  error: string | null;
  durationMs: number;
}

/**
 * Posts `body` to `url`. A 2xx answer is a delivery; 410 Gone means the receiver is gone for good; anything
 * else (other statuses, redirects, timeouts, refused connections) is a failure to retry.
 */
export async function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<PostResult> {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Read (and drop) the answer so the connection can be reused.
    await response.arrayBuffer().catch(() => undefined);
    const durationMs = performance.now() - started;
    const status = response.status;
    if (status >= 200 && status < 300)
      return { outcome: 'delivered', status, retryAfter: null, error: null, durationMs };
    return {
      outcome: status === 410 ? 'gone' : 'failed',
      status,
      retryAfter: response.headers.get('retry-after'),
      error: `expected a 2xx answer; received ${status}`,
      durationMs,
    };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    const message = error instanceof Error ? error.message : String(error);
    return {
      outcome: 'failed',
      status: null,
      retryAfter: null,
      error: cause ? `${message} (${cause})` : message,
      durationMs: performance.now() - started,
    };
  }
}
