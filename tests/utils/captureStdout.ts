/**
 * Captures everything written to this process's stdout (where the in-process server logs) while still
 * printing it, so a test can prove the logs hold no case content. Call `stop` in afterAll.
 */
export function captureStdout(): { text(): string; stop(): void } {
  let logged = '';
  const realWrite = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    logged += chunk.toString();
    return realWrite(chunk as string, ...(rest as []));
  }) as typeof process.stdout.write;
  return {
    text: () => logged,
    stop: () => {
      process.stdout.write = realWrite;
    },
  };
}
