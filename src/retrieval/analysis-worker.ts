/**
 * Worker-thread entry: analyses a run of passages (see `parallel-analysis.ts`) and sends back
 * its postings (typed arrays, transferred, not copied) and what it learned about acronyms.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PartRequest, PartResult } from './parallel-analysis.js';
import { analysePassages } from './search-index.js';

const { passages } = workerData as PartRequest;
const { postings, learner } = analysePassages(passages);
const transfer = postings.fields.flatMap((f) => [f.offsets.buffer, f.passages.buffer, f.frequencies.buffer, f.lengths.buffer]);
parentPort?.postMessage({ postings, tally: learner.tally() } satisfies PartResult, [...transfer, postings.documentFrequency.buffer] as ArrayBuffer[]);
