import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from './config.js';
import { startServer } from './app.js';
import { FIRST_RUN_FILE } from './commands/adminBootstrapper.js';
import { listSignInAccounts } from './commands/signInAccountsLister.js';
import { startBanner } from './startBanner.js';

/** The server process (started by main.ts). Prints one block saying where to go and how to sign in (startBanner.ts). */
const config = loadConfig(process.env);
const server = await startServer(config);
const credentials = path.join(config.dataDir, FIRST_RUN_FILE);
const lanAddresses = Object.values(os.networkInterfaces())
  .flat()
  .filter((a): a is os.NetworkInterfaceInfo => !!a && a.family === 'IPv4' && !a.internal)
  .map((a) => a.address);
process.stdout.write(
  startBanner({
    url: server.url,
    host: config.host,
    port: server.port,
    accounts: await listSignInAccounts(server.deps.records),
    generatedPassword: server.generatedPassword,
    credentialsFile: fs.existsSync(credentials) ? credentials : null,
    passwordFromEnv: config.adminPassword !== undefined,
    lanAddresses,
    dataDir: config.dataDir,
  }),
);
let stopping = false;
const stop = () => {
  // A terminal's Ctrl-C reaches both the launcher and this process, and the launcher passes it on too.
  if (stopping) return;
  stopping = true;
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
// Started by the launcher (relaunch.ts): if it dies, stop rather than run on unsupervised.
if (process.send) process.once('disconnect', stop);
