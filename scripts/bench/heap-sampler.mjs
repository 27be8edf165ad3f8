// Preloaded by scripts/bench/profile.mjs (`node --import`): samples every allocation of this thread,
// including objects garbage collection has freed since (Node's own --heap-prof keeps only what is
// still alive at the end), and writes the profile when the process exits, to the file named by this module's `?out=` query.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

const session = new Session();
session.connect();
session.post('HeapProfiler.startSampling', {
  samplingInterval: 32 * 1024,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
});
process.on('exit', () => {
  // The in-thread inspector answers synchronously, so the profile is written before the process ends.
  session.post('HeapProfiler.stopSampling', (error, result) => {
    if (!error) writeFileSync(new URL(import.meta.url).searchParams.get('out') ?? 'heap.heapprofile', JSON.stringify(result.profile));
  });
});
