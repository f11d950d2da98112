#pragma once

class QThreadPool;

namespace wardroll::ui {

// The thread pool for the window's background work (reads and counts, the cleaning run,
// exports), apart from QThreadPool::globalInstance(): Qt's raster paint engine hands parts of
// large fills to the global pool and waits for them, so a global pool busy with a database read
// froze the window's painting (~300 ms after a cleaning run, measured). Lives as long as the
// application; its threads run at a lower priority than the UI thread.
QThreadPool* backgroundPool();

// Lowers the calling thread's scheduling priority, for the pool's tasks: on a machine with two
// cores they would otherwise take the processor from the UI thread. Not restored (on Linux an
// unprivileged thread cannot raise it again): the pool's threads only ever run background work.
// Threads the calling thread starts afterwards inherit it on Linux (the cleaning's own pool).
void lowerCurrentThreadPriority();

} // namespace wardroll::ui
