// Placeholder until the commands are wired.
export {};
