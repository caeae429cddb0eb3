// A raw socket for probing a server's wire protocol: connect with a deadline, read what arrives
// next with a deadline. Used by the backends' probes (pg-probe.ts, mysql-probe.ts).
import net from 'node:net';

export interface WireSocket {
  socket: net.Socket;
  /** The next bytes from the server, or null when none came in time or the server closed */
  read(timeoutMs: number): Promise<Buffer | null>;
  write(data: Buffer): void;
  close(): void;
}

export type Endpoint = { host: string; port: number } | { path: string };

export function connectWire(endpoint: Endpoint, timeoutMs: number): Promise<WireSocket> {
  return new Promise((resolve, reject) => {
    const socket = 'path' in endpoint ? net.connect({ path: endpoint.path }) : net.connect({ host: endpoint.host, port: endpoint.port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(Object.assign(new Error(`no connection within ${timeoutMs} ms`), { code: 'ETIMEDOUT' }));
    }, timeoutMs);
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(wrap(socket));
    });
  });
}

function wrap(socket: net.Socket): WireSocket {
  const chunks: Buffer[] = [];
  let waiting: ((chunk: Buffer | null) => void) | null = null;
  let ended = false;
  socket.on('data', (chunk: Buffer) => {
    if (waiting) {
      const w = waiting;
      waiting = null;
      w(chunk);
    } else chunks.push(chunk);
  });
  const end = () => {
    ended = true;
    if (waiting) {
      const w = waiting;
      waiting = null;
      w(null);
    }
  };
  socket.on('end', end);
  socket.on('close', end);
  socket.on('error', end);
  return {
    socket,
    read(timeoutMs) {
      if (chunks.length > 0) return Promise.resolve(Buffer.concat(chunks.splice(0)));
      if (ended) return Promise.resolve(null);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiting = null;
          resolve(null);
        }, timeoutMs);
        waiting = (chunk) => {
          clearTimeout(timer);
          resolve(chunk);
        };
      });
    },
    write: (data) => {
      socket.write(data);
    },
    close: () => {
      socket.destroy();
    },
  };
}

export function errorCode(error: unknown): { code: string; message: string } {
  const code = error && typeof error === 'object' && 'code' in error && typeof error.code === 'string' ? error.code : 'ERROR';
  return { code, message: error instanceof Error ? error.message : String(error) };
}
