/**
 * The gateway: a WebSocket endpoint at `/gateway` speaking Discord's v10 JSON protocol.
 *
 * HELLO on connect; heartbeats (op 1) are acknowledged (op 11); IDENTIFY (op 2) gets READY and
 * then GUILD_CREATE for the guild when it falls on the session's shard; RESUME (op 6) replays
 * missed dispatches and sends RESUMED. Several sessions (clients or shards) may be connected.
 * Transport compression is supported both ways Discord offers it: `?compress=zlib-stream`
 * (one zlib context per connection, each frame ends with a Z_SYNC_FLUSH) and IDENTIFY
 * `compress: true` (each dispatch is a separate zlib payload). discord.js 14 only asks for
 * zlib-stream when the optional `zlib-sync` package is installed; otherwise it uses plain JSON.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { constants as zlibConstants, createDeflate, deflateSync } from 'node:zlib';
import { type WebSocket, WebSocketServer } from 'ws';
import { Intent } from './content.js';
import { randomToken } from './ids.js';
import type { FakeState } from './state.js';
import { botUserObject, guildCreateData } from './world.js';

/** Milliseconds Discord asks clients to heartbeat at. */
const HEARTBEAT_INTERVAL_MS = 41_250;
/** How many dispatches a session keeps for RESUME replays. */
const REPLAY_BUFFER = 500;

/** A gateway frame. */
interface GatewayPayload {
  op: number;
  d: unknown;
  s: number | null;
  t: string | null;
}

/** Sends frames over one socket, compressing them if the client asked. */
class Connection {
  private readonly zlibStream;
  private queue: Promise<void> = Promise.resolve();
  /** Set by IDENTIFY `compress: true`. */
  identifyCompress = false;

  constructor(
    readonly ws: WebSocket,
    zlibStream: boolean,
  ) {
    this.zlibStream = zlibStream ? createDeflate() : undefined;
  }

  send(payload: GatewayPayload): void {
    const json = JSON.stringify(payload);
    const deflate = this.zlibStream;
    if (deflate) {
      // One shared zlib context; every frame is flushed so the client can inflate it at once.
      this.queue = this.queue.then(
        () =>
          new Promise<void>((resolve) => {
            const chunks: Buffer[] = [];
            const onData = (chunk: Buffer): number => chunks.push(chunk);
            deflate.on('data', onData);
            deflate.write(json);
            deflate.flush(zlibConstants.Z_SYNC_FLUSH, () => {
              deflate.off('data', onData);
              this.raw(Buffer.concat(chunks));
              resolve();
            });
          }),
      );
    } else if (this.identifyCompress && payload.op === 0) {
      this.raw(deflateSync(json));
    } else {
      this.raw(json);
    }
  }

  private raw(data: string | Buffer): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(data);
  }

  close(code: number, reason: string): void {
    this.zlibStream?.end();
    if (this.ws.readyState === this.ws.OPEN) this.ws.close(code, reason);
  }
}

/** One identified gateway session (survives a dropped socket until resumed). */
export interface GatewaySession {
  readonly id: string;
  /** `[shard_id, num_shards]` from IDENTIFY (default `[0, 1]`). */
  readonly shard: readonly [number, number];
  readonly intents: number;
  /** Sequence number of the last dispatch. */
  seq: number;
  /** True once READY (and GUILD_CREATE, when the guild is on this shard) were sent. */
  ready: boolean;
  connection: Connection | undefined;
  readonly history: GatewayPayload[];
}

/** The gateway server; attach it to the HTTP server's `upgrade` event. */
export class Gateway {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, GatewaySession>();

  constructor(private readonly state: FakeState) {}

  /** Handles an HTTP upgrade: only `/gateway` is a WebSocket endpoint. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/gateway' && url.pathname !== '/gateway/') {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, url.searchParams));
  }

  /** Sessions that are ready and connected, optionally only those whose shard holds `guildId`. */
  readySessions(guildId?: string): GatewaySession[] {
    return [...this.sessions.values()].filter(
      (s) => s.ready && s.connection !== undefined && (guildId === undefined || shardOf(guildId, s.shard[1]) === s.shard[0]),
    );
  }

  /**
   * Sends a dispatch (op 0) to every ready session whose shard holds the guild, and only if the
   * session asked for `intent` (a GatewayIntentBits value) when one is given. Returns how many got it.
   */
  dispatchToGuild(guildId: string, event: string, data: unknown, intent?: number): number {
    const targets = this.readySessions(guildId).filter((s) => intent === undefined || (s.intents & intent) !== 0);
    for (const session of targets) this.dispatch(session, event, data);
    return targets.length;
  }

  /**
   * Like {@link dispatchToGuild}, but builds the data per session (what a session may see
   * depends on its intents). Sessions for which `build` returns undefined get nothing.
   */
  dispatchEach(guildId: string, event: string, intent: number, build: (session: GatewaySession) => unknown): number {
    let sent = 0;
    for (const session of this.readySessions(guildId)) {
      if ((session.intents & intent) === 0) continue;
      const data = build(session);
      if (data === undefined) continue;
      this.dispatch(session, event, data);
      sent += 1;
    }
    return sent;
  }

  /** Closes every socket and the WebSocket server. */
  async close(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate();
    this.sessions.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private onConnection(ws: WebSocket, query: URLSearchParams): void {
    if ((query.get('encoding') ?? 'json') !== 'json') {
      ws.close(4002, 'The fake only speaks encoding=json');
      return;
    }
    if (query.has('v') && query.get('v') !== '10') {
      ws.close(4012, 'Invalid API version');
      return;
    }
    const compress = query.get('compress');
    if (compress !== null && compress !== 'zlib-stream') {
      ws.close(4000, `Unsupported compress=${compress}`);
      return;
    }
    const connection = new Connection(ws, compress === 'zlib-stream');
    let session: GatewaySession | undefined;

    connection.send({ op: 10, d: { heartbeat_interval: HEARTBEAT_INTERVAL_MS }, s: null, t: null });

    ws.on('message', (raw) => {
      let frame: { op?: unknown; d?: unknown };
      try {
        frame = JSON.parse(String(raw)) as { op?: unknown; d?: unknown };
      } catch {
        connection.close(4002, 'Error while decoding payload.');
        return;
      }
      switch (frame.op) {
        case 1: // heartbeat
          connection.send({ op: 11, d: null, s: null, t: null });
          break;
        case 2: // identify
          if (session) connection.close(4005, 'Already authenticated.');
          else session = this.identify(connection, frame.d);
          break;
        case 6: // resume
          if (session) connection.close(4005, 'Already authenticated.');
          else session = this.resume(connection, frame.d);
          break;
        case 3: // presence update
        case 4: // voice state update
        case 8: // request guild members
          if (!session) connection.close(4003, 'Not authenticated.');
          break;
        default:
          connection.close(4001, 'Unknown opcode.');
      }
    });

    ws.on('close', (code) => {
      if (!session || session.connection !== connection) return;
      session.connection = undefined;
      // Like Discord: closing with 1000/1001 ends the session; other codes leave it resumable.
      if (code === 1000 || code === 1001) this.sessions.delete(session.id);
    });
  }

  private identify(connection: Connection, d: unknown): GatewaySession | undefined {
    const identify = (typeof d === 'object' && d !== null ? d : {}) as { token?: unknown; intents?: unknown; shard?: unknown; compress?: unknown };
    if (typeof identify.token !== 'string' || identify.token === '') {
      connection.close(4004, 'Authentication failed.');
      return undefined;
    }
    const shard = parseShard(identify.shard);
    if (!shard) {
      connection.close(4010, 'Invalid shard.');
      return undefined;
    }
    connection.identifyCompress = identify.compress === true;
    const intents = typeof identify.intents === 'number' ? identify.intents : 0;
    if ((intents & Intent.MessageContent) !== 0 && !this.state.messageContentEnabled) {
      // Like Discord: a privileged intent not enabled in the developer portal ends the login.
      connection.close(4014, 'Disallowed intent(s).');
      return undefined;
    }

    const { world } = this.state;
    const session: GatewaySession = {
      id: randomToken(16),
      shard,
      intents,
      seq: 0,
      ready: false,
      connection,
      history: [],
    };
    this.sessions.set(session.id, session);

    const hasGuild = shardOf(world.guild.id, shard[1]) === shard[0];
    this.dispatch(session, 'READY', {
      v: 10,
      user: { ...botUserObject(world), flags: 0, mfa_enabled: false, verified: true },
      guilds: hasGuild ? [{ id: world.guild.id, unavailable: true }] : [],
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: this.state.gatewayUrl,
      application: { id: world.applicationId, flags: 0 },
      private_channels: [],
      presences: [],
      relationships: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      auth: {},
      user_settings: {},
      ...(Array.isArray(identify.shard) ? { shard: [...shard] } : {}),
    });
    if (hasGuild) this.dispatch(session, 'GUILD_CREATE', guildCreateData(world, this.state.channels));
    session.ready = true;
    this.state.events.emit('sessionReady', session.id);
    return session;
  }

  private resume(connection: Connection, d: unknown): GatewaySession | undefined {
    const resume = (typeof d === 'object' && d !== null ? d : {}) as { session_id?: unknown; seq?: unknown };
    const session = typeof resume.session_id === 'string' ? this.sessions.get(resume.session_id) : undefined;
    if (!session) {
      connection.send({ op: 9, d: false, s: null, t: null }); // invalid session, not resumable
      return undefined;
    }
    session.connection?.close(4000, 'Session resumed elsewhere');
    session.connection = connection;
    const since = typeof resume.seq === 'number' ? resume.seq : 0;
    for (const payload of session.history) if ((payload.s ?? 0) > since) connection.send(payload);
    this.dispatch(session, 'RESUMED', {});
    return session;
  }

  private dispatch(session: GatewaySession, event: string, data: unknown): void {
    session.seq += 1;
    const payload: GatewayPayload = { op: 0, d: data, s: session.seq, t: event };
    session.history.push(payload);
    if (session.history.length > REPLAY_BUFFER) session.history.shift();
    session.connection?.send(payload);
  }
}

/** Discord's shard formula: `(guild_id >> 22) % num_shards`. */
function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(Math.max(1, shardCount)));
}

function parseShard(value: unknown): [number, number] | undefined {
  if (value === undefined || value === null) return [0, 1];
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [id, count] = value as unknown[];
  if (typeof id !== 'number' || typeof count !== 'number' || count < 1 || id < 0 || id >= count) return undefined;
  return [id, count];
}
