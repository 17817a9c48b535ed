// `npm run soak`: the soak test `npm test` runs for seconds, run for minutes. TANDEM_SOAK_SECONDS (default
// 300) of parallel load, then TANDEM_SOAK_KILLS (default 200) kills; TANDEM_SOAK_SEED repeats a run.
import { startVitest } from 'vitest/node';

process.env.TANDEM_SOAK_SECONDS ??= '300';
process.env.TANDEM_SOAK_KILLS ??= '200';
// vitest sets process.exitCode when a test fails.
const vitest = await startVitest('test', ['tests/integration/soak.test.ts'], { run: true, watch: false });
await vitest.close();
