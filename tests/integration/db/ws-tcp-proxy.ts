import type { AddressInfo } from "node:net";
import net from "node:net";
import { WebSocketServer } from "ws";

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1"]);

/**
 * What Neon runs in front of Postgres, in a dozen lines: a WebSocket server that opens a TCP connection to the
 * `address=host:port` of the upgrade request and pipes bytes both ways. Only local targets are allowed.
 */
export async function startWsTcpProxy(): Promise<{
  port: number;
  connections(): number;
  close(): Promise<void>;
}> {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  let connections = 0;
  server.on("connection", (socket, request) => {
    const address = new URL(request.url ?? "/", "http://proxy").searchParams.get("address") ?? "";
    const split = address.lastIndexOf(":");
    const host = address.slice(0, split);
    const port = Number(address.slice(split + 1));
    if (!LOCAL_HOSTS.has(host) || !Number.isInteger(port)) {
      socket.close(1008, "only local targets");
      return;
    }
    connections += 1;
    const tcp = net.connect({ host, port });
    tcp.on("data", (chunk) => socket.send(chunk));
    tcp.on("close", () => socket.close());
    tcp.on("error", () => socket.close());
    socket.on("message", (data) => tcp.write(data as Buffer));
    socket.on("close", () => tcp.destroy());
  });
  await new Promise<void>((resolve) => server.once("listening", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => connections,
    close: () => {
      for (const client of server.clients) client.terminate();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
