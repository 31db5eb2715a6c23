import { loadConfig } from './config.js';
import { startServer } from './app.js';

/** Entry point: `npm start`. Prints where to go and how to sign in; never prints secrets. */
const config = loadConfig(process.env);
const server = await startServer(config);
const admin = config.adminEmail ?? 'admin@example.org';
process.stdout.write(
  `\nReview Room is running at ${server.url}\n` +
    `Sign in as ${admin} with the password from ADMIN_PASSWORD` +
    (config.adminPassword ? '.\n' : ' (or the demo password printed above on first start).\n') +
    `Data is stored in ${config.dataDir}\n\n`,
);
const stop = () => { void server.close().then(() => process.exit(0)); };
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
