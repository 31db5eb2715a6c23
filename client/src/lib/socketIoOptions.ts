/**
 * How every Socket.IO connection of the app connects: WebSocket only, never HTTP long-polling first.
 * A WebSocket is one connection to one node for its whole life, so several app nodes behind a load
 * balancer need no sticky sessions (docs/scaling.md); long-polling's separate requests could reach
 * different nodes, which do not know each other's polling sessions. The app needs WebSocket anyway
 * for shared documents (/yjs).
 */
export const SOCKET_IO_OPTIONS: { path: string; transports: string[] } = { path: '/socket.io', transports: ['websocket'] };
