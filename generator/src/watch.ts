// --watch: regenerates whenever a file of the spec (or redocly.yaml) changes,
// one run at a time, coalescing bursts of saves.
import fs from 'node:fs';
import path from 'node:path';

export async function watch(cwd: string, run: (changed: string[]) => Promise<void>): Promise<void> {
  let running = false;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  const changed = new Set<string>();
  const trigger = (file: string) => {
    changed.add(file);
    clearTimeout(timer);
    timer = setTimeout(async () => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      do {
        again = false;
        const files = [...changed];
        changed.clear();
        await run(files);
      } while (again);
      running = false;
    }, 25);
  };
  await run([]);
  const openapi = path.join(cwd, 'openapi');
  fs.watch(openapi, { recursive: true }, (_event, file) => {
    if (file && /\.(ya?ml|json)$/.test(String(file))) trigger(path.join(openapi, String(file)));
  });
  fs.watch(path.join(cwd, 'redocly.yaml'), () => trigger(path.join(cwd, 'redocly.yaml')));
  console.log('watching openapi/ for changes (Ctrl-C to stop)');
  await new Promise(() => undefined);
}
