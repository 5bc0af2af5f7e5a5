import { createSocket, type Socket } from 'node:dgram';

export interface UdpListener {
  /** The port bound on both 127.0.0.1 and ::1. */
  readonly port: number;
  /** Datagrams received so far on either socket, with the address that sent each. */
  readonly packets: { readonly address: string; readonly bytes: number }[];
  close(): Promise<void>;
}

/** Listens for UDP (STUN/TURN) on one port of 127.0.0.1 and ::1, to see whether anything is sent there. */
export async function listenUdp(): Promise<UdpListener> {
  const packets: { address: string; bytes: number }[] = [];
  const v4 = createSocket('udp4');
  await new Promise<void>((resolve) => v4.bind(0, '127.0.0.1', resolve));
  const { port } = v4.address();
  const v6 = createSocket({ type: 'udp6', ipv6Only: true });
  await new Promise<void>((resolve, reject) => {
    v6.once('error', reject);
    v6.bind(port, '::1', resolve);
  });
  for (const socket of [v4, v6]) socket.on('message', (message, remote) => packets.push({ address: remote.address, bytes: message.length }));
  const close = (s: Socket) => new Promise<void>((resolve) => s.close(() => resolve()));
  return { port, packets, close: async () => void (await Promise.all([close(v4), close(v6)])) };
}
