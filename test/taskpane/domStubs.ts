// jsdom lacks ResizeObserver, which Fluent's MessageBar measures itself with; a no-op will do here.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
const w = globalThis as unknown as { ResizeObserver?: unknown };
if (!w.ResizeObserver) w.ResizeObserver = NoResizeObserver;
export {};
