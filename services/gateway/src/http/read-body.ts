// Reads a request body up to a limit, stopping as soon as the limit is passed instead of buffering it all.
import type { IncomingMessage } from 'node:http';

export type BodyRead =
  | { kind: 'complete'; text: string }
  | {
      kind: 'too-large';
      /** Bytes declared by Content-Length, or read before stopping. */ receivedBytes: number;
      declared: boolean;
    };

/** Reads the body as UTF-8 text, or reports it too large from Content-Length or once more than `maxBytes` arrived. */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyRead> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    return Promise.resolve({ kind: 'too-large', receivedBytes: declared, declared: true });
  }
  if (req.destroyed) return Promise.reject(new Error('request closed before its body was read'));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const stop = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) {
        stop();
        // The rest is left unread; the 413 answer closes the connection.
        req.pause();
        resolve({ kind: 'too-large', receivedBytes: received, declared: false });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve({ kind: 'complete', text: Buffer.concat(chunks).toString('utf8') });
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    const onClose = () => {
      stop();
      reject(new Error(`request closed after ${received} bytes, before its body ended`));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}
