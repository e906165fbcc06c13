import * as core from '@actions/core';
import type { Core } from './core.js';

/** @actions/core as the flows see it. */
export const actionsCore: Core = {
  getInput: (name) => core.getInput(name),
  getState: (name) => core.getState(name),
  setSecret: (secret) => {
    core.setSecret(secret);
  },
  setOutput: (name, value) => {
    core.setOutput(name, value);
  },
  saveState: (name, value) => {
    core.saveState(name, value);
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
  appendSummary: async (markdown) => {
    // A summary is an extra: without GITHUB_STEP_SUMMARY (a local run) it is skipped.
    try {
      await core.summary.addRaw(markdown).write();
    } catch {
      core.debug('No step summary file: summary skipped.');
    }
  },
};
