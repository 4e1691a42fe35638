/**
 * The WebSocket to the playground server: JSON both ways, reconnecting when it drops.
 */
import type { ClientMessage, ServerMessage } from '../protocol.js';
import { byId, window, WebSocket } from './dom.js';
import { state } from './state.js';

const RECONNECT_MS = 1000;

let notConnected: () => void = () => undefined;

/** Sends a request to the server, or says the page is not connected. */
export function send(message: ClientMessage): void {
  if (state.socket?.readyState === WebSocket.OPEN) state.socket.send(JSON.stringify(message));
  else notConnected();
}

/** Opens the socket; `onMessage` gets every server message, `onOffline` runs when a send finds none. */
export function connect(onMessage: (message: ServerMessage) => void, onOffline: () => void): void {
  notConnected = onOffline;
  const connection = byId('connection');
  const socket = new WebSocket(new URL('/socket', window.location.href.replace(/^http/, 'ws')).href);
  state.socket = socket;
  socket.addEventListener('open', () => {
    connection.textContent = 'connected';
    connection.className = 'connection online';
  });
  socket.addEventListener('message', (event) => {
    try {
      onMessage(JSON.parse(String(event.data)) as ServerMessage);
    } catch (error) {
      console.error('playground: could not show a server message', error);
    }
  });
  socket.addEventListener('close', () => {
    connection.textContent = 'disconnected — retrying…';
    connection.className = 'connection offline';
    window.setTimeout(() => connect(onMessage, onOffline), RECONNECT_MS);
  });
}
