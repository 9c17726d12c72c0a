// --watch: regenerates whenever a file of the spec (or redocly.yaml) changes,
// one run at a time, coalescing bursts of saves.
import fs from 'node:fs';
import path from 'node:path';

export async function watch(cwd: string, run: () => Promise<void>): Promise<void> {
  let running = false;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  const trigger = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      do {
        again = false;
        await run();
      } while (again);
      running = false;
    }, 25);
  };
  await run();
  fs.watch(path.join(cwd, 'openapi'), { recursive: true }, (_event, file) => {
    if (file && /\.(ya?ml|json)$/.test(String(file))) trigger();
  });
  fs.watch(path.join(cwd, 'redocly.yaml'), trigger);
  console.log('watching openapi/ for changes (Ctrl-C to stop)');
  await new Promise(() => undefined);
}
