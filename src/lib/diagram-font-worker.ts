// The worker thread that makes a build's diagram font subsets (writeDiagramFonts, src/lib/diagram-font.ts): one after
// the other, then says so. A failure ends the thread with the error, which rejects the build's wait.
import { parentPort, workerData } from 'node:worker_threads';
import { makeSubset, type FontJob } from './diagram-font.ts';

for (const job of (workerData as { jobs: FontJob[] }).jobs) await makeSubset(job);
parentPort?.postMessage('done');
