import { appendFileSync } from 'node:fs';
import * as core from '@actions/core';
import { onRunnerFile } from '../errors/failure.js';
import type { Core } from './core.js';

/** @actions/core as the flows see it. */
export const actionsCore: Core = {
  getInput: (name) => core.getInput(name),
  getState: (name) => core.getState(name),
  setSecret: (secret) => {
    core.setSecret(secret);
  },
  setOutput: (name, value) => {
    onRunnerFile('GITHUB_OUTPUT', () => {
      core.setOutput(name, value);
    });
  },
  saveState: (name, value) => {
    onRunnerFile('GITHUB_STATE', () => {
      core.saveState(name, value);
    });
  },
  exportVariable: (name, value) => {
    onRunnerFile('GITHUB_ENV', () => {
      core.exportVariable(name, value);
    });
  },
  debug: (message) => {
    core.debug(message);
  },
  info: (message) => {
    core.info(message);
  },
  warning: (message) => {
    core.warning(message);
  },
  setFailed: (message) => {
    core.setFailed(message);
  },
  appendSummary: (markdown) => {
    // A summary is an extra: without GITHUB_STEP_SUMMARY (a local run) it is skipped.
    // Appended synchronously, as core writes the output and state files: core.summary's
    // async write would be a run's only async file I/O, and starting libuv's thread pool
    // for one line costs about 3 ms of a 60 ms step.
    const file = process.env.GITHUB_STEP_SUMMARY;
    try {
      if (!file) throw new Error('GITHUB_STEP_SUMMARY is not set');
      appendFileSync(file, markdown, 'utf8');
    } catch {
      core.debug('No step summary file: summary skipped.');
    }
  },
};
