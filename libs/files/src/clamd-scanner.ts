import { createReadStream } from 'node:fs';
import { connect, type Socket } from 'node:net';

/** What clamd said about a file. */
export type ScanVerdict = { clean: true } | { clean: false; signature: string };

/** clamd could not be asked (down, too slow, or it answered with an error): the upload is refused. */
export class ScannerUnavailable extends Error {}

/** The largest chunk clamd's INSTREAM takes at once (its StreamMaxLength bounds the whole stream). */
const CHUNK = 64 * 1024;

/**
 * A client of clamd's INSTREAM command (the protocol `clamdscan --stream` speaks): `zINSTREAM\0`,
 * then chunks each prefixed with its length as a 4-byte big-endian integer, then a zero length;
 * clamd answers `stream: OK`, `stream: <signature> FOUND` or `... ERROR`, ended by `\0`. The file
 * is read from disk in chunks, never held whole. The whole exchange is bounded by `timeoutMs`.
 */
export class ClamdScanner {
  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly timeoutMs: number,
  ) {}

  scan(path: string): Promise<ScanVerdict> {
    return new Promise<ScanVerdict>((resolve, reject) => {
      let settled = false;
      let answer = '';
      const socket: Socket = connect({ host: this.host, port: this.port });
      const finish = (error: Error | null, verdict?: ScanVerdict) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        socket.destroy();
        if (error) reject(error instanceof ScannerUnavailable ? error : new ScannerUnavailable(`clamd: ${error.message}`));
        else resolve(verdict!);
      };
      const timer = setTimeout(
        () => finish(new ScannerUnavailable(`clamd did not answer within ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
      socket.on('error', (error) => finish(error));
      const conclude = (text: string) => {
        try {
          finish(null, parseAnswer(text));
        } catch (error) {
          finish(error as Error);
        }
      };
      socket.on('data', (data) => {
        answer += data.toString('utf8');
        if (answer.includes('\0')) conclude(answer.slice(0, answer.indexOf('\0')));
      });
      socket.on('end', () => (answer ? conclude(answer) : finish(new ScannerUnavailable('clamd closed the connection'))));
      socket.on('connect', () => void this.stream(socket, path).catch((error: Error) => finish(error)));
    }).catch((error: unknown) => {
      throw error instanceof ScannerUnavailable ? error : new ScannerUnavailable(String(error));
    });
  }

  private async stream(socket: Socket, path: string): Promise<void> {
    const write = (data: Buffer) =>
      new Promise<void>((resolve, reject) => socket.write(data, (error) => (error ? reject(error) : resolve())));
    await write(Buffer.from('zINSTREAM\0'));
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK })) {
      const data = chunk as Buffer;
      const length = Buffer.alloc(4);
      length.writeUInt32BE(data.length);
      await write(Buffer.concat([length, data]));
      if (socket.destroyed) return;
    }
    await write(Buffer.alloc(4));
  }
}

/** `stream: OK` → clean; `stream: Eicar-Signature FOUND` → infected; anything else is an error. */
export function parseAnswer(raw: string): ScanVerdict {
  const answer = raw.replace(/\0/g, '').trim();
  if (/: OK$/.test(answer)) return { clean: true };
  const found = /: (.+) FOUND$/.exec(answer);
  if (found) return { clean: false, signature: found[1] };
  throw new ScannerUnavailable(`clamd answered "${answer.slice(0, 200)}"`);
}
