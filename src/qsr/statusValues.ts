// The status values a return may carry, taken from src/status so the return never invents its own.
import { ACTION_STATUSES as STATUS_ACTION_STATUSES, ActionStatus } from "../status/actionStatus";
import { DIRECTIONS as STATUS_DIRECTIONS, Direction } from "../status/direction";
import { RAGS as STATUS_RAGS, Rag } from "../status/rag";

// zod's enum wants a non-empty tuple; the status lists are non-empty by construction.
export const RAGS = STATUS_RAGS as readonly [Rag, ...Rag[]];
export const DIRECTIONS = STATUS_DIRECTIONS as readonly [Direction, ...Direction[]];
export const ACTION_STATUSES = STATUS_ACTION_STATUSES as readonly [ActionStatus, ...ActionStatus[]];

export const RED: Rag = "Red";
export const SLIPPED_MORE: ActionStatus = "Slipped (more than 3 months)";
