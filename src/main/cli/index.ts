import { runCli } from './main';

/**
 * Output that a closed reader cannot crash: `tandem … | head -1` closes the pipe after one line, and every
 * later write fails with EPIPE. The rest of the output is dropped quietly and the command ends as it would
 * have, with its own exit code (an import still finishes its job).
 */
function pipeSafe(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  return (text) => {
    if (!closed) stream.write(text);
  };
}

const out = pipeSafe(process.stdout);
const err = pipeSafe(process.stderr);
const code = await runCli(process.argv.slice(2), {
  out,
  err,
  now: () => new Date(),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
});
process.exitCode = code;
