import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressPolicy, isPublicAddress } from '../../src/ingest/address-policy.js';
import { HostGate } from '../../src/ingest/host-gate.js';
import { createFetcher, type Resolver } from '../../src/ingest/safe-fetch.js';
import { startFixtureSite, type FixtureSite } from './fixture-site.js';

let site: FixtureSite;
beforeAll(async () => {
  site = await startFixtureSite();
  site.pages.set('/docs/a', { title: 'A', sections: { One: 'Text of one.' } });
});
afterAll(() => site.close());

const HTML = ['text/html'];

describe('which addresses ingestion may reach', () => {
  it.each([
    '127.0.0.1', '10.0.0.5', '172.16.3.4', '192.168.1.1', '169.254.169.254', '100.100.100.200', '0.0.0.0', '255.255.255.255',
    '::1', '::', 'fe80::1', 'fd00:ec2::254', '::ffff:127.0.0.1', '::ffff:169.254.169.254', '::ffff:10.0.0.1', '64:ff9b::7f00:1', 'not an ip',
  ])('refuses %s by default', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['93.184.216.34', '8.8.8.8', '2001:4860:4860::8888', '::ffff:8.8.8.8'])('allows the public address %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it('allows anything with --allow-private', () => {
    expect(addressPolicy(true)('127.0.0.1')).toBe(true);
    expect(addressPolicy(false)('127.0.0.1')).toBe(false);
  });
});

describe('the fetcher refuses private addresses (SSRF)', () => {
  it('given no --allow-private, when a loopback URL is fetched, then it is refused before connecting', async () => {
    const fetchPage = createFetcher({ policy: addressPolicy(false) });
    const before = site.log.length;
    await expect(fetchPage({ url: `${site.origin}/docs/a`, accept: HTML })).rejects.toThrow(/refused: 127\.0\.0\.1 resolves to 127\.0\.0\.1/);
    expect(site.log.length).toBe(before);
  });

  it('checks the address a name resolves to (localhost, a name pointing inside)', async () => {
    const inside: Resolver = async () => [{ address: '10.1.2.3', family: 4 }];
    await expect(createFetcher({ policy: addressPolicy(false) })({ url: 'http://localhost:1/', accept: HTML })).rejects.toThrow(/refused: localhost resolves to/);
    await expect(createFetcher({ policy: addressPolicy(false), resolve: inside })({ url: 'http://docs.example.test/', accept: HTML })).rejects.toThrow(/resolves to 10\.1\.2\.3/);
  });

  it('refuses a name when any of its addresses is private (a second answer cannot be used to slip in)', async () => {
    const mixed: Resolver = async () => [{ address: '93.184.216.34', family: 4 }, { address: '::ffff:127.0.0.1', family: 6 }];
    await expect(createFetcher({ policy: addressPolicy(false), resolve: mixed })({ url: 'http://two.example.test/', accept: HTML })).rejects.toThrow(/::ffff:127\.0\.0\.1/);
  });

  it('connects to the address it checked, whatever the name would resolve to later (no rebinding window)', async () => {
    let lookups = 0;
    // First answer: the fixture (allowed by this test's policy); any later answer: the metadata address.
    const rebinding: Resolver = async () => (lookups++ === 0 ? [{ address: '127.0.0.1', family: 4 }] : [{ address: '169.254.169.254', family: 4 }]);
    const onlyFixture = (address: string): boolean => address === '127.0.0.1';
    const port = new URL(site.origin).port;
    const result = await createFetcher({ policy: onlyFixture, resolve: rebinding })({ url: `http://docs.example.test:${port}/docs/a`, accept: HTML });
    expect(result.kind).toBe('ok');
    expect(lookups).toBe(1);
    expect(site.log.at(-1)?.headers.host).toBe(`docs.example.test:${port}`);
  });

  it('checks every redirect target: a redirect to the metadata address is refused', async () => {
    const onlyFixture = (address: string): boolean => address === '127.0.0.1';
    await expect(createFetcher({ policy: onlyFixture })({ url: `${site.origin}/redirect-to-metadata`, accept: HTML })).rejects.toThrow(/refused: 169\.254\.169\.254/);
  });
});

describe('the fetcher caps and decodes', () => {
  const fetchPage = createFetcher({ policy: addressPolicy(true) });

  it('gives up a redirect loop after 5 redirects', async () => {
    await expect(fetchPage({ url: `${site.origin}/loop/a`, accept: HTML })).rejects.toThrow('more than 5 redirects');
  });

  it('skips a page over 5 MB while it streams', async () => {
    await expect(fetchPage({ url: `${site.origin}/huge`, accept: HTML })).rejects.toThrow('skipped: larger than 5 MB');
  });

  it('skips other content types with the reason', async () => {
    await expect(fetchPage({ url: `${site.origin}/image.png`, accept: HTML })).rejects.toThrow('skipped: content type image/png is not text/html');
  });

  it('decodes a Latin-1 page', async () => {
    const result = await fetchPage({ url: `${site.origin}/latin1`, accept: HTML });
    expect(result.kind === 'ok' && result.text).toContain('Le café crème se boit à Paris');
  });

  it('identifies itself as Footnote, naming no address unless given a contact (see user-agent.test.ts)', async () => {
    await fetchPage({ url: `${site.origin}/docs/a`, accept: HTML });
    expect(site.log.at(-1)?.headers['user-agent']).toBe('Footnote/0.1.0 (knowledge ingestion for a Discord bot)');
  });

  it('times out', async () => {
    site.delayMs = 2_000;
    try {
      await expect(createFetcher({ policy: addressPolicy(true), timeoutMs: 200 })({ url: `${site.origin}/docs/a`, accept: HTML })).rejects.toThrow('timed out');
    } finally {
      site.delayMs = 0;
    }
  });
});

describe('politeness per host', () => {
  it('keeps at most 2 requests in flight to one host, spaced by the delay', async () => {
    const gate = new HostGate(2, 20);
    let inFlight = 0;
    let most = 0;
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: 8 }, () =>
        gate.run('h', async () => {
          starts.push(Date.now());
          inFlight += 1;
          most = Math.max(most, inFlight);
          await new Promise((resolve) => setTimeout(resolve, 30));
          inFlight -= 1;
        }),
      ),
    );
    expect(most).toBe(2);
    // 8 starts spaced by at least 20 ms take at least 140 ms (timer slack: allow a little less).
    expect((starts.at(-1) ?? 0) - (starts[0] ?? 0)).toBeGreaterThanOrEqual(130);
  });
});
