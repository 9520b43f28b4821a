/**
 * Redis connections for the experiment queue (ioredis), from `redis://[user:pass@]HOST:PORT[/DB]`
 * URLs, with clear errors for a bad URL and an unreachable server.
 */
import { Redis, type RedisOptions } from 'ioredis'

/** Parses a queue URL into ioredis options; throws a clear error for anything else. */
export function redisOptions(url: string): RedisOptions {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new Error(`--queue must be a URL like redis://HOST:PORT, got "${url}"`)
  }
  if (parsed.protocol !== 'redis:' || !parsed.hostname)
    throw new Error(`--queue must be a URL like redis://HOST:PORT, got "${url}"`)
  const db = parsed.pathname.replace(/^\//, '')
  if (db !== '' && !/^\d+$/.test(db)) throw new Error(`the database in ${url} must be a number`)
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port: parsed.port ? Number(parsed.port) : 6379,
    ...(db ? { db: Number(db) } : {}),
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
  }
}

/** The URL without its password, for messages. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString().replace(/\/$/, '')
  } catch {
    return url
  }
}

/**
 * Connects and pings within `timeoutMs`; rejects with "cannot reach Redis at URL: reason".
 * `failFast` connections reject commands at once while disconnected (the coordinator);
 * otherwise commands wait for a reconnection (BullMQ workers need that).
 */
export async function connectRedis(
  url: string,
  options: { failFast: boolean; timeoutMs?: number },
): Promise<Redis> {
  const client = new Redis({
    ...redisOptions(url),
    lazyConnect: true,
    connectTimeout: options.timeoutMs ?? 5000,
    ...(options.failFast
      ? { enableOfflineQueue: false, maxRetriesPerRequest: 1 }
      : { maxRetriesPerRequest: null }),
    retryStrategy: (times) => Math.min(times * 200, 2000),
  })
  let lastError: Error | undefined
  client.on('error', (error: Error) => {
    lastError = error
  })
  try {
    await Promise.race([
      client.connect().then(() => client.ping()),
      new Promise((_, reject) =>
        setTimeout(
          () => reject(lastError ?? new Error('timed out')),
          options.timeoutMs ?? 5000,
        ).unref(),
      ),
    ])
  } catch (error) {
    client.disconnect()
    const reason = (lastError ?? (error as Error)).message || String(error)
    throw new Error(`cannot reach Redis at ${safeUrl(url)}: ${reason}`, { cause: error })
  }
  return client
}
