import type { Command } from '../command.js';
import { UserError } from '../errors.js';

export const command: Command = {
  summary: 'TODO',
  usage: 'Использование: shnor template',
  help: '',
  options: {},
  async run() {
    throw new UserError('Команда ещё не реализована.');
  },
};
