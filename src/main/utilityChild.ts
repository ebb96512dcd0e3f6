/**
 * Electron's utility process, shaped as the simulator's launcher expects a child process to be:
 * with the RunAsNode fuse off, this is how the shell runs a Node script of its own.
 */
import { EventEmitter } from 'node:events';
import { utilityProcess } from 'electron';
import type { SimulatorChild, SpawnSimulator } from '../simulator/launch';

export const forkUtilityProcess: SpawnSimulator = (script, args, env) => {
  const child = utilityProcess.fork(script, args, { env: { ...process.env, ...env }, stdio: 'pipe', serviceName: 'AZHO state systems simulator' });
  const events = new EventEmitter();
  const shaped: SimulatorChild = {
    stdout: child.stdout,
    stderr: child.stderr,
    exitCode: null,
    signalCode: null,
    kill: () => child.kill(),
    once: (event: 'exit' | 'error', listener: (...args: any[]) => void) => events.once(event, listener), // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  child.once('exit', (code) => {
    shaped.exitCode = code;
    events.emit('exit', code, null);
  });
  return shaped;
};
