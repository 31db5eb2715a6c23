import { spawnServer, tempDataDir } from '../tests/utils/testServer.js';
for (let i = 0; i < 3; i++) {
  const s = await spawnServer(tempDataDir('rr-dbg-'), {}, 0, { compiled: true, productionEnv: false });
  let out = '';
  s.child.stdout!.on('data', (d) => (out += d));
  s.child.stderr!.on('data', (d) => (out += d));
  const r = await new Promise((res) => {
    s.child.once('exit', (code, sig) => res([code, sig, out.slice(-1500)]));
    process.kill(s.child.pid!, 'SIGTERM');
  });
  console.log(i, r);
}
