/** What a command may write to: injected so that tests can capture it. */
export interface CommandContext {
  stdout: Pick<NodeJS.WritableStream, 'write'> & {isTTY?: boolean};
  stderr: Pick<NodeJS.WritableStream, 'write'> & {isTTY?: boolean};
}
