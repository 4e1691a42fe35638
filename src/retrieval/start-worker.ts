import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread running the module `name` beside `from` (an `import.meta.url`).
 * Under tsx or vitest the modules are TypeScript; a worker does not inherit the loader, so it
 * registers tsx before importing the module.
 *
 * @example startWorker(import.meta.url, 'build-worker', { dir: 'knowledge' })
 */
export function startWorker(from: string, name: string, workerData: unknown): Worker {
  const fromSource = from.endsWith('.ts');
  const url = new URL(`./${name}${fromSource ? '.ts' : '.js'}`, from);
  return fromSource
    ? new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`, { eval: true, workerData })
    : new Worker(url, { workerData });
}
