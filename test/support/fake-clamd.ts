import { createServer, type Server, type Socket } from 'node:net';

/** The EICAR anti-virus test file: harmless, and every scanner reports it. */
export const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

export type FakeClamdMode = 'scan' | 'hang' | 'reset' | 'error';

/**
 * A stand-in for clamd on loopback that speaks its INSTREAM protocol for real: reads `zINSTREAM\0`,
 * then length-prefixed chunks up to a zero length, and answers `stream: OK\0` or, when the stream
 * holds the EICAR string, `stream: Eicar-Test-Signature FOUND\0`. What each scan received is kept,
 * so a test can check the whole file went through. `mode` makes it misbehave.
 */
export class FakeClamd {
  mode: FakeClamdMode = 'scan';
  readonly scanned: Buffer[] = [];
  private readonly sockets = new Set<Socket>();
  private server: Server | undefined;

  async start(): Promise<number> {
    this.server = createServer((socket) => this.session(socket));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    return typeof address === 'object' && address ? address.port : 0;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private session(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    if (this.mode === 'reset') {
      socket.destroy();
      return;
    }
    let buffer = Buffer.alloc(0);
    let commandRead = false;
    const chunks: Buffer[] = [];
    socket.on('data', (data: Buffer) => {
      buffer = Buffer.concat([buffer, data]);
      if (!commandRead) {
        const end = buffer.indexOf(0);
        if (end < 0) return;
        const command = buffer.subarray(0, end).toString();
        buffer = buffer.subarray(end + 1);
        commandRead = true;
        if (command !== 'zINSTREAM') {
          socket.end('UNKNOWN COMMAND\0');
          return;
        }
      }
      while (buffer.length >= 4) {
        const length = buffer.readUInt32BE(0);
        if (length === 0) {
          const whole = Buffer.concat(chunks);
          this.scanned.push(whole);
          if (this.mode === 'hang') return;
          if (this.mode === 'error') socket.end('INSTREAM size limit exceeded. ERROR\0');
          else socket.end(whole.includes(EICAR) ? 'stream: Eicar-Test-Signature FOUND\0' : 'stream: OK\0');
          return;
        }
        if (buffer.length < 4 + length) return;
        chunks.push(buffer.subarray(4, 4 + length));
        buffer = buffer.subarray(4 + length);
      }
    });
  }
}
