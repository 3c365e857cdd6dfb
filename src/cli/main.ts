// service-plan: the command-line face of Golden Thread.
import { Command } from "commander";
import { register as registerCheck } from "./commands/check";
import { register as registerCollect } from "./commands/collect";
import { register as registerConvert } from "./commands/convert";
import { register as registerDemo } from "./commands/demo";
import { register as registerNew } from "./commands/new";
import { register as registerQsr } from "./commands/qsr";
import { register as registerReport } from "./commands/report";
import { register as registerStatus } from "./commands/status";
import { register as registerSignOff } from "./commands/signoff";
import { register as registerRecord } from "./commands/record";
import { register as registerRollover } from "./commands/rollover";

export function buildProgram(): Command {
  const program = new Command("service-plan")
    .description("Golden Thread: council service plans, statuses, SMART checks and quarterly returns")
    .version("0.1.0")
    // One prefix for every error, commander's own (a missing option, an unknown command) included.
    .configureOutput({ outputError: (text, write) => write(text.replace(/^error: /, "service-plan: ")) });
  registerStatus(program);
  registerNew(program);
  registerConvert(program);
  registerCheck(program);
  registerSignOff(program);
  registerRecord(program);
  registerQsr(program);
  registerCollect(program);
  registerReport(program);
  registerRollover(program);
  registerDemo(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  await buildProgram().parseAsync(argv);
}
