import { writeFileSync } from 'node:fs';
import { test, chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../test/support/browser';
import { declareIncident, enterName } from '../test/support/war-room-page';
import { incidentIdOf } from '../test/support/p2p';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] };
const summarise = (profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] }, top = 25): string => {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((s, i) => self.set(s, (self.get(s) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const agg = new Map<string, number>();
  for (const [id, us] of self) {
    const f = byId.get(id)!.callFrame;
    const k = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    agg.set(k, (agg.get(k) ?? 0) + us);
  }
  return [...agg.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, us]) => `${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`).join('\n');
};

test.skip(!process.env.BENCH_PROFILE, 'profiling only with BENCH_PROFILE=1');
test('profile: open and append at 10k', async ({ baseURL }) => {
  const browser = await chromium.launch({ executablePath: await chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto('/?testhooks=1');
  await enterName(page, 'Ada');
  await declareIncident(page, 'Long incident', 'SEV1');
  const id = incidentIdOf(page);
  await page.evaluate((i) => (window as unknown as { __warroomTest: { addEntries(i: string, n: number, p: string): Promise<number> } }).__warroomTest.addEntries(i, 10000, 'bulk'), id);
  await page.goto('about:blank');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.goto(`/?testhooks=1#/incident/${id}`);
  await page.getByText('bulk 9999').waitFor();
  const open = (await cdp.send('Profiler.stop')) as { profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] } };
  writeFileSync('/tmp/prof/open.txt', summarise(open.profile, 40));
  await page.waitForTimeout(1500);
  await cdp.send('Profiler.start');
  const input = page.getByTestId('capture-input');
  for (let i = 0; i < 5; i++) {
    await input.focus();
    await page.keyboard.press('Alt+KeyN');
    await page.keyboard.type(`prof ${i}`);
    await page.keyboard.press('Enter');
    await page.getByText(`prof ${i}`).waitFor();
    await page.waitForTimeout(400);
  }
  const append = (await cdp.send('Profiler.stop')) as { profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] } };
  writeFileSync('/tmp/prof/append.txt', summarise(append.profile, 40));
  await browser.close();
});
