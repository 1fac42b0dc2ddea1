export { GlobalCommands, CommandButtons } from './GlobalCommands';
export { commandRegistry, useRegisterCommands, useCommands, COMMAND_GROUPS, type Command, type CommandGroup } from './commands';
export { formatShortcut, type Shortcut } from './shortcuts';
