import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { bootstrap } from './platform/bootstrap.js';
import { createLogger } from './platform/logger.js';
import { demoPassword, demoStaff, isDemoSeeded, seedDemoBank } from './seed/demo-bank.js';
import { demoMerchantLogins } from './seed/demo-merchants.js';

/**
 * Process entry: `serve` (the API, the web app and, unless SHAREFIN_ROLE says otherwise, the
 * background worker), `worker` (background work only), `migrate` and `seed`.
 */
async function main(command: string): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const deps = await bootstrap(config, logger);
  const { db } = deps.database;

  if (command === 'migrate') {
    logger.info('migrations applied');
    await deps.database.close();
    return;
  }
  if (command === 'seed' || (command === 'serve' && config.seedDemo && !(await isDemoSeeded(db)))) {
    await seedDemoBank(db, deps.clock, deps.encryptor);
    logger.info('demo data seeded');
    if (command === 'seed') {
      await deps.database.close();
      return;
    }
  }

  const role = command === 'worker' ? 'worker' : config.role;
  const { app, jobs, simulators } = await buildApp(deps);
  if (role !== 'worker') await app.listen({ port: config.port, host: config.host });
  if (role !== 'web') jobs.start();
  // The simulated channels deliver their notifications and settle payers' waits on a timer.
  const stopSimulators = simulators.startScheduler();

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests and jobs');
    const force = setTimeout(() => process.exit(1), 15_000).unref();
    stopSimulators();
    await app.close();
    await jobs.stop();
    await deps.database.close();
    clearTimeout(force);
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  if (role !== 'worker')
    printWelcome(config.port, deps.database.kind, config.mfaEnforced, config.seedDemo);
}

function printWelcome(port: number, database: string, mfaEnforced: boolean, demo: boolean): void {
  const lines = [
    '',
    `  Sharefin 共享金融综合服务平台 is running at http://localhost:${port}`,
    `  API reference: http://localhost:${port}/docs   database: ${database}`,
  ];
  if (demo) {
    lines.push('', `  Demo logins (password for all: ${demoPassword}):`);
    for (const person of demoStaff)
      lines.push(
        `    ${person.username.padEnd(18)} ${person.roles.join(', ').padEnd(16)} ${person.displayName}`,
      );
    lines.push('', '  Demo merchant logins (mobile number, same password):');
    for (const login of demoMerchantLogins)
      lines.push(
        `    ${login.mobile.padEnd(18)} ${login.role.padEnd(16)} ${login.merchant} · ${login.description}`,
      );
  }
  if (!mfaEnforced)
    lines.push(
      '',
      '  MFA enforcement is OFF (demo mode). Set SHAREFIN_MFA_ENFORCEMENT=on for real use.',
    );
  lines.push('');
  process.stdout.write(`${lines.join('\n')}\n`);
}

main(process.argv[2] ?? 'serve').catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(
      `Sharefin cannot start.\n${error.message}\nSee docs/operations.md for every setting.\n`,
    );
  } else {
    process.stderr.write(
      `Sharefin failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
